/**
 * Why an interaction record is not saved, in the agent's words: the translation key and its
 * values for a job's last error (HTTP status first, then the error code). Pure; the pages
 * translate with chrome.i18n.
 */
import { messageKey } from '../i18n';
import type { JobError, RecordSummary } from './types';

export interface RecordText {
  /** A message key. */
  label: string;
  values: string[];
}

const BY_STATUS: Readonly<Record<number, string>> = {
  400: messageKey('recordError', '400'),
  401: messageKey('recordError', '401'),
  403: messageKey('recordError', '403'),
  404: messageKey('recordError', '404'),
  429: messageKey('recordError', '429'),
};

const BY_CODE: Readonly<Record<string, string>> = {
  'servicenow.acl-denied': messageKey('recordError', '403'),
  'servicenow.session-expired': messageKey('recordError', '401'),
  'servicenow.not-found': messageKey('recordError', '404'),
  'servicenow.rate-limited': messageKey('recordError', '429'),
  'servicenow.timeout': messageKey('recordError', 'timeout'),
};

export function recordErrorText(error: JobError): RecordText {
  const { status, code } = error;
  if (status !== undefined && status >= 500 && status <= 599) {
    return { label: messageKey('recordError', '5xx'), values: [String(status)] };
  }
  const label = (status !== undefined ? BY_STATUS[status] : undefined) ?? BY_CODE[code];
  return label === undefined
    ? { label: messageKey('recordError', 'other'), values: [code] }
    : { label, values: [] };
}

/** Jobs the agent should know about: not saved, and not merely on their way. */
export function unsavedRecords(jobs: readonly RecordSummary[]): RecordSummary[] {
  return jobs.filter(
    (job) => job.status === 'waiting' || job.status === 'retrying' || job.status === 'failed',
  );
}
