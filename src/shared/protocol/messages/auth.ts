/** Messages for sign-in, sign-out and settings, sent by extension pages to the worker. */
import { z } from 'zod';
import type { SettingsView } from '../../settings/managed';
import { returns, type ApiSpec } from '../spec';

/** What extension pages may know about sign-in: never a token. */
export interface AuthState {
  signedIn: boolean;
  profile: { id: string; name: string; environment: string } | null;
  expiresAt?: number;
  problem?: { code: string; message: string };
}

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
  /** The effective settings, the fields an administrator's policy locks, and what it ignored. */
  'settings.get': { from: ['ui'], data: z.null(), result: returns<SettingsView>() },
  /** Validates and stores; refuses invalid settings and changes to locked fields (issues). */
  'settings.save': {
    from: ['ui'],
    data: z.object({ settings: z.unknown() }),
    result: returns<SaveResult>(),
  },
} satisfies ApiSpec;
