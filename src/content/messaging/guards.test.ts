/** The hand-written guards give the same verdicts as the zod schemas of the contract. */
import { describe, expect, it } from 'vitest';
import { contentApi } from '../../shared/protocol/contract';
import { PROTOCOL_VERSION } from '../../shared/protocol/envelope';
import { sessionSnapshotSchema } from '../../shared/protocol/schemas';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { makeCall } from '../../shared/screenpop/call-fixture';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import {
  CONTENT_PROTOCOL_VERSION,
  isContentConfig,
  isContentSnapshot,
  isEnvelopeLike,
  isReply,
  isSessionSnapshot,
} from './guards';
import { contentGuards } from './content-guards';

const valid: SessionSnapshot = {
  v: 1,
  connection: { state: 'connected', since: 1, attempt: 0, lastRecoveryMs: 2.5 },
  calls: [makeCall({ alertedAt: 5, recordingId: 'r', error: { code: 'x', message: 'y' } })],
  networkProfile: 'high-latency',
  seq: 7,
  updatedAt: 9,
};

/** A copy of the valid snapshot with the value at `path` replaced (or deleted when omitted). */
const mutate = (path: (string | number)[], ...value: unknown[]): unknown => {
  const copy: unknown = structuredClone(valid);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  const last = path.at(-1)!;
  if (value.length === 0) {
    Reflect.deleteProperty(node, last);
  } else {
    node[last] = value[0];
  }
  return copy;
};

const cases: [string, unknown][] = [
  ['valid', valid],
  ['no calls', { ...valid, calls: [] }],
  ['wrong version', mutate(['v'], 2)],
  ['negative seq', mutate(['seq'], -1)],
  ['fractional seq', mutate(['seq'], 1.5)],
  ['unknown connection state', mutate(['connection', 'state'], 'bogus')],
  ['unknown call state', mutate(['calls', 0, 'state'], 'ringing')],
  ['name too long', mutate(['calls', 0, 'remote', 'name'], 'x'.repeat(513))],
  ['name not text', mutate(['calls', 0, 'remote', 'name'], { html: '<b>' })],
  ['attribute value too long', mutate(['calls', 0, 'attributes'], { k: 'v'.repeat(4097) })],
  ['attribute key too long', mutate(['calls', 0, 'attributes'], { ['k'.repeat(257)]: 'v' })],
  ['attribute not text', mutate(['calls', 0, 'attributes'], { k: 1 })],
  ['empty conversation id', mutate(['calls', 0, 'conversationId'], '')],
  ['muted missing', mutate(['calls', 0, 'muted'])],
  ['too many calls', { ...valid, calls: Array.from({ length: 65 }, () => valid.calls[0]) }],
  ['calls not a list', mutate(['calls'], {})],
  ['bad error', mutate(['calls', 0, 'error'], { code: 'c' })],
  ['null', null],
  ['string', 'snapshot'],
];

describe('content guards', () => {
  it.each(cases)('agrees with the zod schema on a snapshot: %s', (_name, value) => {
    expect(isSessionSnapshot(value)).toBe(sessionSnapshotSchema.safeParse(value).success);
  });

  it.each(cases)('agrees with the contract on content.snapshot: %s', (_name, value) => {
    for (const popTarget of [true, 'yes']) {
      const data = { snapshot: value, popTarget };
      expect(isContentSnapshot(data)).toBe(
        contentApi['content.snapshot'].data.safeParse(data).success,
      );
    }
  });

  it('has a guard for every content message and the same protocol version', () => {
    expect(Object.keys(contentGuards).sort()).toEqual(Object.keys(contentApi).sort());
    expect(CONTENT_PROTOCOL_VERSION).toBe(PROTOCOL_VERSION);
    for (const spec of Object.values(contentApi)) {
      expect(spec.from).toEqual(['worker']); // the receiver accepts the worker only
    }
  });

  it('checks envelopes and replies', () => {
    expect(isEnvelopeLike({ v: 1, to: 'content', type: 'x', data: null })).toBe(true);
    expect(isEnvelopeLike({ v: 1, to: 'page', type: 'x' })).toBe(false);
    expect(isEnvelopeLike({ v: 1, to: 'content', type: '' })).toBe(false);
    expect(isReply({ ok: true, value: 1 })).toBe(true);
    expect(isReply({ ok: false, error: { name: 'A', code: 'c', message: 'm' } })).toBe(true);
    expect(isReply({ ok: false, error: 'nope' })).toBe(false);
  });

  it('accepts the default settings as configuration and refuses broken ones', () => {
    const config = { defaultRegion: 'US', screenPop: DEFAULT_SETTINGS.screenPop };
    expect(isContentConfig(config)).toBe(true);
    expect(isContentConfig({ ...config, defaultRegion: 'USA' })).toBe(false);
    expect(
      isContentConfig({ ...config, screenPop: { ...config.screenPop, rules: [{ id: 1 }] } }),
    ).toBe(false);
    expect(
      isContentConfig({ ...config, screenPop: { ...config.screenPop, allowedUrlHosts: 'x' } }),
    ).toBe(false);
  });
});
