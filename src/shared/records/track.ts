/**
 * Follows a call through snapshots into its job: the first hold and the number of holds, whether
 * the call is still live, and the record's fields (coalesced: one job per conversation, always the
 * newest fields). Also the agent-facing summary of a job.
 */
import type { CallSnapshot } from '../session/snapshot';
import { contextFields, interactionFields, isLiveCall } from './fields';
import { newJob, withFields } from './queue';
import type { RecordJob, RecordSummary } from './types';

export function contextOf(job: RecordJob) {
  return {
    holds: job.holds,
    ...(job.heldAt !== undefined && { heldAt: job.heldAt }),
    ...(job.agent !== undefined && { agent: job.agent }),
    ...(job.matched !== undefined && { matched: job.matched }),
    ...(job.wrapup?.chosen !== undefined && { wrapup: job.wrapup.chosen }),
  };
}

/** The job after a snapshot of its call (a new job on first sight). */
export function trackCall(job: RecordJob | undefined, call: CallSnapshot, now: number): RecordJob {
  const base = job ?? newJob(call.conversationId, now);
  const startsHold = call.held && !base.wasHeld;
  const tracked: RecordJob = {
    ...base,
    live: isLiveCall(call),
    wasHeld: call.held,
    holds: base.holds + (startsHold ? 1 : 0),
    ...(startsHold && base.heldAt === undefined && { heldAt: now }),
  };
  return refresh(tracked, call, now);
}

function refresh(job: RecordJob, call: CallSnapshot, now: number): RecordJob {
  return withFields(job, interactionFields(call, contextOf(job)), now);
}

/** After a match, the agent or a wrap-up: the context fields again, the call's fields kept. */
export function refreshContext(job: RecordJob, now: number): RecordJob {
  return withFields(job, { ...job.fields, ...contextFields(contextOf(job)) }, now);
}

export function summarize(job: RecordJob): RecordSummary {
  const caller = job.fields['u_caller_phone'];
  const remote = caller === undefined || caller === '' ? job.fields['u_called_phone'] : caller;
  return {
    conversationId: job.conversationId,
    status: job.status,
    attributes: job.attributes,
    ...(job.number !== undefined && { number: job.number }),
    ...(job.sysId !== undefined && { sysId: job.sysId }),
    ...(job.instance !== undefined && { instance: job.instance }),
    ...((job.status === 'retrying' || job.status === 'pending') && { nextAt: job.nextAt }),
    ...(job.error !== undefined && { error: job.error }),
    ...(job.wrapup !== undefined && { wrapup: job.wrapup }),
    ...(remote !== undefined && remote !== '' && { remote }),
    ...(job.fields['u_ended_at'] && { endedAt: job.fields['u_ended_at'] }),
  };
}
