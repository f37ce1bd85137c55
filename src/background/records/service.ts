/**
 * Interaction records, the worker's side: snapshots become jobs (one per conversation, newest
 * fields), a single pump hands due jobs to a ServiceNow tab one at a time, and each answer moves
 * the job on (done, retry at the backoff or Retry-After, stopped on 403, waiting for a tab). Once
 * the record exists and the call is still live, its sys_id and number go to the conversation's
 * participant attributes; after an answered queue call the queue's wrap-up codes are fetched for
 * the pop. All state is in the store: a killed worker resumes from there.
 */
import type { Logger } from '../../shared/logger';
import { recordAttributes } from '../../shared/records/attributes';
import { matchedRecordOf } from '../../shared/records/matched';
import {
  dueJobs,
  finishWrite,
  newJob,
  nextWakeAt,
  prune,
  retryNow,
  startWrite,
  waitForTab,
  wakeWaiting,
} from '../../shared/records/queue';
import { refreshContext, summarize, trackCall } from '../../shared/records/track';
import type {
  RecordJob,
  RecordJobs,
  RecordsState,
  WrapupCode,
  WriteOutcome,
} from '../../shared/records/types';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { executeWrite, type ExecutorPorts } from './executor';
import { createLeases } from './leases';
import type { JobStore } from './store';

export interface GenesysRecordsPort {
  agent(conversationId: string): Promise<{ userId: string; name?: string } | null>;
  attributes(conversationId: string, attributes: Record<string, string>): Promise<unknown>;
  wrapupCodes(conversationId: string): Promise<{ required: boolean; codes: WrapupCode[] }>;
  wrapup(conversationId: string, code: string, notes?: string): Promise<unknown>;
}

export interface RecordsDeps {
  store: JobStore;
  instances(): readonly string[];
  executor: ExecutorPorts;
  genesys: GenesysRecordsPort;
  /** Whether a tab still exists with a ServiceNow page (a closed tab cannot finish a write). */
  tabExists(tabId: number): Promise<boolean>;
  /** Tells ServiceNow tabs (and pages) the records changed. */
  changed(): void;
  /** Wake the pump at this epoch ms (timer while alive, alarm otherwise). */
  schedule(at: number): void;
  now(): number;
  log: Logger;
}

const MAX_SHOWN = 20;
type Change = (job: RecordJob, now: number) => RecordJob;

