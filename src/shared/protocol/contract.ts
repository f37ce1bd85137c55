/**
 * The message contract: one API map per receiving context. Each entry names who may send it,
 * the runtime schema of its data, and (as a type only) what it answers.
 *
 *   offscreen ──session.changed──▶ worker ──session.changed──▶ content / ui
 *   content, ui ──call.command──▶ worker ──call.command──▶ offscreen
 */
import { z } from 'zod';
import type { SessionSnapshot } from '../session/snapshot';
import type { Context } from './envelope';
import {
  callCommandSchema,
  sessionConfigSchema,
  sessionSnapshotSchema,
  type SessionConfig,
} from './schemas';

export interface MessageSpec<Data extends z.ZodType = z.ZodType, Result = unknown> {
  from: readonly Context[];
  data: Data;
  /** Type-level only: what the handler answers. */
  result: Result;
}

export type ApiSpec = Record<string, MessageSpec>;

/** Declares the answer type of a message without a runtime value. */
const returns = <T>(): T => undefined as T;

const none = z.null();

export const workerApi = {
  'offscreen.ready': {
    from: ['offscreen'],
    data: z.object({ bootId: z.string().max(64) }),
    result: returns<{ config: SessionConfig | null }>(),
  },
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

export const offscreenApi = {
  'session.configure': {
    from: ['worker'],
    data: sessionConfigSchema.nullable(),
    result: returns<SessionSnapshot>(),
  },
  'session.snapshot': { from: ['worker'], data: none, result: returns<SessionSnapshot>() },
  'session.publish': { from: ['worker'], data: none, result: returns<SessionSnapshot>() },
  'call.command': { from: ['worker'], data: callCommandSchema, result: returns<null>() },
} satisfies ApiSpec;

export const contentApi = {
  'session.changed': { from: ['worker'], data: sessionSnapshotSchema, result: returns<null>() },
} satisfies ApiSpec;

export const uiApi = {
  'session.changed': { from: ['worker'], data: sessionSnapshotSchema, result: returns<null>() },
} satisfies ApiSpec;

export type WorkerApi = typeof workerApi;
export type OffscreenApi = typeof offscreenApi;
export type ContentApi = typeof contentApi;
export type UiApi = typeof uiApi;

export type DataOf<A extends ApiSpec, K extends keyof A> = z.infer<A[K]['data']>;
export type ResultOf<A extends ApiSpec, K extends keyof A> = A[K]['result'];
