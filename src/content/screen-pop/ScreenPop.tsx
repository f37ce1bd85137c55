/**
 * The in-page Switchboard UI: a connection chip and a card per live call. All call data is
 * untrusted and rendered as text by Preact (never as HTML).
 */
import type { CallCommand } from '../../shared/protocol/schemas';
import { messageKey, type Translate } from '../../shared/i18n';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';

interface Props {
  snapshot: SessionSnapshot | null;
  t: Translate;
  onCommand(command: CallCommand): void;
}

const LIVE = new Set(['alerting', 'connecting', 'connected']);

function CallCard({ call, t, onCommand }: { call: CallSnapshot } & Omit<Props, 'snapshot'>) {
  const id = call.conversationId;
  const who = call.remote.name ?? call.remote.number ?? t('unknownCaller');
  return (
    <section class="sb-card" role="region" aria-label={t('callFrom', who)} data-call={id}>
      <h2 class="sb-caller">{who}</h2>
      {call.remote.number && call.remote.name ? (
        <div class="sb-number sb-muted">{call.remote.number}</div>
      ) : null}
      {call.queue ? <div class="sb-queue sb-muted">{call.queue}</div> : null}
      <div class="sb-state" aria-live="polite">
        {t(messageKey('callState', call.state))}
      </div>
      <div class="sb-actions">
        {call.state === 'alerting' && call.direction === 'inbound' ? (
          <>
            <button class="sb-primary" onClick={() => onCommand({ type: 'answer', conversationId: id })}>
              {t('answer')}
            </button>
            <button onClick={() => onCommand({ type: 'decline', conversationId: id })}>
              {t('decline')}
            </button>
          </>
        ) : (
          <button class="sb-danger" onClick={() => onCommand({ type: 'hangup', conversationId: id })}>
            {t('hangUp')}
          </button>
        )}
      </div>
    </section>
  );
}

export function ScreenPop({ snapshot, t, onCommand }: Props) {
  const state = snapshot?.connection.state ?? 'stopped';
  const calls = snapshot?.calls.filter((call) => LIVE.has(call.state)) ?? [];
  return (
    <div class="sb-layer" data-seq={snapshot?.seq ?? 0}>
      {calls.map((call) => (
        <CallCard key={call.conversationId} call={call} t={t} onCommand={onCommand} />
      ))}
      <div class="sb-chip" role="status" aria-live="polite">
        <span class="sb-dot" data-state={state} aria-hidden="true" />
        <span class="sb-status">{t('extName')}</span>
        <span class="sb-connection sb-muted" data-state={state}>
          {t(messageKey('connection', state))}
        </span>
      </div>
    </div>
  );
}
