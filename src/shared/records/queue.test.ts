import { describe, expect, it } from 'vitest';
import {
  BACKOFF_BASE_MS,
  dueJobs,
  finishWrite,
  isDue,
  LEASE_MS,
  newJob,
  nextWakeAt,
  releaseLease,
  retryNow,
  startWrite,
  withFields,
} from './queue';

const fields = (extra: Record<string, string> = {}) => ({ u_conversation_id: 'c1', ...extra });
const ok = {
  ok: true,
  sysId: 'a'.repeat(32),
  number: 'INT1',
  instance: 'https://x',
  created: true,
} as const;

describe('record queue rules', () => {
  it('is not due before the call brings its fields', () => {
    expect(isDue(newJob('c1', 0), 0)).toBe(false);
    expect(isDue(withFields(newJob('c1', 0), fields(), 0), 0)).toBe(true);
  });

  it('coalesces: a change during a write is written next, once', () => {
    const job = startWrite(withFields(newJob('c1', 0), fields({ a: '1' }), 0), 0);
    const changed = withFields(job, fields({ a: '2' }), 1);
    expect(changed.status).toBe('writing');
    const after = finishWrite(changed, fields({ a: '1' }), ok, 2);
    expect(after.status).toBe('pending');
    expect(after.sysId).toBe('a'.repeat(32));
    const done = finishWrite(startWrite(after, 3), fields({ a: '2' }), ok, 4);
    expect(done.status).toBe('done');
    expect(withFields(done, fields({ a: '2' }), 5).status).toBe('done');
  });

  it('honours Retry-After on 429, never less than the backoff', () => {
    const job = startWrite(withFields(newJob('c1', 0), fields(), 0), 0);
    const limited = finishWrite(
      job,
      fields(),
      { ok: false, code: 'servicenow.rate-limited', message: '', status: 429, retryAfterMs: 7000 },
      100,
    );
    expect(limited).toMatchObject({ status: 'retrying', nextAt: 7100, attempts: 1 });
    const short = finishWrite(
      job,
      fields(),
      { ok: false, code: 'x', message: '', status: 429, retryAfterMs: 1 },
      100,
    );
    expect(short.nextAt).toBe(100 + BACKOFF_BASE_MS);
    expect(nextWakeAt({ c1: limited })).toBe(7100);
  });

  it('stops on 403 until the agent retries', () => {
    const job = startWrite(withFields(newJob('c1', 0), fields(), 0), 0);
    const denied = finishWrite(
      job,
      fields(),
      { ok: false, code: 'servicenow.acl-denied', message: 'ACL', status: 403 },
      10,
    );
    expect(denied.status).toBe('failed');
    expect(dueJobs({ c1: denied }, 1e12)).toHaveLength(0);
    expect(retryNow(denied, 20)).toMatchObject({ status: 'pending', nextAt: 20, attempts: 0 });
  });

  it('makes a write whose worker died due again when its lease runs out', () => {
    const job = startWrite(withFields(newJob('c1', 0), fields(), 0), 0);
    expect(isDue(job, LEASE_MS - 1)).toBe(false);
    expect(isDue(job, LEASE_MS)).toBe(true);
  });

  it('ends the leases of the last browser session at browser start, and touches nothing else', () => {
    const writing = startWrite(withFields(newJob('c1', 0), fields(), 0), 0);
    expect(isDue(writing, 1_000)).toBe(false);
    const released = releaseLease(writing, 1_000);
    expect(released).toMatchObject({ status: 'pending', nextAt: 1_000, writes: 1, attempts: 0 });
    expect(released.leaseUntil).toBeUndefined();
    expect(isDue(released, 1_000)).toBe(true);
    const denied = finishWrite(
      writing,
      fields(),
      { ok: false, code: 'x', message: 'no', status: 403 },
      5,
    );
    expect(releaseLease(denied, 1_000)).toBe(denied);
  });
});
