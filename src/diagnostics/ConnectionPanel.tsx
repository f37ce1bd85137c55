/**
 * The connection as the agent reads it, and when something failed, the error in words (from the
 * taxonomy code: what happened and what to do) with the original detail for support.
 */
import { agentErrorText } from '../shared/diagnostics/agent-text';
import { messageKey, type Translate } from '../shared/i18n';
import type { SessionSnapshot } from '../shared/session/snapshot';

export function ConnectionPanel({
  snapshot,
  t,
}: {
  snapshot: SessionSnapshot | null;
  t: Translate;
}) {
  const connection = snapshot?.connection;
  const error = connection?.error ? agentErrorText(connection.error, t) : null;
  return (
    <section class="card" aria-labelledby="connection-heading">
      <h2 id="connection-heading">{t('connection')}</h2>
      <p id="connection-state" data-state={connection?.state ?? 'unknown'}>
        {connection ? t(messageKey('connection', connection.state)) : '–'}
      </p>
      {error ? (
        <div class="error-text" data-code={error.code} data-layer={error.layer ?? 'none'}>
          <p>{error.message}</p>
          {error.remedy ? <p class="remedy">{error.remedy}</p> : null}
          {error.detail ? <p class="sub detail">{error.detail}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
