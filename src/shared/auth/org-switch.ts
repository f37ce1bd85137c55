/**
 * Organisation switch: atomic and bounded. The old softphone must be gone (or abandoned after a
 * timeout) and its tokens forgotten before the target organisation is signed in and a fresh
 * softphone starts. Steps are injected; this file owns only order, bounds and reporting.
 *
 *   [calls? refuse | ending-calls] → stopping-softphone (≤ 5 s) → forgetting-tokens
 *     → signing-in (target=<orgId> or prompt=login) → starting
 */
import type { OrgProfile } from './profile';

export const ORG_SWITCH_STEPS = [
  'ending-calls',
  'stopping-softphone',
  'forgetting-tokens',
  'signing-in',
  'starting',
] as const;

export type OrgSwitchStep = (typeof ORG_SWITCH_STEPS)[number];

export interface OrgSwitchSteps {
  activeCallCount(): Promise<number>;
  endCalls(): Promise<void>;
  /** SDK destroy(); may hang: it is raced against a timeout. */
  destroySoftphone(): Promise<void>;
  /** Forget the streaming client's reconnect backoff (sc_connectionData_*). */
  clearStreamingBackoff(): Promise<void>;
  forgetTokens(): Promise<void>;
  signIn(profile: OrgProfile, options: { prompt?: 'login' }): Promise<void>;
  activateProfile(profileId: string): Promise<void>;
  startSoftphone(profile: OrgProfile): Promise<void>;
}

export interface OrgSwitchOptions {
  /** The agent agreed to end active calls. */
  confirmEndCalls?: boolean;
  /** Bound for destroy and for ending calls; capped at 5 s. */
  stepTimeoutMs?: number;
  onProgress?: (step: OrgSwitchStep) => void;
}

export interface OrgSwitchWarning {
  step: OrgSwitchStep;
  code: 'timeout' | 'failed';
  message: string;
}

export type OrgSwitchResult =
  | { status: 'switched'; profileId: string; warnings: OrgSwitchWarning[] }
  | { status: 'refused'; activeCalls: number; message: string }
  | { status: 'busy'; message: string }
  | {
      status: 'failed';
      step: OrgSwitchStep;
      error: { code: string; message: string };
      warnings: OrgSwitchWarning[];
    };

export const MAX_STEP_TIMEOUT_MS = 5_000;

const STEP_TEXT: Record<OrgSwitchStep, string> = {
  'ending-calls': 'ending the active calls',
  'stopping-softphone': 'stopping the softphone',
  'forgetting-tokens': 'forgetting the old sign-in',
  'signing-in': 'signing in',
  starting: 'starting the softphone',
};

class StepFailed extends Error {
  constructor(
    readonly step: OrgSwitchStep,
    readonly inner: unknown,
  ) {
    super(STEP_TEXT[step]);
  }
}

function describeError(e: unknown): { code: string; message: string } {
  const code = (e as { code?: unknown } | null)?.code;
  return {
    code: typeof code === 'string' ? code : 'org-switch.failed',
    message: e instanceof Error ? e.message : String(e),
  };
}

/** Resolves 'done', 'timeout' or the rejection; never waits longer than `ms`. */
async function bounded(work: Promise<void>, ms: number): Promise<'done' | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createOrgSwitcher(steps: OrgSwitchSteps) {
  let inFlight = false;

  async function run(profile: OrgProfile, options: OrgSwitchOptions): Promise<OrgSwitchResult> {
    const limit = Math.min(options.stepTimeoutMs ?? MAX_STEP_TIMEOUT_MS, MAX_STEP_TIMEOUT_MS);
    const warnings: OrgSwitchWarning[] = [];
    const enter = (step: OrgSwitchStep) => options.onProgress?.(step);
    const mustDo = async (step: OrgSwitchStep, work: () => Promise<void>) => {
      enter(step);
      try {
        await work();
      } catch (e) {
        throw new StepFailed(step, e);
      }
    };
    const tryBounded = async (step: OrgSwitchStep, work: () => Promise<void>, what: string) => {
      try {
        if ((await bounded(work(), limit)) === 'timeout') {
          warnings.push({
            step,
            code: 'timeout',
            message: `${what} did not finish within ${limit} ms; continued without it.`,
          });
        }
      } catch (e) {
        warnings.push({
          step,
          code: 'failed',
          message: `${what} failed (${describeError(e).message}); continued.`,
        });
      }
    };

    const fail = (step: OrgSwitchStep, e: unknown): OrgSwitchResult => {
      const inner = describeError(e);
      const message = `Switching to "${profile.name}" failed while ${STEP_TEXT[step]}: ${inner.message}`;
      return { status: 'failed', step, error: { code: inner.code, message }, warnings };
    };

    let calls: number;
    try {
      calls = await steps.activeCallCount();
    } catch (e) {
      return fail('ending-calls', e);
    }
    if (calls > 0 && options.confirmEndCalls !== true) {
      const noun = calls === 1 ? 'call is' : 'calls are';
      return {
        status: 'refused',
        activeCalls: calls,
        message: `${calls} ${noun} active. Finish or confirm ending them before switching to "${profile.name}".`,
      };
    }
    try {
      if (calls > 0) {
        enter('ending-calls');
        await tryBounded('ending-calls', () => steps.endCalls(), 'Ending the calls');
      }
      enter('stopping-softphone');
      await tryBounded(
        'stopping-softphone',
        () => steps.destroySoftphone(),
        'Stopping the softphone',
      );
      await tryBounded(
        'stopping-softphone',
        () => steps.clearStreamingBackoff(),
        'Clearing the reconnect memory',
      );
      await mustDo('forgetting-tokens', () => steps.forgetTokens());
      await mustDo('signing-in', async () => {
        await steps.signIn(profile, profile.targetOrgId === undefined ? { prompt: 'login' } : {});
        await steps.activateProfile(profile.id);
      });
      await mustDo('starting', () => steps.startSoftphone(profile));
      return { status: 'switched', profileId: profile.id, warnings };
    } catch (e) {
      return e instanceof StepFailed ? fail(e.step, e.inner) : fail('starting', e);
    }
  }

  return {
    get switching(): boolean {
      return inFlight;
    },
    async switchTo(profile: OrgProfile, options: OrgSwitchOptions = {}): Promise<OrgSwitchResult> {
      if (inFlight) {
        return { status: 'busy', message: 'An organisation switch is already under way.' };
      }
      inFlight = true;
      try {
        return await run(profile, options);
      } finally {
        inFlight = false;
      }
    },
  };
}

export type OrgSwitcher = ReturnType<typeof createOrgSwitcher>;
