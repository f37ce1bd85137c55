/**
 * The queue's durable home: every job in storage.local under one key, so writes survive a killed
 * worker and a browser restart. Changes run one at a time (read, change, write) within this
 * worker; what is read back is checked, and a job that does not fit the shape is dropped with a
 * warning instead of breaking the queue.
 */
import browser from 'webextension-polyfill';
import { z } from 'zod';
import type { RecordJob, RecordJobs } from '../../shared/records/types';

export const RECORDS_KEY = 'records.jobs';

const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  status: z.number().exactOptional(),
});
const fieldsSchema = z.record(z.string(), z.string());
const jobSchema = z.object({
  conversationId: z.string().min(1).max(128),
  fields: fieldsSchema,
  written: fieldsSchema.exactOptional(),
  sysId: z.string().exactOptional(),
  number: z.string().exactOptional(),
  instance: z.string().exactOptional(),
  status: z.enum(['pending', 'writing', 'waiting', 'retrying', 'failed', 'done']),
  attempts: z.number(),
  writes: z.number(),
  nextAt: z.number(),
  leaseUntil: z.number().exactOptional(),
  leaseTab: z.number().int().exactOptional(),
  error: errorSchema.exactOptional(),
  live: z.boolean(),
  attributes: z.enum(['pending', 'done', 'too-late', 'failed']),
  wrapup: z
    .object({
      required: z.boolean(),
      codes: z.array(z.object({ id: z.string(), name: z.string() })),
      status: z.enum(['needed', 'sending', 'sent', 'skipped', 'failed']),
      chosen: z
        .object({
          code: z.string(),
          name: z.string().exactOptional(),
          notes: z.string().exactOptional(),
        })
        .exactOptional(),
      error: errorSchema.exactOptional(),
    })
    .exactOptional(),
  heldAt: z.number().exactOptional(),
  holds: z.number(),
  wasHeld: z.boolean(),
  agent: z.string().exactOptional(),
  matched: z.object({ table: z.string(), sysId: z.string() }).exactOptional(),
  createdAt: z.number(),
  updatedAt: z.number(),
}) satisfies z.ZodType<RecordJob>;

export interface JobStore {
  read(): Promise<RecordJobs>;
  /** Runs `change` on the stored jobs and stores its result; changes never interleave. */
  update<T>(change: (jobs: RecordJobs) => { jobs: RecordJobs; value: T }): Promise<T>;
}

export function createJobStore(onDropped: (count: number) => void = () => undefined): JobStore {
  let chain: Promise<unknown> = Promise.resolve();

  async function read(): Promise<RecordJobs> {
    const stored: Record<string, unknown> = await browser.storage.local.get(RECORDS_KEY);
    const raw = stored[RECORDS_KEY];
    if (typeof raw !== 'object' || raw === null) {
      return {};
    }
    const jobs: RecordJobs = {};
    let dropped = 0;
    for (const [id, value] of Object.entries(raw)) {
      const parsed = jobSchema.safeParse(value);
      if (parsed.success && parsed.data.conversationId === id) {
        jobs[id] = parsed.data;
      } else {
        dropped++;
      }
    }
    if (dropped > 0) {
      onDropped(dropped);
    }
    return jobs;
  }

  return {
    read: () => chain.then(read),
    update<T>(change: (jobs: RecordJobs) => { jobs: RecordJobs; value: T }): Promise<T> {
      const run = chain.then(async () => {
        const { jobs, value } = change(await read());
        await browser.storage.local.set({ [RECORDS_KEY]: jobs });
        return value;
      });
      chain = run.catch(() => undefined);
      return run;
    },
  };
}
