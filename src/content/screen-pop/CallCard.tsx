/**
 * One call: who, number, queue, state and timer, the agent's Genesys status, controls, the pop
 * status and the attributes.
 */
import { messageKey, type Translate } from '../../shared/i18n';
import type { CallCommand } from '../../shared/protocol/schemas';
import type { CallSnapshot } from '../../shared/session/snapshot';
import type { PopView } from '../pop/pop-view';
import { StatusChip } from '../presence/StatusChip';
import { CallControls } from './CallControls';
import { CallDetails } from './CallDetails';
import { CallTimer } from './CallTimer';
import { PopStatus } from './PopStatus';

export interface CardProps {
  call: CallSnapshot;
  view: PopView | undefined;
  t: Translate;
  onCommand: (command: CallCommand) => void;
  onOpen: (url: string) => void;
}

export const callerOf = (call: CallSnapshot, t: Translate): string =>
  call.remote.name ?? call.remote.number ?? t('unknownCaller');

export function CallCard({ call, view, t, onCommand, onOpen }: CardProps) {
  const who = callerOf(call, t);
  return (
    <section
      class="sb-card"
      aria-label={t('callFrom', who)}
      data-call={call.conversationId}
      data-state={call.state}
    >
      <div class="sb-head">
        <h2 class="sb-caller">{who}</h2>
        <span class="sb-state">{t(messageKey('callState', call.state))}</span>
        <CallTimer call={call} />
        <StatusChip t={t} />
      </div>
      {call.remote.number && call.remote.name ? (
        <div class="sb-number sb-muted">{call.remote.number}</div>
      ) : null}
      {call.queue ? <div class="sb-queue sb-muted">{t('queueName', call.queue)}</div> : null}
      <CallControls call={call} t={t} onCommand={onCommand} />
      {view ? <PopStatus view={view} t={t} onOpen={onOpen} /> : null}
      <CallDetails call={call} t={t} />
    </section>
  );
}
