/**
 * The popup's list of interaction records ServiceNow has not saved yet (waiting for a tab,
 * retrying, or stopped), each with the reason in words, and "Retry now", which makes every
 * unsaved write due at once. Hidden while everything is saved. Asks the worker every few seconds
 * while the popup is open; remote names are untrusted and rendered as text.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../shared/i18n';
import type { WorkerApi } from '../shared/protocol/contract';
import type { createRequester } from '../shared/protocol/messenger';
import { recordErrorText, unsavedRecords } from '../shared/records/error-text';
import type { RecordSummary, RecordsState } from '../shared/records/types';

export const RECORDS_POLL_MS = 2_000;

interface Props {
  t: Translate;
  worker: ReturnType<typeof createRequester<WorkerApi>>;
}

function reason(job: RecordSummary, t: Translate): string {
  if (job.error !== undefined) {
    const text = recordErrorText(job.error);
    return t(text.label, ...text.values);
  }
  return job.status === 'waiting' ? t('recordWaiting') : t('recordSaving');
}

export function PendingWrites({ t, worker }: Props) {
  const [jobs, setJobs] = useState<RecordSummary[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const show = (state: RecordsState) => setJobs(unsavedRecords(state.jobs));

  useEffect(() => {
    const load = () => void worker('records.state', null).then(show, () => undefined);
    load();
    const timer = setInterval(load, RECORDS_POLL_MS);
    return () => clearInterval(timer);
  }, []);

  if (jobs.length === 0) {
    return null;
  }
  const retry = () => {
    setBusy(true);
    setProblem(null);
    worker('records.retry', {})
      .then(show, (error: unknown) =>
        setProblem(
          t('popupRecordsRetryFailed', error instanceof Error ? error.message : String(error)),
        ),
      )
      .finally(() => setBusy(false));
  };

  return (
    <section class="records" aria-labelledby="records-title" data-count={jobs.length}>
      <h2 id="records-title">{t('popupRecordsTitle', String(jobs.length))}</h2>
      <ul>
        {jobs.map((job) => (
          <li
            key={job.conversationId}
            data-status={job.status}
            data-conversation-id={job.conversationId}
          >
            <span class="caller">{job.remote ?? t('unknownCaller')}</span>
            <span class="record-reason" data-tone={job.status === 'failed' ? 'bad' : 'busy'}>
              {reason(job, t)}
            </span>
          </li>
        ))}
      </ul>
      {problem ? <p role="alert">{problem}</p> : null}
      <button type="button" onClick={retry} disabled={busy} aria-describedby="records-title">
        {t('popupRecordsRetry')}
      </button>
    </section>
  );
}
