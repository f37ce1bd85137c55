/**
 * Messages of the interaction records (one ServiceNow `interaction` record per conversation,
 * written through a durable queue in the worker):
 *
 *   ui, content ──records.state──▶ worker: pending, failed and finished jobs (the agent's view)
 *   ui, content ──records.retry {conversationId?}──▶ worker: retry one job (or every stopped one)
 *   content ──records.matched {conversationId, url}──▶ worker: the record the screen pop opened
 *   ui, content ──records.wrapup {conversationId, code?, notes?, skip?}──▶ worker ──▶ offscreen:
 *     the wrap-up to Genesys (participant wrapup) and into the record
 *   worker ──records.write {conversationId, sysId?, fields}──▶ one ServiceNow tab: the write with
 *     the agent's own session (find by conversation id, then update or create)
 *   worker ──records.changed──▶ ServiceNow tabs: the tab asks records.state again
 *   worker ──records.agent / records.attributes / records.wrapupCodes / records.wrapup──▶
 *     offscreen: Platform API calls on the conversation's participants
 *
 * Nothing here carries a token; record fields are call data the agent already sees.
 */
import { z } from 'zod';
import type { RecordsState, WrapupCode, WriteOutcome } from '../../records/types';
import { returns, type ApiSpec } from '../spec';

const conversationId = z.string().min(1).max(128);
const wrapupSchema = z.object({
  conversationId,
  code: z.string().min(1).max(128).exactOptional(),
  notes: z.string().max(1000).exactOptional(),
  skip: z.boolean().exactOptional(),
});

export const recordsToWorker = {
  'records.state': { from: ['ui', 'content'], data: z.null(), result: returns<RecordsState>() },
  'records.retry': {
    from: ['ui', 'content'],
    data: z.object({ conversationId: conversationId.exactOptional() }),
    result: returns<RecordsState>(),
  },
  'records.matched': {
    from: ['content'],
    data: z.object({ conversationId, url: z.string().max(4096) }),
    result: returns<null>(),
  },
  'records.wrapup': {
    from: ['ui', 'content'],
    data: wrapupSchema,
    result: returns<RecordsState>(),
  },
} satisfies ApiSpec;

export const recordsToContent = {
  'records.write': {
    from: ['worker'],
    data: z.object({
      conversationId,
      sysId: z
        .string()
        .regex(/^[0-9a-f]{32}$/)
        .exactOptional(),
      fields: z.record(z.string().max(80), z.string().max(4000)),
    }),
    result: returns<WriteOutcome>(),
  },
  'records.changed': { from: ['worker'], data: z.null(), result: returns<null>() },
} satisfies ApiSpec;

export interface AgentOnCall {
  userId: string;
  name?: string;
}

export const recordsToOffscreen = {
  'records.agent': {
    from: ['worker'],
    data: z.object({ conversationId }),
    result: returns<AgentOnCall | null>(),
  },
  'records.attributes': {
    from: ['worker'],
    data: z.object({
      conversationId,
      attributes: z.record(z.string().max(64), z.string().max(256)),
    }),
    result: returns<null>(),
  },
  'records.wrapupCodes': {
    from: ['worker'],
    data: z.object({ conversationId }),
    result: returns<{ required: boolean; codes: WrapupCode[] }>(),
  },
  'records.wrapup': {
    from: ['worker'],
    data: z.object({
      conversationId,
      code: z.string().min(1).max(128),
      notes: z.string().max(1000).exactOptional(),
    }),
    result: returns<null>(),
  },
} satisfies ApiSpec;
