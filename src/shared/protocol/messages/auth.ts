/** Messages for sign-in, sign-out and settings, sent by extension pages to the worker. */
import { z } from 'zod';
import type { OrgSwitchResult, OrgSwitchStep } from '../../auth/org-switch';
import type { SettingsView } from '../../settings/managed';
import { returns, type ApiSpec } from '../spec';

/** What extension pages may know about sign-in: never a token. */
export interface AuthState {
  signedIn: boolean;
  profile: { id: string; name: string; environment: string } | null;
  expiresAt?: number;
  problem?: { code: string; message: string };
  /** An organisation switch under way: the profile it goes to and the step it is at. */
  switching?: { profileId: string; profileName: string; step: OrgSwitchStep };
  /** The last switch failed: the step and what went wrong (cleared by the next switch). */
  switchFailure?: { profileId: string; step: OrgSwitchStep; message: string };
}

/** What `auth.switchOrg` answers: the orchestrator's result and the state afterwards. */
export type SwitchOrgReply = OrgSwitchResult & { state: AuthState };

export interface SaveResult {
  ok: boolean;
  issues: { path: string; message: string }[];
}

export const authToWorker = {
  'auth.state': { from: ['ui'], data: z.null(), result: returns<AuthState>() },
  'auth.signIn': {
    from: ['ui'],
    data: z.object({
      profileId: z.string().max(64).optional(),
      prompt: z.literal('login').optional(),
    }),
    result: returns<AuthState>(),
  },
  'auth.signOut': { from: ['ui'], data: z.null(), result: returns<AuthState>() },
  /** Ends calls (only with confirmEndCalls), stops the softphone, signs in to the profile. */
  'auth.switchOrg': {
    from: ['ui'],
    data: z.object({
      profileId: z.string().min(1).max(64),
      confirmEndCalls: z.boolean().optional(),
    }),
    result: returns<SwitchOrgReply>(),
  },
  /** The effective settings, the fields an administrator's policy locks, and what it ignored. */
  'settings.get': { from: ['ui'], data: z.null(), result: returns<SettingsView>() },
  /** Validates and stores; refuses invalid settings and changes to locked fields (issues). */
  'settings.save': {
    from: ['ui'],
    data: z.object({ settings: z.unknown() }),
    result: returns<SaveResult>(),
  },
} satisfies ApiSpec;

/** What the worker asks of the offscreen document when the agent leaves a session. */
export const authToOffscreen = {
  /** Stops the softphone (SDK destroy, bounded) and waits for it, at most `timeoutMs`. */
  'auth.stopSoftphone': {
    from: ['worker'],
    data: z.object({ timeoutMs: z.number().int().min(0).max(5_000) }),
    result: returns<{ stopped: boolean }>(),
  },
  /** Forgets the streaming client's reconnect backoff (`sc_connectionData_*`). */
  'auth.clearBackoff': { from: ['worker'], data: z.null(), result: returns<{ cleared: number }>() },
} satisfies ApiSpec;
