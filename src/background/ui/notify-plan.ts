/**
 * What desktop notifications to show or clear for a new snapshot. Pure: the state it needs across
 * snapshots (when the current outage began, whether it was announced) is passed in and returned,
 * and the worker keeps it in storage.session.
 *
 *   call starts ringing ─▶ show "incoming:<id>" [Answer, Decline]; stops ringing ─▶ clear it
 *   call becomes missed ─▶ show "missed:<id>"
 *   recovering ≥ 3 s, or failed ─▶ show "connection" (lost / failed)
 *   connected after an announced outage ─▶ "connection" becomes "recovered in N s"
 *   a blip shorter than 3 s ─▶ nothing at all
 */
import type { Translate } from '../../shared/i18n';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';
import {
  callerOf,
  formatSeconds,
  isRecovering,
  isRinging,
} from '../../shared/session/snapshot-view';

export const OUTAGE_NOTICE_MS = 3_000;
export const CONNECTION_ID = 'connection';
export const SIGN_IN_ID = 'sign-in';
export const INCOMING_PREFIX = 'incoming:';

export interface Notice {
  title: string;
  message: string;
  buttons?: string[];
  requireInteraction?: boolean;
}

export type NotifyEffect =
  | { type: 'show'; id: string; notice: Notice }
  | { type: 'clear'; id: string }
  /** Plan again at this time (the outage may have become long enough to announce). */
  | { type: 'recheck'; at: number };

export interface NotifyState {
  outage: { startedAt: number; announced: boolean } | null;
}

export const INITIAL_NOTIFY_STATE: NotifyState = { outage: null };

/** The stored state if it has the right shape (it comes back from storage.session), else null. */
export function asNotifyState(value: unknown): NotifyState | null {
  if (typeof value !== 'object' || value === null || !('outage' in value)) {
    return null;
  }
  const { outage } = value;
  if (outage === null) {
    return { outage: null };
  }
  const ok =
    typeof outage === 'object' &&
    typeof (outage as { startedAt?: unknown }).startedAt === 'number' &&
    typeof (outage as { announced?: unknown }).announced === 'boolean';
  return ok ? { outage: outage as NonNullable<NotifyState['outage']> } : null;
}

export interface PlanInput {
  snapshot: SessionSnapshot;
  previous: SessionSnapshot | null;
  state: NotifyState;
  now: number;
  /** The agent's "notifications" setting; clearing always happens. */
  enabled: boolean;
  t: Translate;
}

function incoming(call: CallSnapshot, t: Translate): Notice {
  const who = callerOf(call) ?? t('unknownCaller');
  const lines = [
    call.remote.name && call.remote.number ? call.remote.number : '',
    call.queue ?? '',
  ];
  return {
    title: t('notifyIncomingTitle', who),
    message: lines.filter(Boolean).join(' · ') || t('notifyIncomingBody'),
    buttons: [t('answer'), t('decline')],
    requireInteraction: true,
  };
}

function callEffects({ snapshot, previous, t }: PlanInput): NotifyEffect[] {
  const before = new Map(previous?.calls.map((call) => [call.conversationId, call]));
  const effects: NotifyEffect[] = [];
  for (const call of snapshot.calls) {
    const was = before.get(call.conversationId);
    const id = `${INCOMING_PREFIX}${call.conversationId}`;
    if (isRinging(call) && !(was && isRinging(was))) {
      effects.push({ type: 'show', id, notice: incoming(call, t) });
    }
    if (!isRinging(call) && was && isRinging(was)) {
      effects.push({ type: 'clear', id });
    }
    if (call.state === 'missed' && was?.state !== 'missed') {
      const who = callerOf(call) ?? t('unknownCaller');
      effects.push({
        type: 'show',
        id: `missed:${call.conversationId}`,
        notice: { title: t('notifyMissedTitle'), message: t('callFrom', who) },
      });
    }
  }
  const now = new Set(snapshot.calls.map((call) => call.conversationId));
  for (const [id, call] of before) {
    if (!now.has(id) && isRinging(call)) {
      effects.push({ type: 'clear', id: `${INCOMING_PREFIX}${id}` });
    }
  }
  return effects;
}

function connectionEffects(input: PlanInput): { effects: NotifyEffect[]; state: NotifyState } {
  const { snapshot, now, t } = input;
  const connection = snapshot.connection;
  const outage = input.state.outage;
  if (connection.state === 'failed') {
    const notice = {
      title: t('notifyConnectionFailedTitle'),
      message: connection.error?.message ?? t('notifyConnectionFailedBody'),
    };
    return {
      effects:
        outage?.announced === true && input.previous?.connection.state === 'failed'
          ? []
          : [{ type: 'show', id: CONNECTION_ID, notice }],
      state: { outage: { startedAt: outage?.startedAt ?? now, announced: true } },
    };
  }
  if (isRecovering(connection)) {
    const startedAt = outage?.startedAt ?? now;
    if (outage?.announced) {
      return { effects: [], state: { outage } };
    }
    if (now - startedAt >= OUTAGE_NOTICE_MS) {
      const notice = {
        title: t('notifyConnectionLostTitle'),
        message: t('notifyConnectionLostBody'),
      };
      return {
        effects: [{ type: 'show', id: CONNECTION_ID, notice }],
        state: { outage: { startedAt, announced: true } },
      };
    }
    return {
      effects: [{ type: 'recheck', at: startedAt + OUTAGE_NOTICE_MS }],
      state: { outage: { startedAt, announced: false } },
    };
  }
  if (connection.state === 'connected' && outage?.announced) {
    const took = connection.lastRecoveryMs ?? now - outage.startedAt;
    const notice = {
      title: t('notifyRecoveredTitle'),
      message: t('recoveredIn', formatSeconds(took)),
    };
    return { effects: [{ type: 'show', id: CONNECTION_ID, notice }], state: { outage: null } };
  }
  // Connected after a blip, signed out, stopped: no outage to speak of.
  return {
    effects: outage?.announced ? [{ type: 'clear', id: CONNECTION_ID }] : [],
    state: { outage: null },
  };
}

export function planNotifications(input: PlanInput): {
  effects: NotifyEffect[];
  state: NotifyState;
} {
  const connection = connectionEffects(input);
  const effects = [...callEffects(input), ...connection.effects].filter(
    (effect) => input.enabled || effect.type !== 'show',
  );
  return { effects, state: connection.state };
}
