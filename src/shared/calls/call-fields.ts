/**
 * Building and merging CallSnapshots from untrusted call fields: text is cut to the snapshot's
 * limits, attributes are capped, and a merge that changes nothing returns the very same object.
 */
import { capAttributes, cutText, type AttributeLimits } from '../screenpop/attributes';
import type { CallSnapshot, CallState } from '../session/snapshot';
import type { CallDirection, CallFields } from './call-events';

const TERMINAL: ReadonlySet<CallState> = new Set(['ended', 'missed', 'declined', 'failed']);

export function isTerminal(state: CallState): boolean {
  return TERMINAL.has(state);
}

export function newCall(
  conversationId: string,
  direction: CallDirection,
  state: CallState,
): CallSnapshot {
  return {
    conversationId,
    direction,
    state,
    remote: {},
    muted: false,
    held: false,
    attributes: {},
    attributesTruncated: false,
  };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]+/g;

/** Untrusted display text: control characters become spaces, then the length is capped. */
function clean(text: string, max: number): string {
  return cutText(text.replace(CONTROL, ' ').trim(), max);
}

function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
  );
}

function mergeRemote(call: CallSnapshot, remote: CallFields['remote']): CallSnapshot['remote'] {
  if (remote === undefined) {
    return call.remote;
  }
  const next = { ...call.remote };
  if (remote.name !== undefined && remote.name.trim() !== '') {
    next.name = clean(remote.name, 512);
  }
  if (remote.number !== undefined && remote.number.trim() !== '') {
    next.number = clean(remote.number, 128);
  }
  return next.name === call.remote.name && next.number === call.remote.number ? call.remote : next;
}

/** Applies the fields that are present; returns `call` itself when nothing differs. */
export function mergeFields(
  call: CallSnapshot,
  fields: CallFields,
  limits: AttributeLimits,
): CallSnapshot {
  const next: CallSnapshot = { ...call, remote: mergeRemote(call, fields.remote) };
  let changed = next.remote !== call.remote;
  const live = !isTerminal(call.state);
  if (live && fields.muted !== undefined && fields.muted !== call.muted) {
    next.muted = fields.muted;
    changed = true;
  }
  if (live && fields.held !== undefined && fields.held !== call.held) {
    next.held = fields.held;
    changed = true;
  }
  if (fields.queue !== undefined && fields.queue.trim() !== '') {
    const queue = clean(fields.queue, 512);
    if (queue !== call.queue) {
      next.queue = queue;
      changed = true;
    }
  }
  if (fields.recordingId !== undefined && fields.recordingId !== call.recordingId) {
    next.recordingId = fields.recordingId;
    changed = true;
  }
  if (fields.attributes !== undefined) {
    const capped = capAttributes(fields.attributes, limits);
    const truncated = capped.truncated || fields.attributesTruncated === true;
    if (!sameRecord(capped.attributes, call.attributes) || truncated !== call.attributesTruncated) {
      next.attributes = capped.attributes;
      next.attributesTruncated = truncated;
      changed = true;
    }
  }
  return changed ? next : call;
}
