import { describe, expect, it } from 'vitest';
import { parse } from 'stanza/jxt';
import { NS } from './ns';
import * as s from './stanzas';

describe('stanzas', () => {
  it('writes a bind result without a from attribute', () => {
    const xml = s.bindResult('b1', 'a@acme/r1').toString();
    const back = parse(xml);
    expect(back.getAttribute('from')).toBeUndefined();
    expect(back.getAttribute('type')).toBe('result');
    expect(back.getChild('bind', NS.bind)?.getChild('jid')?.getText()).toBe('a@acme/r1');
  });

  it('escapes JSON inside a pub/sub event and reads back the same text', () => {
    const json = JSON.stringify({ a: '<b>&"x"</b>', n: 1 });
    const xml = s
      .pubsubEvent({ from: 'n', to: 'a@b/c', id: 'e1', node: 'v2.users.u.conversations', json })
      .toString();
    expect(xml).not.toContain('<b>');
    const back = parse(xml);
    const item = back.getChild('event', NS.pubsubEvent)?.getChild('items')?.getChild('item');
    expect(item?.getChild('json', NS.json)?.getText()).toBe(json);
  });

  it('writes a softphone propose with the attributes the SDK reads', () => {
    const back = parse(
      s
        .propose('sid@gjoll.x/gjoll', 'a@x/r', 'm1', {
          sessionId: 'sid',
          conversationId: 'c1',
          autoAnswer: true,
        })
        .toString(),
    );
    const p = back.getChild('propose', NS.jingleMessage);
    expect(p?.getAttribute('id')).toBe('sid');
    expect(p?.getAttribute('inin-cid')).toBe('c1');
    expect(p?.getAttribute('inin-autoanswer')).toBe('true');
    expect(p?.getAttribute('inin-sdp-over-xmpp')).toBe('true');
    expect(p?.getAttribute('inin-priv-answer-mode')).toBeUndefined();
  });

  it('lists extdisco services with ports as text', () => {
    const back = parse(
      s.extdiscoServices('stun', [{ type: 'stun', host: '127.0.0.1', port: 3478 }]).toString(),
    );
    expect(back.getChildren('service').map((c) => c.getAttribute('port'))).toEqual(['3478']);
  });
});
