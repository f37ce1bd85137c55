import { describe, expect, it } from 'vitest';
import { englishT } from '../../test/english';
import { recordErrorText, unsavedRecords } from './error-text';
import type { RecordSummary } from './types';

const say = (error: Parameters<typeof recordErrorText>[0]) => {
  const text = recordErrorText(error);
  return englishT(text.label, ...text.values);
};

describe('why a record is not saved, in words', () => {
  it('says a 403 is a missing permission, with the status', () => {
    expect(say({ code: 'servicenow.acl-denied', message: 'ACL', status: 403 })).toBe(
      'ServiceNow refused: no permission to write interactions (403)',
    );
  });

  it('names server errors with their status and waits for the rest', () => {
    expect(say({ code: 'servicenow.server-error', message: '', status: 503 })).toBe(
      'ServiceNow had a server error (503); trying again shortly',
    );
    expect(say({ code: 'servicenow.rate-limited', message: '', status: 429 })).toContain('(429)');
    expect(say({ code: 'servicenow.timeout', message: 'no answer in 25000 ms' })).toBe(
      'ServiceNow did not answer in time; trying again shortly',
    );
    expect(say({ code: 'servicenow.session-expired', message: '' })).toContain('(401)');
  });

  it('falls back to the code for anything else, never to raw server text', () => {
    expect(say({ code: 'servicenow.bad-response', message: '<html>oops</html>' })).toBe(
      'ServiceNow could not save the record (servicenow.bad-response)',
    );
  });

  it('lists only the jobs that wait, retry or stopped', () => {
    const job = (conversationId: string, status: RecordSummary['status']): RecordSummary => ({
      conversationId,
      status,
      attributes: 'pending',
    });
    const jobs = [job('a', 'done'), job('b', 'failed'), job('c', 'writing'), job('d', 'waiting')];
    expect(unsavedRecords(jobs).map((j) => j.conversationId)).toEqual(['b', 'd']);
  });
});
