/**
 * A call → the fields of its ServiceNow `interaction` record. Pure: the snapshot's call plus what
 * the worker collected (first hold, agent, the record the screen pop matched, the wrap-up).
 * Field names are the record's columns; timestamps are GlideDateTime text in UTC
 * ("2025-01-31 14:05:09"). Unknown values are written as '' so a later write can clear nothing
 * by accident and the record always shows every column.
 */
import type { CallSnapshot } from '../session/snapshot';

export const CORRELATION_FIELD = 'u_conversation_id';
export const INTERACTION_TABLE = 'interaction';

export type Outcome = 'in-progress' | 'answered' | 'missed' | 'declined' | 'failed';

export interface CallContext {
  heldAt?: number;
  holds: number;
  agent?: string;
  matched?: { table: string; sysId: string };
  wrapup?: { code: string; name?: string; notes?: string };
}

const LIVE = new Set(['alerting', 'connecting', 'connected']);
const MAX_TEXT = 1000;

/** GlideDateTime text (UTC) of an epoch ms, '' when absent. */
export function glideTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) {
    return '';
  }
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function outcomeOf(call: CallSnapshot): Outcome {
  switch (call.state) {
    case 'missed':
    case 'declined':
    case 'failed':
      return call.state;
    case 'ended':
      return call.answeredAt !== undefined || call.mediaConnectedAt !== undefined
        ? 'answered'
        : 'missed';
    default:
      return 'in-progress';
  }
}

export interface RecordingFields {
  status: 'recorded' | 'pending' | 'none';
  reason: string;
}

/** The chain of custody: a recordingId, or why there is none. */
export function recordingOf(call: CallSnapshot): RecordingFields {
  if (call.recordingId !== undefined && call.recordingId !== '') {
    return { status: 'recorded', reason: '' };
  }
  if (LIVE.has(call.state)) {
    return { status: 'pending', reason: '' };
  }
  if (call.mediaConnectedAt === undefined) {
    return { status: 'none', reason: 'media-never-connected' };
  }
  return { status: 'none', reason: 'not-reported-by-genesys' };
}

const text = (value: string | undefined): string => (value ?? '').slice(0, MAX_TEXT);

export function interactionFields(
  call: CallSnapshot,
  context: CallContext,
): Record<string, string> {
  const outcome = outcomeOf(call);
  const recording = recordingOf(call);
  const remote = text(call.remote.number ?? call.remote.name);
  const inbound = call.direction === 'inbound';
  const live = outcome === 'in-progress';
  return {
    [CORRELATION_FIELD]: call.conversationId,
    type: 'phone',
    direction: call.direction,
    state: live ? 'work_in_progress' : 'closed_complete',
    short_description: text(
      `${inbound ? 'Inbound call from' : 'Outbound call to'} ${remote || 'unknown'}`,
    ),
    u_caller_phone: inbound ? remote : '',
    u_called_phone: inbound ? text(call.queue) : remote,
    u_caller_name: inbound ? text(call.remote.name) : '',
    u_queue: text(call.queue),
    u_alerted_at: glideTime(call.alertedAt),
    u_answered_at: glideTime(call.answeredAt),
    u_media_connected_at: glideTime(call.mediaConnectedAt),
    u_held_at: glideTime(context.heldAt),
    u_hold_count: String(context.holds),
    u_ended_at: glideTime(call.endedAt),
    u_outcome: outcome,
    u_error_code: text(call.error?.code),
    u_error_message: text(call.error?.message),
    u_recording_id: text(call.recordingId),
    u_recording_status: recording.status,
    u_no_recording_reason: recording.reason,
    ...contextFields(context),
  };
}

/** The fields that come from outside the snapshot: agent, matched record, wrap-up. */
export function contextFields(context: CallContext): Record<string, string> {
  const matched = context.matched;
  return {
    u_agent: text(context.agent),
    u_matched_table: matched?.table ?? '',
    u_matched_sys_id: matched?.sysId ?? '',
    ...(matched?.table === 'customer_contact' && { contact: matched.sysId }),
    u_wrapup_code: text(context.wrapup?.code),
    u_wrapup_name: text(context.wrapup?.name),
    u_wrapup_notes: text(context.wrapup?.notes),
  };
}

export function isLiveCall(call: CallSnapshot): boolean {
  return LIVE.has(call.state);
}
