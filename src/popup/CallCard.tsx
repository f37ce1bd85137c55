/** One live call with its controls: answer/decline, mute, hold, keypad (DTMF) and hang up. */
import { useState } from 'preact/hooks';
import { localisedError } from '../shared/diagnostics/error-keys';
import { messageKey, type Translate } from '../shared/i18n';
import type { CallCommand } from '../shared/protocol/schemas';
import type { CallSnapshot } from '../shared/session/snapshot';
import { elapsed } from './model';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

interface Props {
  call: CallSnapshot;
  now: number;
  t: Translate;
  send: (command: CallCommand) => void;
}

export function CallCard({ call, now, t, send }: Props) {
  const [keypad, setKeypad] = useState(false);
  const [sent, setSent] = useState('');
  const conversationId = call.conversationId;
  const who = call.remote.name ?? call.remote.number ?? t('unknownCaller');
  const ringingIn = call.state === 'alerting' && call.direction === 'inbound';
  const live = call.state === 'connecting' || call.state === 'connected';
  const padId = `keypad-${conversationId}`;
  const since = live ? (call.answeredAt ?? call.mediaConnectedAt) : call.alertedAt;

  return (
    <article
      class={`call call--${call.state}`}
      aria-label={t('callFrom', who)}
      data-call={conversationId}
    >
      <header>
        <div>
          <h3 class="caller">{who}</h3>
          {call.remote.name && call.remote.number ? <p class="sub">{call.remote.number}</p> : null}
          {call.queue ? <p class="sub">{call.queue}</p> : null}
        </div>
        <div class="call-state">
          <span>{t(messageKey('callState', call.state))}</span>
          {call.held ? <span class="pill">{t('onHold')}</span> : null}
          {call.muted ? <span class="pill">{t('muted')}</span> : null}
          <time class="sub">{elapsed(since, now)}</time>
        </div>
      </header>
      {call.error && live ? (
        <p class="call-error" role="alert" data-code={call.error.code}>
          {localisedError(call.error, t)}
        </p>
      ) : null}
      <div class="controls">
        {ringingIn ? (
          <>
            <button
              type="button"
              class="answer"
              onClick={() => send({ type: 'answer', conversationId })}
            >
              {t('answer')}
            </button>
            <button type="button" onClick={() => send({ type: 'decline', conversationId })}>
              {t('decline')}
            </button>
          </>
        ) : null}
        {live ? (
          <>
            <button
              type="button"
              aria-pressed={call.muted}
              onClick={() => send({ type: 'mute', conversationId, muted: !call.muted })}
            >
              {t('mute')}
            </button>
            <button
              type="button"
              aria-pressed={call.held}
              disabled={call.state !== 'connected'}
              onClick={() => send({ type: 'hold', conversationId, held: !call.held })}
            >
              {t('hold')}
            </button>
            <button
              type="button"
              aria-expanded={keypad}
              aria-controls={padId}
              onClick={() => setKeypad(!keypad)}
            >
              {t('keypad')}
            </button>
          </>
        ) : null}
        {!ringingIn ? (
          <button
            type="button"
            class="hangup"
            onClick={() => send({ type: 'hangup', conversationId })}
          >
            {t('hangUp')}
          </button>
        ) : null}
      </div>
      {live && keypad ? (
        <div class="keypad" id={padId} role="group" aria-label={t('keypad')}>
          <output class="digits" aria-live="polite">
            {sent}
          </output>
          {KEYS.map((digit) => (
            <button
              type="button"
              key={digit}
              onClick={() => {
                setSent((s) => `${s}${digit}`.slice(-16));
                send({ type: 'dtmf', conversationId, digits: digit });
              }}
            >
              {digit}
            </button>
          ))}
        </div>
      ) : null}
    </article>
  );
}
