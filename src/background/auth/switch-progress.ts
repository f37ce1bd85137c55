/**
 * Where an organisation switch stands, in storage.session (a restarted worker still knows, and the
 * popup and options page read it through `auth.state`): the step under way, or the last failure.
 * A record of a switch under way that is older than STALE_MS was left by a worker that died.
 */
import type { OrgSwitchStep } from '../../shared/auth/org-switch';
import type { AuthState } from '../../shared/protocol/messages/auth';
import type { StorageAreaLike } from './token-store';

export const SWITCH_KEY = 'auth.switch';
const STALE_MS = 2 * 60_000;

export type SwitchRecord =
  | { kind: 'running'; profileId: string; profileName: string; step: OrgSwitchStep; at: number }
  | { kind: 'failed'; profileId: string; step: OrgSwitchStep; message: string; at: number };

function isRecord(v: unknown): v is SwitchRecord {
  const r = v as Partial<SwitchRecord> | undefined;
  return (
    (r?.kind === 'running' || r?.kind === 'failed') &&
    typeof r.profileId === 'string' &&
    typeof r.step === 'string' &&
    typeof r.at === 'number'
  );
}

export function createSwitchProgress(area: StorageAreaLike, now: () => number = Date.now) {
  async function load(): Promise<SwitchRecord | null> {
    const value = (await area.get([SWITCH_KEY]))[SWITCH_KEY];
    return isRecord(value) ? value : null;
  }
  return {
    load,
    save: (record: SwitchRecord) => area.set({ [SWITCH_KEY]: record }),
    clear: () => area.remove(SWITCH_KEY),
    /** A sign-in or sign-out since the failed switch makes its failure old news. */
    async dismissFailure(): Promise<void> {
      if ((await load())?.kind === 'failed') {
        await area.remove(SWITCH_KEY);
      }
    },
    /** A switch under way (not left behind by a worker that died). */
    async running(): Promise<boolean> {
      const record = await load();
      return record?.kind === 'running' && now() - record.at < STALE_MS;
    },
    /** The part of AuthState that describes the switch. */
    async view(): Promise<Pick<AuthState, 'switching' | 'switchFailure'>> {
      const record = await load();
      if (record?.kind === 'running' && now() - record.at < STALE_MS) {
        const { profileId, profileName, step } = record;
        return { switching: { profileId, profileName, step } };
      }
      if (record?.kind === 'failed') {
        const { profileId, step, message } = record;
        return { switchFailure: { profileId, step, message } };
      }
      return {};
    },
  };
}

export type SwitchProgress = ReturnType<typeof createSwitchProgress>;