export function createRecords(deps: RecordsDeps) {
  const { store, log } = deps;
  let pumping: Promise<void> | null = null;
  const leases = createLeases(deps);
  const bootAt = deps.now();

  const updateJob = (id: string, change: Change) =>
    store.update((jobs) => {
      const job = jobs[id];
      if (job === undefined) {return { jobs, value: undefined };}
      const next = change(job, deps.now());
      return { jobs: { ...jobs, [id]: next }, value: next };
    });

  async function state(): Promise<RecordsState> {
    const jobs = Object.values(await store.read()).sort((a, b) => b.createdAt - a.createdAt);
    return { jobs: jobs.slice(0, MAX_SHOWN).map(summarize) };
  }

  async function writeAttributes(job: RecordJob): Promise<void> {
    if (job.attributes !== 'pending' || job.sysId === undefined || job.number === undefined) {return;}
    if (!job.live) {
      await updateJob(job.conversationId, (j) => ({ ...j, attributes: 'too-late' }));
      log.warn('record attributes too late: the call had ended', { id: job.conversationId });
      return;
    }
    const attributes = recordAttributes({
      sysId: job.sysId,
      number: job.number,
      instance: job.instance ?? '',
    });
    const result = await deps.genesys.attributes(job.conversationId, attributes).then(
      () => 'done' as const,
      (error: unknown) => {
        log.warn('participant attributes failed', { error: String(error) });
        return 'failed' as const;
      },
    );
    await updateJob(job.conversationId, (j) => ({ ...j, attributes: result }));
  }

  async function writeOne(): Promise<boolean> {
    const picked = await store.update((jobs) => {
      const [due] = dueJobs(jobs, deps.now());
      if (due === undefined) {return { jobs: prune(jobs, deps.now()), value: null };}
      const started = startWrite(due, deps.now());
      return { jobs: { ...jobs, [due.conversationId]: started }, value: started };
    });
    if (picked === null) {return false;}
    const sent = picked.fields;
    const executor: ExecutorPorts = {
      tabs: (instances) => deps.executor.tabs(instances),
      send: (tabId, message) => {
        void leases.noteTab(picked, tabId); // the tab holding the lease
        return deps.executor.send(tabId, message);
      },
    };
    const outcome = await executeWrite(executor, deps.instances(), picked.instance, {
      conversationId: picked.conversationId,
      ...(picked.sysId !== undefined && { sysId: picked.sysId }),
      fields: sent,
    }).catch((error: unknown): WriteOutcome => ({
      ok: false,
      code: 'servicenow.request-failed',
      message: String(error),
    }));
    if (outcome === null) {
      // No tab can write: every due job waits until a ServiceNow tab appears.
      await store.update((jobs) => ({
        jobs: waitIfDue(jobs, picked.conversationId, deps.now()),
        value: null,
      }));
      deps.changed();
      return false;
    }
    if (!outcome.ok) {
      log.warn('interaction record write failed', { code: outcome.code, status: outcome.status });
    }
    const after = await updateJob(picked.conversationId, (j, now) =>
      finishWrite(j, sent, outcome, now),
    );
    deps.changed();
    if (after !== undefined && outcome.ok) {await writeAttributes(after);}
    return true;
  }

  function pump(): Promise<void> {
    pumping ??= (async () => {
      try {
        while (await writeOne()) {
          // one write at a time, until nothing is due
        }
      } catch (error) {
        log.warn('records pump failed', { error: String(error) });
      } finally {
        pumping = null;
      }
      const wake = nextWakeAt(await store.read());
      if (wake !== undefined) {deps.schedule(wake);}
    })();
    return pumping;
  }

  /** Conversations whose agent is being asked for: one request each (a 429 may hold it a while). */
  const askingAgent = new Set<string>();

  async function fetchAgent(id: string): Promise<void> {
    if (askingAgent.has(id)) {return;}
    askingAgent.add(id);
    const agent = await deps.genesys
      .agent(id)
      .catch(() => null)
      .finally(() => askingAgent.delete(id));
    if (agent === null) {return;}
    const label = agent.name ? `${agent.name} (${agent.userId})` : agent.userId;
    await updateJob(id, (job, now) => refreshContext({ ...job, agent: label }, now));
    void pump();
  }

  async function fetchWrapup(id: string): Promise<void> {
    try {
      const { required, codes } = await deps.genesys.wrapupCodes(id);
      if (codes.length === 0) {return;}
      await updateJob(id, (job) => ({ ...job, wrapup: { required, codes, status: 'needed' } }));
      deps.changed();
    } catch (error) {
      log.info('no wrap-up codes for this call', { error: String(error) });
    }
  }

  async function observe(snapshot: SessionSnapshot): Promise<void> {
    const now = deps.now();
    const events = await store.update((jobs) => {
      const next: RecordJobs = { ...jobs };
      const fresh: string[] = [];
      const ended: string[] = [];
      for (const call of snapshot.calls) {
        const before = jobs[call.conversationId];
        const after = trackCall(before, call, now);
        next[call.conversationId] = after;
        if (before?.agent === undefined) {fresh.push(call.conversationId);}
        const answered = call.answeredAt !== undefined && call.queue !== undefined;
        if ((before?.live ?? true) && !after.live && answered && after.wrapup === undefined) {
          ended.push(call.conversationId);
        }
      }
      return { jobs: next, value: { fresh, ended } };
    });
    for (const id of events.fresh) {void fetchAgent(id);}
    for (const id of events.ended) {void fetchWrapup(id);}
    void pump();
  }

  return {
    observe,
    pump,
    state,
    /** Worker start: writes whose tab is gone (closed, browser restarted) go now, then the rest. */
    async start(): Promise<void> {
      await leases.release().catch((error: unknown) => {
        log.warn('write lease check failed', { error: String(error) });
      });
      await pump();
    },
    /** The browser started: writes handed to the last session's tabs are due now. */
    async browserStarted(): Promise<void> {
      await leases.release(bootAt);
      void pump();
    },
    /** A ServiceNow tab is there (it asked for the records): waiting jobs go now. */
    async tabAppeared(): Promise<void> {
      await store.update((jobs) => ({ jobs: mapJobs(jobs, wakeWaiting, deps.now()), value: null }));
      void pump();
    },
    async retry(conversationId?: string): Promise<RecordsState> {
      await store.update((jobs) => ({
        jobs: mapJobs(
          jobs,
          (job, now) =>
            conversationId === undefined || job.conversationId === conversationId
              ? retryNow(job, now)
              : job,
          deps.now(),
        ),
        value: null,
      }));
      void pump();
      return state();
    },
    async matched(conversationId: string, url: string): Promise<void> {
      const record = matchedRecordOf(url);
      if (record === null) {return;}
      await store.update((jobs) => {
        const job = jobs[conversationId] ?? newJob(conversationId, deps.now());
        const next = refreshContext({ ...job, matched: record }, deps.now());
        return { jobs: { ...jobs, [conversationId]: next }, value: null };
      });
      void pump();
    },
    async wrapup(input: {
      conversationId: string;
      code?: string;
      notes?: string;
      skip?: boolean;
    }): Promise<RecordsState> {
      const id = input.conversationId;
      const job = (await store.read())[id];
      const wrapup = job?.wrapup;
      if (job === undefined || wrapup === undefined) {throw new Error('No wrap-up for this call');}
      if (input.skip === true || input.code === undefined) {
        if (wrapup.required) {throw new Error('This queue requires a wrap-up code');}
        await updateJob(id, (j) => ({ ...j, wrapup: { ...wrapup, status: 'skipped' } }));
        deps.changed();
        return state();
      }
      const code = wrapup.codes.find((c) => c.id === input.code);
      if (code === undefined) {throw new Error('Not a wrap-up code of this queue');}
      const chosen = {
        code: code.id,
        name: code.name,
        ...(input.notes ? { notes: input.notes } : {}),
      };
      await updateJob(id, (j, now) =>
        refreshContext({ ...j, wrapup: { ...wrapup, chosen, status: 'sending' } }, now),
      );
      void pump();
      const status = await deps.genesys.wrapup(id, code.id, input.notes).then(
        () => ({ status: 'sent' as const }),
        (error: unknown) => ({
          status: 'failed' as const,
          error: { code: 'genesys.wrapup-failed', message: String(error) },
        }),
      );
      await updateJob(id, (j) => ({ ...j, wrapup: { ...wrapup, chosen, ...status } }));
      deps.changed();
      return state();
    },
  };
}

export type RecordsService = ReturnType<typeof createRecords>;

function mapJobs(jobs: RecordJobs, change: Change, now: number): RecordJobs {
  return Object.fromEntries(Object.entries(jobs).map(([id, job]) => [id, change(job, now)]));
}

/** The job just tried and every other due job wait for a ServiceNow tab. */
function waitIfDue(jobs: RecordJobs, tried: string, now: number): RecordJobs {
  const due = new Set(dueJobs(jobs, now).map((job) => job.conversationId));
  due.add(tried);
  return mapJobs(jobs, (job) => (due.has(job.conversationId) ? waitForTab(job, now) : job), now);
}
