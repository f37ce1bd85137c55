/**
 * Why an interaction record is not saved, in the agent's words: the translation key and its
 * values for a job's last error (HTTP status first, then the error code). Pure; the pages
 * translate with chrome.i18n.
 */
import type { JobError, RecordSummary } from './types';

export interface RecordText {
  key: string;
  values: string[];
}

const BY_STATUS: Readonly<Record<number, string>> = {
  400: 'recordError400',
  401: 'recordError401',
  403: 'recordError403',
  404: 'recordError404',
  429: 'recordError429',
};

const BY_CODE: Readonly<Record<string, string>> = {
  'servicenow.acl-denied': 'recordError403',
  'servicenow.session-expired': 'recordError401',
  'servicenow.not-found': 'recordError404',
  'servicenow.rate-limited': 'recordError429',
  'servicenow.timeout': 'recordErrorTimeout',
};

export function recordErrorText(error: JobError): RecordText {
  const { status, code } = error;
  if (status !== undefined && status >= 500 && status <= 599) {
    return { key: 'recordError5xx', values: [String(status)] };
  }
  const key = (status !== undefined ? BY_STATUS[status] : undefined) ?? BY_CODE[code];
  return key === undefined ? { key: 'recordErrorOther', values: [code] } : { key, values: [] };
}

/** Jobs the agent should know about: not saved, and not merely on their way. */
export function unsavedRecords(jobs: readonly RecordSummary[]): RecordSummary[] {
  return jobs.filter(
    (job) => job.status === 'waiting' || job.status === 'retrying' || job.status === 'failed',
  );
}
