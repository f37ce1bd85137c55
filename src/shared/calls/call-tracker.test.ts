import { describe, expect, it } from 'vitest';
import type { CallSnapshot } from '../session/snapshot';
import type { CallEvent } from './call-events';
import { DEFAULT_TRACKER_OPTIONS, pruneCalls, reduceCalls } from './call-tracker';

const ID = 'conv-1';
const alerting = (extra: Record<string, unknown> = {}): CallEvent => ({
  type: 'call-alerting',
  call: {
    conversationId: ID,
    direction: 'inbound',
    remote: { name: 'Ada', number: '+15550001' },
    ...extra,
  },
});
const started: CallEvent = { type: 'call-started', conversationId: ID };
const media = (connectionState: 'connected' | 'failed' | 'disconnected'): CallEvent => ({
  type: 'call-media',
  conversationId: ID,
  connectionState,
});
const cancelled: CallEvent = { type: 'call-cancelled', conversationId: ID };
const ended = (
  reason: 'local-hangup' | 'remote-hangup' | 'declined' | 'answered-elsewhere' | 'failed',
): CallEvent => ({
  type: 'call-ended',
  conversationId: ID,
  reason,
});
const updated = (call: Record<string, unknown>): CallEvent => ({
  type: 'call-updated',
  call: { conversationId: ID, ...call },
});

/** Runs events at t = 1000, 2000, … and returns the final list. */
function run(events: unknown[]): CallSnapshot[] {
  return events.reduce<CallSnapshot[]>((calls, e, i) => reduceCalls(calls, e, (i + 1) * 1000), []);
}

describe('reduceCalls: state machine', () => {
  const cases: { name: string; events: unknown[]; state: CallSnapshot['state'] | 'absent' }[] = [
    { name: 'alerting', events: [alerting()], state: 'alerting' },
    { name: 'answered', events: [alerting(), started], state: 'connecting' },
    { name: 'media up', events: [alerting(), started, media('connected')], state: 'connected' },
    {
      name: 'hung up',
      events: [alerting(), started, media('connected'), ended('local-hangup')],
      state: 'ended',
    },
    {
      name: 'remote hang-up',
      events: [alerting(), started, media('connected'), ended('remote-hangup')],
      state: 'ended',
    },
    { name: 'cancelled while alerting', events: [alerting(), cancelled], state: 'missed' },
    { name: 'declined', events: [alerting(), ended('declined')], state: 'declined' },
    {
      name: 'taken on another device',
      events: [alerting(), ended('answered-elsewhere')],
      state: 'ended',
    },
    {
      name: 'platform ends it while alerting',
      events: [alerting(), updated({ state: 'disconnected' })],
      state: 'missed',
    },
    {
      name: 'platform ends a live call',
      events: [alerting(), started, updated({ state: 'terminated' })],
      state: 'ended',
    },
    {
      name: 'media never connects',
      events: [alerting(), started, media('failed')],
      state: 'failed',
    },
    {
      name: 'media fails after connecting stays live',
      events: [alerting(), started, media('connected'), media('failed')],
      state: 'connected',
    },
    { name: 'ended with failure', events: [alerting(), started, ended('failed')], state: 'failed' },
    {
      name: 'cancel after answer is ignored',
      events: [alerting(), started, cancelled],
      state: 'connecting',
    },
    {
      name: 'duplicate alerting keeps progress',
      events: [alerting(), started, media('connected'), alerting()],
      state: 'connected',
    },
    {
      name: 'late alerting after the end',
      events: [alerting(), cancelled, alerting()],
      state: 'missed',
    },
    {
      name: 'second end is ignored',
      events: [alerting(), ended('declined'), ended('remote-hangup')],
      state: 'declined',
    },
    {
      name: 'media before answer connects',
      events: [alerting(), media('connected')],
      state: 'connected',
    },
    { name: 'started without alerting creates it', events: [started], state: 'connecting' },
    {
      name: 'updates for unknown calls are ignored',
      events: [updated({ muted: true })],
      state: 'absent',
    },
    {
      name: 'ends for unknown calls are ignored',
      events: [ended('remote-hangup'), cancelled],
      state: 'absent',
    },
    {
      name: 'outbound starts connecting',
      events: [{ type: 'call-alerting', call: { conversationId: ID, direction: 'outbound' } }],
      state: 'connecting',
    },
  ];
  it.each(cases)('$name → $state', ({ events, state }) => {
    const calls = run(events);
    if (state === 'absent') {
      expect(calls).toEqual([]);
    } else {
      expect(calls).toHaveLength(1);
      expect(calls[0]?.state).toBe(state);
    }
  });

  it('stamps the timeline once', () => {
    const [call] = run([
      alerting(),
      started,
      media('connected'),
      media('disconnected'),
      media('connected'),
      ended('remote-hangup'),
    ]);
    expect(call).toMatchObject({
      alertedAt: 1000,
      answeredAt: 2000,
      mediaConnectedAt: 3000,
      endedAt: 6000,
    });
  });

  it('records a media failure on a connected call and clears it on recovery', () => {
    const failed = run([alerting(), started, media('connected'), media('failed')]);
    expect(failed[0]?.error?.code).toBe('media.failed');
    const recovered = reduceCalls(failed, media('connected'), 9000);
    expect(recovered[0]?.error).toBeUndefined();
    expect(recovered[0]?.mediaConnectedAt).toBe(3000);
  });
});

