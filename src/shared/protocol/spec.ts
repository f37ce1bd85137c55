/** The shape of a message specification: who may send it, its data schema, its answer type. */
import type { z } from 'zod';
import type { Context } from './envelope';

export interface MessageSpec<Data extends z.ZodType = z.ZodType, Result = unknown> {
  from: readonly Context[];
  data: Data;
  /** Type-level only: what the handler answers. */
  result: Result;
}

export type ApiSpec = Record<string, MessageSpec>;

/** Declares the answer type of a message without a runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

export type DataOf<A extends ApiSpec, K extends keyof A> = z.infer<A[K]['data']>;
export type ResultOf<A extends ApiSpec, K extends keyof A> = A[K]['result'];
