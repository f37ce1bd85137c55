import { describe, expect, it } from 'vitest';
import { guardIncomingFrames, hasMalformedJson } from './frame-guard';

const frame = (json: string) =>
  `<message from="pubsub" to="me"><event xmlns="http://jabber.org/protocol/pubsub#event"><items node="t"><item id="1"><json xmlns="urn:xmpp:json:0">${json}</json></item></items></event></message>`;

describe('hasMalformedJson', () => {
  it.each([
    ['{"eventBody":{"id":"c1","participants":[]}}', false],
    ['{&quot;name&quot;:&quot;&lt;b&gt;Ada &amp; Bob&lt;/b&gt;&quot;}', false],
    ['<![CDATA[{"a":"<x>"}]]>', false],
    ['{"a":"&#x41;&#66;"}', false],
    ['{"topicName":"t","eventBody":{"id":"c1","participants":[', true],
    ['{&quot;a&quot;:', true],
  ])('%s → %s', (payload, expected) => {
    expect(hasMalformedJson(frame(payload))).toBe(expected);
  });

  it('leaves frames without a JSON payload alone', () => {
    expect(hasMalformedJson('<iq type="result" id="p1"/>')).toBe(false);
    expect(hasMalformedJson('<json xmlns="urn:xmpp:json:0"/>')).toBe(false);
  });
});

describe('guardIncomingFrames', () => {
  function transport() {
    const seen: unknown[] = [];
    const socket = {
      readyState: 1,
      onmessage: (message: { data: unknown }) => {
        seen.push(message.data);
      },
    };
    return { transport: { socket, disconnect: () => undefined }, socket, seen };
  }

  it('drops a frame with an unreadable payload and passes every other frame on', () => {
    const { transport: t, socket, seen } = transport();
    let dropped = 0;
    guardIncomingFrames(t, () => (dropped += 1));
    socket.onmessage({ data: frame('{"a":') });
    socket.onmessage({ data: frame('{"a":1}') });
    socket.onmessage({ data: '<iq/>' });
    expect(seen).toEqual([frame('{"a":1}'), '<iq/>']);
    expect(dropped).toBe(1);
  });

  it('wraps a socket once, and ignores a transport without one', () => {
    const { transport: t, socket, seen } = transport();
    let dropped = 0;
    guardIncomingFrames(t, () => (dropped += 1));
    guardIncomingFrames(t, () => (dropped += 1));
    socket.onmessage({ data: frame('[') });
    expect(dropped).toBe(1);
    expect(seen).toEqual([]);
    expect(() => guardIncomingFrames(undefined, () => undefined)).not.toThrow();
    expect(() =>
      guardIncomingFrames({ disconnect: () => undefined }, () => undefined),
    ).not.toThrow();
  });
});
