/** Messages about the softphone session and calls, grouped by receiving context. */
import { z } from 'zod';
import type { SessionSnapshot } from '../../session/snapshot';
import { returns, type ApiSpec } from '../spec';
import {
  callCommandSchema,
  sessionConfigSchema,
  sessionSnapshotSchema,
  type SessionConfig,
} from '../schemas';

const none = z.null();

export const sessionToWorker = {
  'offscreen.ready': {
    from: ['offscreen'],
    data: z.object({ bootId: z.string().max(64) }),
    /** The start configuration, and the last snapshot (the calls a previous document had). */
    result: returns<{ config: SessionConfig | null; snapshot?: SessionSnapshot | null }>(),
  },
  /** The softphone was refused (401/403): renew the token now (once, with backoff). */
  'auth.unauthorized': { from: ['offscreen'], data: none, result: returns<null>() },
  'session.changed': { from: ['offscreen'], data: sessionSnapshotSchema, result: returns<null>() },
  'content.ready': {
    from: ['content'],
    data: z.object({ url: z.string().max(4096) }),
    result: returns<{ snapshot: SessionSnapshot | null }>(),
  },
  'ui.state': { from: ['ui'], data: none, result: returns<{ snapshot: SessionSnapshot | null }>() },
  'session.refresh': { from: ['ui'], data: none, result: returns<SessionSnapshot>() },
  'call.command': { from: ['content', 'ui'], data: callCommandSchema, result: returns<null>() },
} satisfies ApiSpec;

export const sessionToOffscreen = {
  'session.configure': {
    from: ['worker'],
    data: sessionConfigSchema.nullable(),
    result: returns<SessionSnapshot>(),
  },
  'session.snapshot': { from: ['worker'], data: none, result: returns<SessionSnapshot>() },
  'session.publish': { from: ['worker'], data: none, result: returns<SessionSnapshot>() },
  'call.command': { from: ['worker'], data: callCommandSchema, result: returns<null>() },
} satisfies ApiSpec;

export const sessionToContent = {
  'session.changed': { from: ['worker'], data: sessionSnapshotSchema, result: returns<null>() },
} satisfies ApiSpec;

export const sessionToUi = {
  'session.changed': { from: ['worker'], data: sessionSnapshotSchema, result: returns<null>() },
} satisfies ApiSpec;
