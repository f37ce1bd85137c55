/**
 * The organisation switch's steps (shared/auth/org-switch.ts) as real actions: calls ended and the
 * softphone stopped in the offscreen document, the old session left (revoked, forgotten), the
 * target signed in, the profile made active, and the fresh softphone seen connected. Progress goes
 * to storage.session and extension pages are told to ask again.
 */
import {
  createOrgSwitcher,
  MAX_STEP_TIMEOUT_MS,
  type OrgSwitchResult,
  type OrgSwitchStep,
} from '../../shared/auth/org-switch';
import type { OrgProfile } from '../../shared/auth/profile';
import { liveCallCount, LIVE_CALL_STATES } from '../../shared/lifecycle/update-gate';
import type { OffscreenApi } from '../../shared/protocol/contract';
import type { createRequester } from '../../shared/protocol/messenger';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import type { SignInOptions } from './auth-service';
import type { LeaveSession } from './leave-session';
import type { SwitchProgress } from './switch-progress';

/** How long the fresh softphone may take to connect before the switch counts as failed. */
export const START_TIMEOUT_MS = 45_000;
const POLL_MS = 250;

export interface OrgSwitchWiring {
  toOffscreen: ReturnType<typeof createRequester<OffscreenApi>>;
  leave: LeaveSession;
  signIn(options: SignInOptions): Promise<unknown>;
  /** Makes the profile the active one in the stored settings; throws when refused. */
  activate(profileId: string): Promise<void>;
  progress: SwitchProgress;
  /** Extension pages ask for the auth state again. */
  notify(): void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const snapshotOf = (w: OrgSwitchWiring): Promise<SessionSnapshot> =>
  w.toOffscreen('session.snapshot', null);

async function until<T>(
  w: OrgSwitchWiring,
  timeoutMs: number,
  check: () => Promise<T | undefined>,
): Promise<T | undefined> {
  const now = w.now ?? Date.now;
  const sleep = w.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined || now() >= deadline) {
      return value;
    }
    await sleep(POLL_MS);
  }
}

export function createWorkerOrgSwitch(w: OrgSwitchWiring) {
  const switcher = createOrgSwitcher({
    activeCallCount: async () => liveCallCount(await snapshotOf(w)),
    async endCalls() {
      const live = (await snapshotOf(w)).calls.filter((c) => LIVE_CALL_STATES.has(c.state));
      for (const call of live) {
        const type =
          call.state === 'alerting' && call.direction === 'inbound' ? 'decline' : 'hangup';
        await w.toOffscreen('call.command', { type, conversationId: call.conversationId });
      }
      const ended = await until(w, MAX_STEP_TIMEOUT_MS, async () =>
        liveCallCount(await snapshotOf(w)) === 0 ? true : undefined,
      );
      if (ended === undefined) {
        throw new Error('a call was still live after hanging up');
      }
    },
    async destroySoftphone() {
      if (!(await w.leave.stopSoftphone(MAX_STEP_TIMEOUT_MS))) {
        throw new Error('the SDK did not finish stopping');
      }
    },
    clearStreamingBackoff: async () => {
      await w.leave.clearBackoff();
    },
    forgetTokens: async () => {
      await w.leave.forget();
    },
    signIn: async (profile, options) => {
      await w.signIn({ profile, ...options });
    },
    activateProfile: (profileId) => w.activate(profileId),
    async startSoftphone() {
      const reached = await until(w, START_TIMEOUT_MS, async () => {
        const { connection } = await snapshotOf(w);
        return connection.state === 'connected' || connection.state === 'failed'
          ? connection
          : undefined;
      });
      if (reached?.state !== 'connected') {
        const why = reached?.error?.message ?? `not connected within ${START_TIMEOUT_MS} ms`;
        throw new Error(`the softphone did not connect (${why})`);
      }
    },
  });

  return {
    async switchTo(profile: OrgProfile, confirmEndCalls: boolean): Promise<OrgSwitchResult> {
      if (!switcher.switching && (await w.progress.running())) {
        return { status: 'busy', message: 'An organisation switch is already under way.' };
      }
      let saved: Promise<void> = Promise.resolve();
      const record = (step: OrgSwitchStep) => {
        const at = (w.now ?? Date.now)();
        const entry = {
          kind: 'running' as const,
          profileId: profile.id,
          profileName: profile.name,
          step,
          at,
        };
        saved = saved
          .then(() => w.progress.save(entry))
          .then(
            () => w.notify(),
            () => undefined,
          );
      };
      const result = await switcher.switchTo(profile, { confirmEndCalls, onProgress: record });
      await saved;
      if (result.status === 'switched') {
        await w.progress.clear();
      } else if (result.status === 'failed') {
        const { step, error } = result;
        const at = (w.now ?? Date.now)();
        await w.progress.save({
          kind: 'failed',
          profileId: profile.id,
          step,
          message: error.message,
          at,
        });
      }
      if (result.status !== 'busy') {
        w.notify();
      }
      return result;
    },
  };
}

export type WorkerOrgSwitch = ReturnType<typeof createWorkerOrgSwitch>;
