/**
 * The toolbar popup: who is signed in, the agent's and the connection's state ("Reconnecting…",
 * "Recovered in 2.1 s"), current calls with their controls, a dialler and the last calls. It
 * follows `session.changed` from the worker.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { agentErrorText } from '../shared/diagnostics/agent-text';
import { messageKey, type Translate } from '../shared/i18n';
import type { WorkerApi } from '../shared/protocol/contract';
import type { AuthState } from '../shared/protocol/messages/auth';
import type { createRequester } from '../shared/protocol/messenger';
import { callCommandSchema, type CallCommand } from '../shared/protocol/schemas';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { CallCard } from './CallCard';
import { PendingWrites } from './PendingWrites';
import { PresencePicker } from './PresencePicker';
import { agentState, connectionView, liveCalls, recentCalls, type Detail } from './model';
import { errorText } from '../shared/diagnostics/error-keys';

export type PageEvent =
  { type: 'session.changed'; snapshot: SessionSnapshot } | { type: 'auth.changed' };

export interface PopupDeps {
  t: Translate;
  worker: ReturnType<typeof createRequester<WorkerApi>>;
  subscribe: (listener: (event: PageEvent) => void) => () => void;
  openOptions: () => void;
  now: () => number;
  formatTime: (epochMs: number) => string;
}

export function Popup({ deps }: { deps: PopupDeps }) {
  const { t, worker } = deps;
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  const [auth, setAuth] = useState<AuthState | null>(null);
  const [now, setNow] = useState(deps.now());
  const [problem, setProblem] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const lastState = useRef<string | null>(null);

  const accept = (next: SessionSnapshot | null) =>
    setSnapshot((current) =>
      next && current && next.seq <= current.seq ? current : (next ?? current),
    );
  // Sign-in shows in the connection too: ask again when its state changes, and once more when
  // the first answer fails (the worker may be starting).
  const loadAuth = (retry = true): Promise<void> =>
    worker('auth.state', null).then(setAuth, () =>
      retry
        ? new Promise((resolve) => setTimeout(resolve, 500)).then(() => loadAuth(false))
        : undefined,
    );

  useEffect(() => {
    void worker('ui.state', null).then(
      ({ snapshot: s }) => accept(s),
      () => undefined,
    );
    void loadAuth();
    const timer = setInterval(() => setNow(deps.now()), 1000);
    const stop = deps.subscribe((event) => {
      if (event.type === 'session.changed') {
        if (lastState.current !== event.snapshot.connection.state) {
          lastState.current = event.snapshot.connection.state;
          void loadAuth();
        }
        accept(event.snapshot);
      } else {
        void loadAuth();
      }
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, []);

  const send = (command: CallCommand) => {
    setProblem(null);
    worker('call.command', command).catch((error: unknown) =>
      setProblem(
        t('popupCommandFailed', t(messageKey('command', command.type)), errorText(error, t)),
      ),
    );
  };
  const detail = (d: Detail): string => {
    switch (d.kind) {
      case 'recovered':
        return t('recoveredIn', d.seconds);
      case 'next-attempt':
        return t('nextAttemptIn', String(d.seconds));
      case 'attempt':
        return t('attemptNumber', String(d.attempt));
      case 'error': {
        const text = agentErrorText(d, t); // taxonomy code: what happened and what to do
        return text.remedy === null ? text.message : `${text.message} ${text.remedy}`;
      }
    }
  };

  const connection = connectionView(snapshot, now);
  const calls = liveCalls(snapshot);
  const recent = recentCalls(snapshot);
  const connected = snapshot?.connection.state === 'connected';
  const dial = callCommandSchema.safeParse({ type: 'dial', number: number.trim() });
  const signedOut = auth !== null && !auth.signedIn;
  const agent = agentState(auth, snapshot);

  return (
    <div class="popup">
      <header class="head">
        <img src="/icons/icon-32.png" alt="" width={24} height={24} />
        <div class="who">
          <h1>{t('extName')}</h1>
          <p class="sub" id="signed-in-as">
            {auth?.signedIn && auth.profile ? t('signedInAs', auth.profile.name) : t('notSignedIn')}
          </p>
        </div>
        <span class="agent" data-state={agent}>
          {t(messageKey('agent', agent))}
        </span>
      </header>

      <section class="connection" aria-label={t('connection')}>
        <p id="connection-state" role="status" data-tone={connection.tone}>
          <span class="dot" aria-hidden="true" />
          <span>{t(messageKey('connection', connection.state))}</span>
          {connection.detail ? <span class="sub">{detail(connection.detail)}</span> : null}
        </p>
        {signedOut ? (
          <button
            type="button"
            class="primary"
            onClick={() =>
              void worker('auth.signIn', {}).then(setAuth, (error: unknown) =>
                setProblem(errorText(error, t)),
              )
            }
          >
            {t('signIn')}
          </button>
        ) : null}
        {snapshot?.connection.state === 'mic-blocked' ? (
          <button type="button" onClick={deps.openOptions}>
            {t('grantMicrophone')}
          </button>
        ) : null}
      </section>

      {auth?.switching ? (
        <p class="switching" id="org-switching" role="status">
          {t('switchingOrg')}{' '}
          {t(
            'switchingOrgStep',
            auth.switching.profileName,
            t(messageKey('switchStep', auth.switching.step)),
          )}
        </p>
      ) : auth?.switchFailure ? (
        <p class="problem" id="org-switch-failed" role="alert">
          {t('switchFailed', t(messageKey('switchStep', auth.switchFailure.step)))}{' '}
          {auth.switchFailure.message}
        </p>
      ) : null}

      {auth?.signedIn ? <PresencePicker t={t} worker={worker} /> : null}

      {problem ? (
        <p class="problem" role="alert">
          {problem}
        </p>
      ) : null}

      <section class="calls" aria-labelledby="calls-title">
        <h2 id="calls-title">{t('currentCalls')}</h2>
        {calls.length === 0 ? <p class="empty">{t('noCalls')}</p> : null}
        {calls.map((call) => (
          <CallCard key={call.conversationId} call={call} now={now} t={t} send={send} />
        ))}
      </section>

      <PendingWrites t={t} worker={worker} />

      <form
        class="dialer"
        onSubmit={(event) => {
          event.preventDefault();
          if (dial.success) {
            send(dial.data);
            setNumber('');
          }
        }}
      >
        <label for="dial-number">{t('dialLabel')}</label>
        <div class="dial-row">
          <input
            id="dial-number"
            type="tel"
            inputMode="tel"
            autocomplete="off"
            placeholder="+1 555 0100"
            value={number}
            onInput={(event) => setNumber(event.currentTarget.value)}
            aria-invalid={number.trim() !== '' && !dial.success}
            aria-describedby={connected ? undefined : 'dial-help'}
          />
          <button type="submit" class="primary" disabled={!connected || !dial.success}>
            {t('call')}
          </button>
        </div>
        {connected ? null : (
          <p class="sub" id="dial-help">
            {t('dialNeedsConnection')}
          </p>
        )}
      </form>

      <section class="recent" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('lastCalls')}</h2>
        {recent.length === 0 ? <p class="empty">{t('noRecentCalls')}</p> : null}
        <ul>
          {recent.map((call) => (
            <li key={call.conversationId} data-state={call.state}>
              <span class="caller">
                {call.remote.name ?? call.remote.number ?? t('unknownCaller')}
              </span>
              <span class="sub">{t(messageKey('callState', call.state))}</span>
              <time class="sub">
                {deps.formatTime(call.endedAt ?? call.alertedAt ?? snapshot?.updatedAt ?? 0)}
              </time>
            </li>
          ))}
        </ul>
      </section>

      <footer class="foot">
        <button type="button" class="link" onClick={deps.openOptions}>
          {t('openSettings')}
        </button>
        <a class="link" href="/src/diagnostics/diagnostics.html" target="_blank" rel="noreferrer">
          {t('diagnosticsLink')}
        </a>
      </footer>
    </div>
  );
}
