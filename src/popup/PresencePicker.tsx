/**
 * The agent's Genesys status in the popup: the current label (On Queue, Interacting, Not
 * responding, Available, …) kept live by `presence.changed`, a selector to change it, and one
 * "Go back on queue" button while Genesys holds the agent as not responding.
 */
import { useEffect, useState } from 'preact/hooks';
import { messageKey, type Translate } from '../shared/i18n';
import { SELECTABLE_PRESENCES, type PresenceRequest } from '../shared/presence/change';
import { statusLabel, type AgentStatus } from '../shared/presence/status';
import type { WorkerApi } from '../shared/protocol/contract';
import type { createRequester } from '../shared/protocol/messenger';
import { onPresenceChanged } from './presence-events';

interface Props {
  t: Translate;
  worker: ReturnType<typeof createRequester<WorkerApi>>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function PresencePicker({ t, worker }: Props) {
  const [status, setStatus] = useState<AgentStatus | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const off = onPresenceChanged(setStatus);
    worker('presence.get', { refresh: true }).then(
      (view) => setStatus(view.status),
      (error: unknown) => setProblem(message(error)),
    );
    return off;
  }, [worker]);

  const change = (request: PresenceRequest) => {
    setProblem(null);
    worker('presence.set', { request }).then(
      (view) => setStatus(view.status),
      (error: unknown) => setProblem(t('presenceChangeFailed', message(error))),
    );
  };
  const label = status && statusLabel(status);
  const selected = SELECTABLE_PRESENCES.find((p) => p === status?.presence) ?? '';

  return (
    <section class="presence" aria-label={t('presenceLabel')}>
      <p id="presence-status" role="status" data-label={label ?? 'unknown'}>
        {label ? t(messageKey('presence', label)) : t('presenceUnknown')}
      </p>
      <select
        id="presence-select"
        aria-label={t('presenceLabel')}
        value={selected}
        onChange={(event) => {
          const value = SELECTABLE_PRESENCES.find((p) => p === event.currentTarget.value);
          if (value) {
            change({ kind: 'set', presence: value });
          }
        }}
      >
        {selected === '' ? <option value="">{t('presenceUnknown')}</option> : null}
        {SELECTABLE_PRESENCES.map((p) => (
          <option key={p} value={p}>
            {t(messageKey('presence', statusLabel({ presence: p, routing: 'IDLE' })))}
          </option>
        ))}
      </select>
      {label === 'not-responding' ? (
        <button type="button" class="primary" onClick={() => change({ kind: 'recover' })}>
          {t('presenceBackOnQueue')}
        </button>
      ) : null}
      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}
    </section>
  );
}
