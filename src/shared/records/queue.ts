/**
 * The queue's rules, pure: coalescing a call's latest fields into its one job, which jobs are due,
 * and what a write's outcome does to a job. A job is written by one ServiceNow tab at a time under
 * a lease; a lease that runs out (the worker died mid-write), or whose tab is gone, makes the job
 * due again, and the next write finds the record by its conversation id before creating, so
 * nothing is written twice.
 * 429 waits for Retry-After (never less than the backoff), 403 stops until the agent retries.
 */
import { CORRELATION_FIELD } from './fields';
import type { JobError, RecordJob, RecordJobs, WriteOutcome } from './types';

export const LEASE_MS = 30_000;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 300_000;
/** Finished jobs are kept this long (for the agent's view and late updates). */
export const DONE_TTL_MS = 86_400_000;

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

export function newJob(conversationId: string, now: number): RecordJob {
  return {
    conversationId,
    fields: {},
    status: 'pending',
    attempts: 0,
    writes: 0,
    nextAt: now,
    live: true,
    attributes: 'pending',
    holds: 0,
    wasHeld: false,
    createdAt: now,
    updatedAt: now,
  };
}

function sameFields(a: Record<string, string>, b: Record<string, string> | undefined): boolean {
  if (b === undefined) {
    return false;
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** New desired fields for a job: due at once unless stopped, waiting, or already writing. */
export function withFields(job: RecordJob, fields: Record<string, string>, now: number): RecordJob {
  const next = { ...job, fields, updatedAt: now };
  if (sameFields(fields, job.written) && job.status === 'done') {
    return next;
  }
  switch (job.status) {
    case 'done':
      return { ...next, status: 'pending', nextAt: now };
    case 'pending':
    case 'writing':
    case 'retrying':
    case 'waiting':
    case 'failed':
      return next; // the write in flight or scheduled carries the newest fields
  }
}

export function isDue(job: RecordJob, now: number): boolean {
  if (job.fields[CORRELATION_FIELD] === undefined) {
    return false; // known only from the pop so far: the call's snapshot brings the fields
  }
  switch (job.status) {
    case 'pending':
    case 'retrying':
      return job.nextAt <= now;
    case 'writing':
      return (job.leaseUntil ?? 0) <= now;
    case 'waiting':
    case 'failed':
    case 'done':
      return false;
  }
}

export function dueJobs(jobs: RecordJobs, now: number): RecordJob[] {
  return Object.values(jobs)
    .filter((job) => isDue(job, now))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** When the next job becomes due (retry or lease end), or undefined when none will by itself. */
export function nextWakeAt(jobs: RecordJobs): number | undefined {
  let next: number | undefined;
  for (const job of Object.values(jobs)) {
    const at =
      job.status === 'pending' || job.status === 'retrying'
        ? job.nextAt
        : job.status === 'writing'
          ? job.leaseUntil
          : undefined;
    if (at !== undefined && (next === undefined || at < next)) {
      next = at;
    }
  }
  return next;
}

export function startWrite(job: RecordJob, now: number): RecordJob {
  const { leaseTab: _tab, ...rest } = job;
  return { ...rest, status: 'writing', leaseUntil: now + LEASE_MS, writes: job.writes + 1 };
}

/** Applies a tab's answer for a write that carried `sent`. */
export function finishWrite(
  job: RecordJob,
  sent: Record<string, string>,
  outcome: WriteOutcome,
  now: number,
): RecordJob {
  const { leaseUntil: _lease, leaseTab: _tab, error: _error, ...rest } = job;
  if (outcome.ok) {
    const done = sameFields(job.fields, sent);
    return {
      ...rest,
      written: sent,
      sysId: outcome.sysId,
      number: outcome.number,
      instance: outcome.instance,
      attempts: 0,
      status: done ? 'done' : 'pending',
      nextAt: now,
      updatedAt: now,
    };
  }
  const error: JobError = {
    code: outcome.code,
    message: outcome.message,
    ...(outcome.status !== undefined && { status: outcome.status }),
  };
  if (isPermanent(outcome)) {
    return { ...rest, status: 'failed', error, updatedAt: now };
  }
  const attempts = job.attempts + 1;
  const wait = Math.max(backoffMs(attempts), outcome.retryAfterMs ?? 0);
  return { ...rest, status: 'retrying', attempts, nextAt: now + wait, error, updatedAt: now };
}

/** 403 (ACL), 400 and 404 of the table do not heal by waiting. */
export function isPermanent(outcome: Extract<WriteOutcome, { ok: false }>): boolean {
  return outcome.status === 403 || outcome.status === 400 || outcome.status === 404;
}

/**
 * The tab holding the write is gone (closed, or the browser restarted), so the write cannot still
 * finish and its lease ends now; a killed worker's lease whose tab is still there (it may still be
 * writing) is only ended by time. Not an attempt: nothing failed.
 */
export function releaseLease(job: RecordJob, now: number): RecordJob {
  if (job.status !== 'writing') {
    return job;
  }
  const { leaseUntil: _lease, leaseTab: _tab, ...rest } = job;
  return { ...rest, status: 'pending', nextAt: now, updatedAt: now };
}

/** No tab could take the write: wait for one (not an attempt, nothing failed). */
export function waitForTab(job: RecordJob, now: number): RecordJob {
  const { leaseUntil: _lease, leaseTab: _tab, ...rest } = job;
  return { ...rest, status: 'waiting', updatedAt: now };
}

/** A ServiceNow tab appeared: waiting jobs are due now. */
export function wakeWaiting(job: RecordJob, now: number): RecordJob {
  return job.status === 'waiting' ? { ...job, status: 'pending', nextAt: now } : job;
}

/** The agent asked to retry: failed or backing-off jobs are due now, with a fresh backoff. */
export function retryNow(job: RecordJob, now: number): RecordJob {
  if (job.status === 'failed' || job.status === 'retrying' || job.status === 'waiting') {
    const { error: _error, ...rest } = job;
    return { ...rest, status: 'pending', attempts: 0, nextAt: now, updatedAt: now };
  }
  return job;
}

/** Drops finished jobs older than DONE_TTL_MS; unfinished ones are never dropped. */
export function prune(jobs: RecordJobs, now: number): RecordJobs {
  return Object.fromEntries(
    Object.entries(jobs).filter(
      ([, job]) =>
        job.status !== 'done' ||
        job.live ||
        job.wrapup?.status === 'needed' ||
        now - job.updatedAt < DONE_TTL_MS,
    ),
  );
}
