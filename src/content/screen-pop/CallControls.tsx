/**
 * Call buttons: answer/decline while an inbound call rings, then mute, hold and hang up. Each
 * sends a call.command through the worker; toggles carry aria-pressed. Nothing takes focus.
 */
import type { Translate } from '../../shared/i18n';
import type { CallCommand } from '../../shared/protocol/schemas';
import type { CallSnapshot } from '../../shared/session/snapshot';

interface Props {
  call: CallSnapshot;
  t: Translate;
  onCommand: (command: CallCommand) => void;
}

export function CallControls({ call, t, onCommand }: Props) {
  const conversationId = call.conversationId;
  const send = (command: CallCommand) => () => onCommand(command);
  if (call.state === 'alerting' && call.direction === 'inbound') {
    return (
      <div class="sb-actions">
        <button
          type="button"
          class="sb-primary"
          data-action="answer"
          onClick={send({ type: 'answer', conversationId })}
        >
          {t('answer')}
        </button>
        <button
          type="button"
          data-action="decline"
          onClick={send({ type: 'decline', conversationId })}
        >
          {t('decline')}
        </button>
      </div>
    );
  }
  const live = call.state === 'connecting' || call.state === 'connected';
  if (!live && call.state !== 'alerting') {
    return null;
  }
  return (
    <div class="sb-actions">
      {live ? (
        <>
          <button
            type="button"
            data-action="mute"
            aria-pressed={call.muted}
            onClick={send({ type: 'mute', conversationId, muted: !call.muted })}
          >
            {t(call.muted ? 'unmute' : 'mute')}
          </button>
          <button
            type="button"
            data-action="hold"
            aria-pressed={call.held}
            onClick={send({ type: 'hold', conversationId, held: !call.held })}
          >
            {t(call.held ? 'resume' : 'hold')}
          </button>
        </>
      ) : null}
      <button
        type="button"
        class="sb-danger"
        data-action="hangup"
        onClick={send({ type: 'hangup', conversationId })}
      >
        {t('hangUp')}
      </button>
    </div>
  );
}
