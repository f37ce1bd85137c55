/**
 * The in-page Switchboard UI: a card per live call (plus ended calls whose chooser or pending
 * record still waits for the agent), a notice line, and the connection chip. One polite live
 * region announces the newest call; nothing takes focus. All call and record data is untrusted and
 * rendered as text by Preact (never as HTML).
 */
import type { ComponentChildren } from 'preact';
import { localisedError } from '../../shared/diagnostics/error-keys';
import { messageKey, type Translate } from '../../shared/i18n';
import type { CallCommand } from '../../shared/protocol/schemas';
import type { CallSnapshot } from '../../shared/session/snapshot';
import type { PopView } from '../pop/pop-view';
import type { ContentState } from '../state/store';
import { CallCard, callerOf } from './CallCard';

interface Props {
  state: ContentState;
  t: Translate;
  onCommand: (command: CallCommand) => void;
  onOpen: (url: string) => void;
  /** More of the pop after the call cards (the records panel: wrap-up, unsaved records). */
  children?: ComponentChildren;
}

const LIVE = new Set(['alerting', 'connecting', 'connected']);

function waitsForAgent(view: PopView | undefined): boolean {
  return (
    view?.status === 'chooser' ||
    ((view?.status === 'opened' || view?.status === 'created') && view.pending)
  );
}

function shown(call: CallSnapshot, view: PopView | undefined): boolean {
  return LIVE.has(call.state) || waitsForAgent(view);
}

export function ScreenPop({ state, t, onCommand, onOpen, children }: Props) {
  const { snapshot, pops, notice } = state;
  const connection = snapshot?.connection.state ?? 'stopped';
  const calls = (snapshot?.calls ?? []).filter((call) => shown(call, pops[call.conversationId]));
  const newest = calls.find((call) => LIVE.has(call.state));
  const announcement = newest
    ? `${t('callFrom', callerOf(newest, t))}: ${t(messageKey('callState', newest.state))}`
    : '';
  return (
    <div class="sb-layer" data-seq={snapshot?.seq ?? 0} data-pop-target={String(state.popTarget)}>
      <div class="sb-sr-only" role="status" aria-live="polite">
        {announcement}
      </div>
      {calls.map((call) => (
        <CallCard
          key={call.conversationId}
          call={call}
          view={pops[call.conversationId]}
          t={t}
          onCommand={onCommand}
          onOpen={onOpen}
        />
      ))}
      {children}
      {notice ? (
        <div class="sb-notice" role="status" data-kind={notice.kind} data-code={notice.code ?? ''}>
          {notice.text}
        </div>
      ) : null}
      <div class="sb-chip" role="status" aria-live="polite">
        <span class="sb-dot" data-state={connection} aria-hidden="true" />
        <span class="sb-status">{t('extName')}</span>
        <span class="sb-connection sb-muted" data-state={connection}>
          {t(messageKey('connection', connection))}
        </span>
        {snapshot?.connection.error ? (
          <span class="sb-muted" data-code={snapshot.connection.error.code}>
            {localisedError(snapshot.connection.error, t)}
          </span>
        ) : null}
      </div>
    </div>
  );
}
