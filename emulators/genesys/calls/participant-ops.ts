/**
 * Call control the agent's client does over REST: participant PATCH (state/muted/held/wrapup),
 * attributes, DTMF digits, blind transfer (replace) and wrap-up. Each change is recorded and
 * pushed as a conversation event; hold and mute reach the media peer.
 */
import { z } from 'zod';
import type { Hub } from '../hub';
import type { Conversation, Participant } from './model';
import { agentOf, isEnded, isPending } from './model';
import { reproposeAnswered } from './ringing';

export const WRAPUP_CODES = [
  { id: '3c0b4b0e-0000-4000-8000-00000000c001', name: 'Resolved' },
  { id: '3c0b4b0e-0000-4000-8000-00000000c002', name: 'Follow-up needed' },
  { id: '3c0b4b0e-0000-4000-8000-00000000c003', name: 'Wrong number' },
] as const;

export const PatchBody = z.looseObject({
  state: z.enum(['connected', 'disconnected']).optional(),
  muted: z.boolean().optional(),
  held: z.boolean().optional(),
  confined: z.boolean().optional(),
  wrapupSkipped: z.boolean().optional(),
  wrapup: z.looseObject({ code: z.string(), notes: z.string().optional() }).optional(),
});

export type OpResult =
  | { ok: true; status?: number; body?: unknown }
  | { ok: false; status: number; code: string; message: string };

const fail = (status: number, code: string, message: string): OpResult => ({
  ok: false,
  status,
  code,
  message,
});

/** The participant the caller may control: its own, on a conversation of its org. */
export function ownParticipant(
  hub: Hub,
  userId: string,
  cid: string,
  pid: string,
): { conv: Conversation; p: Participant } | OpResult {
  const conv = hub.calls.get(cid);
  const p = conv?.participants.find((x) => x.id === pid);
  if (!conv || !p || conv.orgId !== hub.dir.users.get(userId)?.orgId) {
    return fail(404, 'not.found', 'conversation or participant not found');
  }
  return { conv, p };
}

export function patchParticipant(
  hub: Hub,
  userId: string,
  conv: Conversation,
  p: Participant,
  raw: unknown,
): OpResult {
  const parsed = PatchBody.safeParse(raw);
  if (!parsed.success) {
    return fail(400, 'bad.request', parsed.error.message);
  }
  const body = parsed.data;
  if (p.userId !== userId) {
    return fail(403, 'not.authorized', 'only your own participant can be changed');
  }
  conv.patches.push({ at: Date.now(), participantId: p.id, body: { ...body } });
  if (body.wrapup) {
    recordWrapup(p, body.wrapup.code, body.wrapup.notes);
  }
  if (body.state === 'disconnected') {
    if (isPending(p.state)) {
      hub.calls.end(conv, 'declined', { terminate: true, disconnectType: 'client' });
    } else if (!isEnded(p.state)) {
      hub.calls.end(conv, 'agent-hangup', { terminate: true, disconnectType: 'client' });
    }
    return { ok: true, status: 202 };
  }
  if (body.state === 'connected' && isPending(p.state)) {
    hub.calls.connectPersistent(conv);
    reproposeAnswered(hub, conv);
  }
  let changed = false;
  if (body.muted !== undefined && body.muted !== p.muted && !isEnded(p.state)) {
    p.muted = body.muted;
    changed = true;
  }
  if (body.held !== undefined && body.held !== p.held && !isEnded(p.state)) {
    p.held = body.held;
    changed = true;
    void conv.leg?.peer?.setSending(!body.held).catch(() => undefined);
  }
  if (body.confined !== undefined && body.confined !== p.confined) {
    p.confined = body.confined;
    changed = true;
  }
  if (changed || body.wrapup) {
    hub.calls.emit(conv);
  }
  return { ok: true, status: 202 };
}

export function patchAttributes(
  hub: Hub,
  conv: Conversation,
  p: Participant,
  raw: unknown,
): OpResult {
  const parsed = z.object({ attributes: z.record(z.string(), z.string()) }).safeParse(raw);
  if (!parsed.success) {
    return fail(400, 'bad.request', 'expected {"attributes": {string: string}}');
  }
  Object.assign(p.attributes, parsed.data.attributes);
  hub.calls.emit(conv);
  return { ok: true, status: 202 };
}

export function sendDigits(conv: Conversation, p: Participant, raw: unknown): OpResult {
  const parsed = z.object({ digits: z.string().regex(/^[0-9A-D*#,!wW]+$/) }).safeParse(raw);
  if (!parsed.success) {
    return fail(400, 'bad.request', 'expected {"digits": "0-9*#"}');
  }
  if (isEnded(p.state)) {
    return fail(400, 'conversation.error.call.not.connected', 'call is not connected');
  }
  conv.dtmf.push({ at: Date.now(), participantId: p.id, digits: parsed.data.digits });
  return { ok: true, status: 202 };
}

/** Blind transfer (or send-to-voicemail): the agent leaves, the target is recorded. */
export function replaceParticipant(
  hub: Hub,
  conv: Conversation,
  p: Participant,
  raw: unknown,
): OpResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail(400, 'bad.request', 'expected a transfer target');
  }
  const target = raw as Record<string, unknown>;
  const keys = ['userId', 'userName', 'address', 'queueId', 'queueName', 'voicemail'];
  if (!keys.some((k) => target[k] !== undefined)) {
    return fail(400, 'bad.request', `expected one of ${keys.join(', ')}`);
  }
  conv.transfers.push({ at: Date.now(), participantId: p.id, target: { ...target } });
  if (agentOf(conv) === p && !isEnded(p.state)) {
    const outcome = isPending(p.state) ? 'declined' : 'transferred';
    hub.calls.end(conv, outcome, { terminate: true, disconnectType: 'transfer' });
  }
  return { ok: true, status: 202 };
}

export function recordWrapup(p: Participant, code: string, notes?: string): void {
  const known = WRAPUP_CODES.find((c) => c.id === code || c.name === code);
  p.wrapup = {
    code: known?.id ?? code,
    ...(known ? { name: known.name } : {}),
    ...(notes !== undefined ? { notes } : {}),
    endTime: new Date().toISOString(),
  };
}
