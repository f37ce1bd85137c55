/**
 * The toolbar badge: ringing, on a call, or a problem with the connection, each with its colour,
 * and a title that says it in words (the badge alone is not accessible).
 */
import { messageKey, type Translate } from '../../shared/i18n';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import {
  callerOf,
  currentCall,
  isRecovering,
  ringingCall,
} from '../../shared/session/snapshot-view';

export interface Badge {
  text: string;
  color: string;
  title: string;
}

export const BADGE_COLORS = {
  ringing: '#b45309',
  onCall: '#15803d',
  problem: '#b91c1c',
  idle: '#475569',
} as const;

const PROBLEMS = new Set(['failed', 'mic-blocked']);

export function badgeFor(snapshot: SessionSnapshot | null, t: Translate): Badge {
  const name = t('extName');
  const state = snapshot?.connection.state ?? 'stopped';
  const connection = t(messageKey('connection', state));
  const ringing = ringingCall(snapshot);
  if (ringing) {
    const who = callerOf(ringing) ?? t('unknownCaller');
    return {
      text: t('badgeRinging'),
      color: BADGE_COLORS.ringing,
      title: `${name}: ${t('callFrom', who)}`,
    };
  }
  const call = currentCall(snapshot);
  if (call) {
    const who = callerOf(call) ?? t('unknownCaller');
    return {
      text: t('badgeOnCall'),
      color: BADGE_COLORS.onCall,
      title: `${name}: ${t('onCallWith', who)}`,
    };
  }
  if (snapshot && (PROBLEMS.has(state) || isRecovering(snapshot.connection))) {
    const detail = snapshot.connection.error?.message;
    return {
      text: '!',
      color: BADGE_COLORS.problem,
      title: `${name}: ${connection}${detail ? ` (${detail})` : ''}`,
    };
  }
  return { text: '', color: BADGE_COLORS.idle, title: `${name}: ${connection}` };
}

export interface ActionPort {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setBadgeTextColor?(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

export async function showBadge(action: ActionPort, badge: Badge): Promise<void> {
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setBadgeTextColor?.({ color: '#ffffff' }),
    action.setTitle({ title: badge.title }),
  ]);
}
