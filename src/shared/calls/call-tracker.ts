/**
 * Call tracker: a pure reducer from call events to CallSnapshots.
 *
 *   alerting ──started──▶ connecting ──media connected──▶ connected ──ended──▶ ended
 *      │ cancelled ▶ missed     │ media failed ▶ failed
 *      │ ended(declined) ▶ declined
 *
 * Outbound calls start in `connecting`. Events are validated at the door (`parseCallEvent`);
 * duplicated, late or malformed events leave the list untouched and return the same array, so
 * callers can compare references to decide whether to publish. Terminal calls are kept for a
 * while (the newest `maxEnded`, younger than `endedTtlMs`) to show "last calls".
 */
import { DEFAULT_ATTRIBUTE_LIMITS } from '../screenpop/attributes';
import type { AttributeLimits } from '../screenpop/attributes';
import type { CallSnapshot, CallState } from '../session/snapshot';
import { parseCallEvent, type CallEvent, type CallFields } from './call-events';
import { isTerminal, mergeFields, newCall } from './call-fields';

export interface CallTrackerOptions {
  /** Terminal calls kept for "last calls". */
  maxEnded: number;
  /** Terminal calls older than this are dropped. */
  endedTtlMs: number;
  /** New calls beyond this many live ones are ignored (a runaway platform, not real life). */
  maxActive: number;
  attributeLimits: AttributeLimits;
}

export const DEFAULT_TRACKER_OPTIONS: CallTrackerOptions = {
  maxEnded: 5,
  endedTtlMs: 30 * 60_000,
  maxActive: 16,
  attributeLimits: DEFAULT_ATTRIBUTE_LIMITS,
};

const MEDIA_FAILED = { code: 'media.failed', message: 'The call audio could not be set up.' };

function end(call: CallSnapshot, state: CallState, now: number): CallSnapshot {
  return { ...call, state, endedAt: now };
}

function onAlerting(
  call: CallSnapshot | undefined,
  fields: CallFields & { direction: 'inbound' | 'outbound' },
  now: number,
  limits: AttributeLimits,
): CallSnapshot | undefined {
  if (call === undefined) {
    const state: CallState = fields.direction === 'outbound' ? 'connecting' : 'alerting';
    return mergeFields(
      { ...newCall(fields.conversationId, fields.direction, state), alertedAt: now },
      fields,
      limits,
    );
  }
  return mergeFields(call, fields, limits);
}

function onMedia(call: CallSnapshot, state: string, now: number): CallSnapshot {
  if (isTerminal(call.state)) {
    return call;
  }
  if (state === 'connected') {
    if (call.state === 'connected' && call.error?.code !== MEDIA_FAILED.code) {
      return call;
    }
    const { error: _cleared, ...rest } = call;
    return {
      ...rest,
      state: 'connected',
      answeredAt: call.answeredAt ?? now,
      mediaConnectedAt: call.mediaConnectedAt ?? now,
    };
  }
  if (state === 'failed') {
    if (call.state === 'connected') {
      return call.error?.code === MEDIA_FAILED.code ? call : { ...call, error: MEDIA_FAILED };
    }
    return { ...end(call, 'failed', now), error: MEDIA_FAILED };
  }
  return call;
}

function onUpdated(call: CallSnapshot, fields: CallFields, now: number, limits: AttributeLimits) {
  const merged = mergeFields(call, fields, limits);
  if (fields.state !== 'disconnected' && fields.state !== 'terminated') {
    return merged;
  }
  if (merged.state === 'alerting') {
    return end(merged, 'missed', now);
  }
  return isTerminal(merged.state) ? merged : end(merged, 'ended', now);
}

function onEnded(call: CallSnapshot, reason: string, now: number): CallSnapshot {
  if (isTerminal(call.state)) {
    return call;
  }
  if (call.state === 'alerting') {
    if (reason === 'declined') {
      return end(call, 'declined', now);
    }
    return end(call, reason === 'answered-elsewhere' ? 'ended' : 'missed', now);
  }
  if (reason === 'failed') {
    return { ...end(call, 'failed', now), error: call.error ?? MEDIA_FAILED };
  }
  return end(call, 'ended', now);
}

function step(
  call: CallSnapshot | undefined,
  event: CallEvent,
  now: number,
  limits: AttributeLimits,
): CallSnapshot | undefined {
  if (event.type === 'call-alerting') {
    return onAlerting(call, event.call, now, limits);
  }
  if (event.type === 'call-started' && call === undefined) {
    return {
      ...newCall(event.conversationId, event.direction ?? 'inbound', 'connecting'),
      answeredAt: now,
    };
  }
  if (call === undefined) {
    return undefined;
  }
  switch (event.type) {
    case 'call-cancelled':
      return call.state === 'alerting' ? end(call, 'missed', now) : call;
    case 'call-started':
      if (call.state === 'alerting') {
        return { ...call, state: 'connecting', answeredAt: now };
      }
      return call.state === 'connecting' && call.answeredAt === undefined
        ? { ...call, answeredAt: now }
        : call;
    case 'call-media':
      return onMedia(call, event.connectionState, now);
    case 'call-updated':
      return onUpdated(call, event.call, now, limits);
    case 'call-ended':
      return onEnded(call, event.reason, now);
  }
}

function conversationOf(event: CallEvent): string {
  return event.type === 'call-alerting' || event.type === 'call-updated'
    ? event.call.conversationId
    : event.conversationId;
}

/** Drops terminal calls beyond `maxEnded` or older than `endedTtlMs`. Same array if nothing goes. */
export function pruneCalls(
  calls: CallSnapshot[],
  now: number,
  options: CallTrackerOptions = DEFAULT_TRACKER_OPTIONS,
): CallSnapshot[] {
  const terminal = calls
    .filter((c) => isTerminal(c.state) && now - (c.endedAt ?? now) <= options.endedTtlMs)
    .sort((a, b) => (b.endedAt ?? 0) - (a.endedAt ?? 0))
    .slice(0, options.maxEnded);
  const keep = new Set(terminal);
  const kept = calls.filter((c) => !isTerminal(c.state) || keep.has(c));
  return kept.length === calls.length ? calls : kept;
}

/** Folds one (untrusted) event into the call list. Returns `calls` itself when nothing changed. */
export function reduceCalls(
  calls: CallSnapshot[],
  input: unknown,
  now: number,
  options: CallTrackerOptions = DEFAULT_TRACKER_OPTIONS,
): CallSnapshot[] {
  const event = parseCallEvent(input);
  if (event === null) {
    return calls;
  }
  const id = conversationOf(event);
  const index = calls.findIndex((c) => c.conversationId === id);
  const current = index === -1 ? undefined : calls[index];
  const next = step(current, event, now, options.attributeLimits);
  if (next === undefined || next === current) {
    return calls;
  }
  if (current === undefined) {
    const live = calls.filter((c) => !isTerminal(c.state)).length;
    return live >= options.maxActive ? calls : pruneCalls([...calls, next], now, options);
  }
  const updated = calls.map((c, i) => (i === index ? next : c));
  return isTerminal(next.state) ? pruneCalls(updated, now, options) : updated;
}
