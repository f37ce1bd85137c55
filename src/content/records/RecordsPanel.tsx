/**
 * The records part of the pop: after a call, the queue's wrap-up (a code, required or optional per
 * the queue's after-call work, and notes), and interaction records that are not saved yet
 * (waiting for ServiceNow, retrying, or stopped) with a Retry button. Everything shown is text.
 */
import { useState } from 'preact/hooks';
import type { Translate } from '../../shared/i18n';
import { recordErrorText } from '../../shared/records/error-text';
import type { RecordSummary } from '../../shared/records/types';

export interface RecordsActions {
  wrapup(input: { conversationId: string; code?: string; notes?: string; skip?: boolean }): void;
  retry(conversationId: string): void;
}

interface Props {
  jobs: readonly RecordSummary[];
  t: Translate;
  actions: RecordsActions;
}

const UNSAVED = new Set(['waiting', 'retrying', 'failed']);
const WRAPUP_OPEN = new Set(['needed', 'failed', 'sending']);

function Wrapup({
  job,
  t,
  actions,
}: {
  job: RecordSummary;
  t: Translate;
  actions: RecordsActions;
}) {
  const wrapup = job.wrapup;
  const [code, setCode] = useState('');
  const [notes, setNotes] = useState('');
  if (wrapup === undefined) {return null;}
  const id = `sb-wrapup-${job.conversationId}`;
  const busy = wrapup.status === 'sending';
  return (
    <form
      class="sb-card sb-wrapup"
      data-conversation-id={job.conversationId}
      data-required={String(wrapup.required)}
      onSubmit={(event) => {
        event.preventDefault();
        if (code !== '') {actions.wrapup({ conversationId: job.conversationId, code, notes });}
      }}
    >
      <h2>{t('wrapupTitle', job.remote ?? t('unknownCaller'))}</h2>
      <label for={`${id}-code`}>
        {wrapup.required ? t('wrapupCodeRequired') : t('wrapupCodeOptional')}
      </label>
      <select
        id={`${id}-code`}
        required={wrapup.required}
        value={code}
        onChange={(event) => setCode(event.currentTarget.value)}
      >
        <option value="">{t('wrapupChoose')}</option>
        {wrapup.codes.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <label for={`${id}-notes`}>{t('wrapupNotes')}</label>
      <textarea
        id={`${id}-notes`}
        maxLength={1000}
        value={notes}
        onInput={(event) => setNotes(event.currentTarget.value)}
      />
      {wrapup.status === 'failed' ? <p role="alert">{t('wrapupFailed')}</p> : null}
      <div class="sb-actions">
        <button type="submit" class="sb-primary" disabled={busy || code === ''}>
          {t('wrapupSave')}
        </button>
        {wrapup.required ? null : (
          <button
            type="button"
            disabled={busy}
            onClick={() => actions.wrapup({ conversationId: job.conversationId, skip: true })}
          >
            {t('wrapupSkip')}
          </button>
        )}
      </div>
    </form>
  );
}

function Unsaved({
  job,
  t,
  actions,
}: {
  job: RecordSummary;
  t: Translate;
  actions: RecordsActions;
}) {
  const reason =
    job.status === 'waiting'
      ? t('recordWaiting')
      : job.status === 'failed'
        ? t('recordStopped', job.error ? words(job.error, t) : '')
        : t('recordRetrying');
  return (
    <div
      class="sb-notice sb-record"
      role="status"
      data-conversation-id={job.conversationId}
      data-status={job.status}
      data-code={job.error?.code ?? ''}
    >
      {t('recordUnsaved', job.remote ?? t('unknownCaller'))} {reason}
      {job.status === 'waiting' ? null : (
        <button type="button" onClick={() => actions.retry(job.conversationId)}>
          {t('recordRetry')}
        </button>
      )}
    </div>
  );
}

function words(error: NonNullable<RecordSummary['error']>, t: Translate): string {
  const text = recordErrorText(error);
  return t(text.label, ...text.values);
}

export function RecordsPanel({ jobs, t, actions }: Props) {
  const wrapups = jobs.filter((job) => job.wrapup && WRAPUP_OPEN.has(job.wrapup.status));
  const unsaved = jobs.filter((job) => UNSAVED.has(job.status));
  if (wrapups.length === 0 && unsaved.length === 0) {return null;}
  return (
    <div class="sb-records">
      {wrapups.map((job) => (
        <Wrapup key={job.conversationId} job={job} t={t} actions={actions} />
      ))}
      {unsaved.map((job) => (
        <Unsaved key={job.conversationId} job={job} t={t} actions={actions} />
      ))}
    </div>
  );
}