describe('reduceCalls: idempotence and validation', () => {
  const base = run([alerting(), started]);
  const malformed: [string, unknown][] = [
    ['null', null],
    ['a string', 'call-started'],
    ['unknown type', { type: 'call-exploded', conversationId: ID }],
    ['missing id', { type: 'call-started' }],
    ['empty id', { type: 'call-started', conversationId: '' }],
    ['oversized id', { type: 'call-started', conversationId: 'x'.repeat(129) }],
    ['bad media state', { type: 'call-media', conversationId: ID, connectionState: 'melted' }],
    ['bad reason', { type: 'call-ended', conversationId: ID, reason: 'boredom' }],
    [
      'attributes as array',
      { type: 'call-updated', call: { conversationId: ID, attributes: [1] } },
    ],
    ['muted as string', { type: 'call-updated', call: { conversationId: ID, muted: 'yes' } }],
  ];
  it.each(malformed)('ignores %s', (_name, event) => {
    expect(reduceCalls(base, event, 5000)).toBe(base);
  });

  it.each([
    ['duplicate started', started],
    ['duplicate alerting', alerting()],
    ['identical update', updated({ remote: { name: 'Ada' } })],
    ['transient media state', media('disconnected')],
  ])('returns the same array for %s', (_name, event) => {
    expect(reduceCalls(base, event, 5000)).toBe(base);
  });

  it('never mutates its input', () => {
    const frozen = Object.freeze(run([alerting()]).map((c) => Object.freeze(c)));
    const next = reduceCalls(frozen as CallSnapshot[], started, 5000);
    expect(next).not.toBe(frozen);
    expect(frozen[0]?.state).toBe('alerting');
  });
});

describe('reduceCalls: fields', () => {
  it('merges mute, hold, queue and remote party', () => {
    const [call] = run([
      alerting(),
      started,
      updated({ muted: true, held: true, queue: 'Billing', remote: { number: '+15550002' } }),
    ]);
    expect(call).toMatchObject({ muted: true, held: true, queue: 'Billing' });
    expect(call?.remote).toEqual({ name: 'Ada', number: '+15550002' });
  });

  it('does not change mute or hold after the call ended', () => {
    const [call] = run([alerting(), started, ended('local-hangup'), updated({ muted: true })]);
    expect(call?.muted).toBe(false);
  });

  it('cleans untrusted text', () => {
    const [call] = run([alerting({ remote: { name: `Eve\u0000\u001b[31m${'x'.repeat(600)}` } })]);
    expect(call?.remote.name).not.toMatch(/[\u0000-\u001f]/);
    expect(call?.remote.name?.length).toBe(512);
  });

  it('caps attributes by count and flags truncation', () => {
    const attributes = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`k${i}`, `v${i}`]),
    );
    const [call] = run([alerting({ attributes })]);
    expect(Object.keys(call?.attributes ?? {})).toHaveLength(
      DEFAULT_TRACKER_OPTIONS.attributeLimits.maxCount,
    );
    expect(call?.attributesTruncated).toBe(true);
  });

  it('keeps a 1 MB attribute map within the byte budget', () => {
    const attributes = {
      big: 'x'.repeat(1_000_000),
      ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 'y'.repeat(40)])),
    };
    const [call] = run([alerting({ attributes })]);
    const bytes = Object.entries(call?.attributes ?? {}).reduce(
      (n, [k, v]) => n + k.length + v.length,
      0,
    );
    expect(bytes).toBeLessThanOrEqual(DEFAULT_TRACKER_OPTIONS.attributeLimits.maxTotalBytes);
    expect(call?.attributes['big']?.length).toBe(
      DEFAULT_TRACKER_OPTIONS.attributeLimits.maxValueLength,
    );
    expect(call?.attributesTruncated).toBe(true);
  });

  it('carries a sender-side truncation flag through', () => {
    const [call] = run([alerting({ attributes: { a: '1' }, attributesTruncated: true })]);
    expect(call?.attributesTruncated).toBe(true);
  });

  it('keeps "__proto__" as a plain key', () => {
    const attributes = JSON.parse('{"__proto__": "x", "ok": "1"}') as Record<string, unknown>;
    const [call] = run([alerting({ attributes })]);
    expect(Object.getPrototypeOf(call?.attributes)).toBe(Object.prototype);
    expect(call?.attributes['ok']).toBe('1');
  });
});

describe('ended calls', () => {
  const endCall = (id: string, at: number, calls: CallSnapshot[]) => {
    const a = reduceCalls(
      calls,
      { type: 'call-alerting', call: { conversationId: id, direction: 'inbound' } },
      at,
    );
    return reduceCalls(a, { type: 'call-cancelled', conversationId: id }, at);
  };

  it('keeps only the newest terminal calls and every live one', () => {
    let calls: CallSnapshot[] = reduceCalls(
      [],
      { type: 'call-alerting', call: { conversationId: 'live', direction: 'inbound' } },
      0,
    );
    for (let i = 0; i < 8; i++) {
      calls = endCall(`old-${i}`, 1000 + i, calls);
    }
    expect(calls.map((c) => c.conversationId)).toEqual([
      'live',
      'old-3',
      'old-4',
      'old-5',
      'old-6',
      'old-7',
    ]);
  });

  it('drops terminal calls after the TTL', () => {
    const calls = endCall('a', 1000, []);
    expect(pruneCalls(calls, 1000 + DEFAULT_TRACKER_OPTIONS.endedTtlMs)).toBe(calls);
    expect(pruneCalls(calls, 1001 + DEFAULT_TRACKER_OPTIONS.endedTtlMs)).toEqual([]);
  });

  it('refuses new calls beyond the live limit', () => {
    const options = { ...DEFAULT_TRACKER_OPTIONS, maxActive: 2 };
    let calls: CallSnapshot[] = [];
    for (const id of ['a', 'b', 'c']) {
      calls = reduceCalls(
        calls,
        { type: 'call-alerting', call: { conversationId: id, direction: 'inbound' } },
        1,
        options,
      );
    }
    expect(calls.map((c) => c.conversationId)).toEqual(['a', 'b']);
  });
});
