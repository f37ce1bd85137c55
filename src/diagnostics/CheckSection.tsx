/**
 * The connectivity check: an optional test number for the audio step, a Run button, progress per
 * step with the measured numbers, then the verdict in plain words with its remedy. The check runs
 * in the offscreen document; the page polls its progress until it ends.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { agentErrorText } from '../shared/diagnostics/agent-text';
import { CONNECTIVITY_STEPS, type StepId, type StepResult } from '../shared/diagnostics';
import type { CheckStatus } from '../shared/protocol/messages/diagnostics';
import { findingText, metricsText, stateLabel, stepLabel, type StepState } from './check-text';
import type { DiagnosticsDeps } from './DiagnosticsApp';
import { errorOf } from './errors';

const POLL_MS = 500;

/** A step's result so far; once the verdict exists, the resolved one (skips name their cause). */
function stepResult(status: CheckStatus | null, id: StepId): StepResult | undefined {
  const run = status?.run;
  return run?.results[id] ?? run?.verdict?.steps.find((step) => step.id === id);
}

function stepState(status: CheckStatus | null, id: StepId): StepState {
  const result = stepResult(status, id);
  if (result !== undefined) {
    return result.status;
  }
  return status?.running === true && status.run?.current === id ? 'running' : 'pending';
}

export function CheckSection({ deps }: { deps: DiagnosticsDeps }) {
  const { t, worker } = deps;
  const [status, setStatus] = useState<CheckStatus | null>(null);
  const [number, setNumber] = useState(() => deps.testNumber.load());
  const [problem, setProblem] = useState<{ message: string; remedy: string | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const poll = () => {
    worker('diagnostics.checkStatus', null).then(
      (next) => {
        setStatus(next);
        if (next.running) {
          timer.current = setTimeout(poll, POLL_MS);
        }
      },
      () => {
        timer.current = setTimeout(poll, POLL_MS * 4);
      },
    );
  };

  useEffect(() => {
    poll();
    return () => clearTimeout(timer.current);
  }, []);

  const run = () => {
    setProblem(null);
    const testNumber = number.trim();
    deps.testNumber.save(testNumber);
    worker('diagnostics.checkStart', testNumber === '' ? {} : { testNumber }).then(
      (next) => {
        setStatus(next);
        clearTimeout(timer.current);
        timer.current = setTimeout(poll, POLL_MS);
      },
      (error: unknown) => setProblem(agentErrorText(errorOf(error), t)),
    );
  };

  const running = status?.running === true;
  const verdict = running ? null : (status?.run?.verdict ?? null);
  const main = verdict === null ? null : findingText(verdict, t);

  return (
    <section class="card" aria-labelledby="check-heading">
      <h2 id="check-heading">{t('checkHeading')}</h2>
      <p class="sub">{t('checkIntro')}</p>
      <form
        class="row"
        onSubmit={(event) => {
          event.preventDefault();
          run();
        }}
      >
        <label>
          {t('checkTestNumber')}
          <input
            id="test-number"
            type="tel"
            value={number}
            placeholder="*43"
            aria-describedby="test-number-help"
            onInput={(event) => setNumber(event.currentTarget.value)}
          />
        </label>
        <button type="submit" id="run-check" disabled={running}>
          {running ? t('checkRunning') : t('checkRun')}
        </button>
      </form>
      <p class="sub" id="test-number-help">
        {t('checkTestNumberHelp')}
      </p>
      {problem ? (
        <p class="problem" role="alert">
          {problem.message} {problem.remedy}
        </p>
      ) : null}
      <ol class="steps" aria-live="polite">
        {CONNECTIVITY_STEPS.map(({ id }) => {
          const state = stepState(status, id);
          const result = stepResult(status, id);
          return (
            <li key={id} data-step={id} data-status={state}>
              <span class="step-name">{stepLabel(id, t)}</span>
              <span class="step-state">{stateLabel(state, t)}</span>
              {result ? (
                <span class="step-numbers">{metricsText(result, t).join(' · ')}</span>
              ) : null}
              {result?.status === 'failed' && result.error ? (
                <span class="step-error">{result.error}</span>
              ) : null}
              {result?.status === 'skipped' && result.skippedBecause ? (
                <span class="step-error">
                  {t('checkSkippedBecause', stepLabel(result.skippedBecause, t))}
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      {verdict && main ? (
        <div
          id="verdict"
          class="verdict"
          role="status"
          data-kind={verdict.kind}
          data-layer={verdict.layer ?? 'none'}
          data-severity={verdict.severity}
          data-run={status?.run?.id}
        >
          <h3>{main.title}</h3>
          <p class="detail">{verdict.detail}</p>
          <p>
            <strong>{t('checkRemedy')}</strong> {main.remedy}
          </p>
          {verdict.also.length > 0 ? (
            <ul class="also" aria-label={t('checkAlso')}>
              {verdict.also.map((finding) => (
                <li key={finding.kind} data-kind={finding.kind}>
                  {findingText(finding, t).title}: {finding.detail}
                </li>
              ))}
            </ul>
          ) : null}
          <p class="sub" data-media={status?.run?.media}>
            {status?.run?.media === 'live-call'
              ? t('checkMediaLive')
              : status?.run?.media === 'test-call'
                ? t('checkMediaTest')
                : t('checkMediaNone')}
          </p>
        </div>
      ) : null}
    </section>
  );
}
