/**
 * Write leases and the tabs holding them. A write is handed to one ServiceNow tab under a lease;
 * the tab is remembered, so when it is gone (closed, or the browser restarted) the write cannot
 * still finish and the job is due at once instead of after the lease. A killed worker's lease
 * whose tab still exists (it may still be writing) is left to run out.
 */
import type { Logger } from '../../shared/logger';
import { LEASE_MS, releaseLease } from '../../shared/records/queue';
import type { RecordJob, RecordJobs } from '../../shared/records/types';
import type { JobStore } from './store';

export interface LeaseDeps {
  store: JobStore;
  /** Whether a tab still exists. */
  tabExists(tabId: number): Promise<boolean>;
  now(): number;
  log: Logger;
}

export function createLeases(deps: LeaseDeps) {
  const { store, log } = deps;
  return {
    /** Remembers the tab a write went to, while that write's lease is the job's. */
    async noteTab(picked: RecordJob, tabId: number): Promise<void> {
      await store
        .update((jobs) => {
          const job = jobs[picked.conversationId];
          const same = job?.status === 'writing' && job.leaseUntil === picked.leaseUntil;
          return same
            ? { jobs: { ...jobs, [job.conversationId]: { ...job, leaseTab: tabId } }, value: null }
            : { jobs, value: null };
        })
        .catch(() => undefined);
    },

    /**
     * Ends the leases whose tab is gone. `olderThan`: the browser started then, so every tab
     * that took a write before it is gone (a write handed out since is left alone).
     */
    async release(olderThan?: number): Promise<number> {
      const old = (job: RecordJob) =>
        olderThan !== undefined && (job.leaseUntil ?? 0) - LEASE_MS < olderThan;
      const writing = Object.values(await store.read()).filter((j) => j.status === 'writing');
      const gone = new Map<string, number | undefined>();
      for (const job of writing) {
        if (old(job) || (job.leaseTab !== undefined && !(await deps.tabExists(job.leaseTab)))) {
          gone.set(job.conversationId, job.leaseUntil);
        }
      }
      if (gone.size === 0) {
        return 0;
      }
      const released = await store.update((jobs) => {
        const next: RecordJobs = { ...jobs };
        let count = 0;
        for (const [id, leaseUntil] of gone) {
          const job = jobs[id];
          if (job?.status === 'writing' && job.leaseUntil === leaseUntil) {
            next[id] = releaseLease(job, deps.now());
            count++;
          }
        }
        return { jobs: next, value: count };
      });
      if (released > 0) {
        log.info('write leases ended: their tabs are gone', { count: released });
      }
      return released;
    },
  };
}
