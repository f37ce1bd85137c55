/**
 * The agent's Genesys status: the values and labels (labels.ts, zod-free for the content script)
 * and the schema the worker and extension pages check it with.
 */
import { z } from 'zod';
import { ROUTING_STATUSES, SYSTEM_PRESENCES, type AgentStatus } from './labels';

export * from './labels';

export const agentStatusSchema = z.object({
  presence: z.enum(SYSTEM_PRESENCES),
  routing: z.enum(ROUTING_STATUSES),
  /** Epoch ms when Switchboard last learned either part. */
  updatedAt: z.number().int().nonnegative(),
}) satisfies z.ZodType<AgentStatus>;
