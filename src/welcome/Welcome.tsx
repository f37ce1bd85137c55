/**
 * The first-run checklist: sign in, allow the microphone, open ServiceNow. Each step ticks itself
 * when it works (read again every few seconds and whenever the page regains focus), so an agent
 * who signs in from the popup or opens ServiceNow in another tab sees it here too.
 */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../shared/i18n';
import {
  EMPTY_CHECKLIST,
  doneCount,
  readChecklist,
  type Checklist,
  type WelcomePort,
} from './checks';

export interface WelcomeProps {
  t: Translate;
  port: WelcomePort;
  /** How often the checklist is read again (ms). */
  pollMs?: number;
}

function Step(props: {
  id: string;
  title: string;
  done: boolean;
  t: Translate;
  children: ComponentChildren;
}) {
  const { id, title, done, t } = props;
  return (
    <li
      class={done ? 'step done' : 'step'}
      data-step={id}
      data-done={String(done)}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>
        <span class="mark" aria-hidden="true">
          {done ? '✓' : ''}
        </span>
        {title}
      </h2>
      <p class="state">{done ? t('welcomeStepDone') : t('welcomeStepTodo')}</p>
      {props.children}
    </li>
  );
}

export function Welcome({ t, port, pollMs = 2_000 }: WelcomeProps) {
  const [list, setList] = useState<Checklist>(EMPTY_CHECKLIST);
  const [busy, setBusy] = useState<'signin' | 'mic' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(list);
  latest.current = list;

  const refresh = useCallback(async () => {
    setList(await readChecklist(port, latest.current));
  }, [port]);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), pollMs);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
    };
  }, [refresh, pollMs]);

  async function run(what: 'signin' | 'mic', action: () => Promise<unknown>) {
    setBusy(what);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(t('welcomeError', e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(null);
      await refresh();
    }
  }

  const { auth, mic, servicenow } = list;
  const signedIn = auth?.signedIn === true;
  const snReady = (servicenow?.withSwitchboard ?? 0) > 0;
  const done = doneCount(list);
  const openUrl = servicenow?.openUrl ?? null;

  return (
    <main>
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <p class="progress" role="status" aria-live="polite">
        {done === 3 ? t('welcomeAllDone') : t('welcomeProgress', String(done))}
      </p>
      {error === null ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <ol class="steps">
        <Step id="signin" title={t('welcomeSignInTitle')} done={signedIn} t={t}>
          {auth === null ? null : signedIn ? (
            <p>{t('welcomeSignedInAs', auth.profile?.name ?? '')}</p>
          ) : auth.profile === null ? (
            <>
              <p>{t('welcomeSignInNeedsProfile')}</p>
              <button key="settings" type="button" onClick={() => void port.openOptions()}>
                {t('welcomeOpenSettings')}
              </button>
            </>
          ) : (
            <>
              <p>{t('welcomeSignInHint')}</p>
              <button
                key="signin"
                type="button"
                disabled={busy === 'signin'}
                onClick={() => void run('signin', () => port.signIn())}
              >
                {t('welcomeSignInButton', auth.profile.name)}
              </button>
            </>
          )}
        </Step>
        <Step id="mic" title={t('welcomeMicTitle')} done={mic === 'granted'} t={t}>
          {mic === 'granted' ? (
            <p>{t('welcomeMicGranted')}</p>
          ) : (
            <>
              <p>
                {mic === 'denied'
                  ? t('welcomeMicDenied')
                  : mic === 'missing'
                    ? t('welcomeMicMissing')
                    : t('welcomeMicHint')}
              </p>
              <button
                type="button"
                disabled={busy === 'mic'}
                onClick={() =>
                  void run('mic', async () => {
                    const state = await port.requestMic();
                    setList((current) => ({ ...current, mic: state }));
                  })
                }
              >
                {t('welcomeMicButton')}
              </button>
            </>
          )}
        </Step>
        <Step id="servicenow" title={t('welcomeSnTitle')} done={snReady} t={t}>
          {snReady ? (
            <p>{t('welcomeSnReady')}</p>
          ) : (
            <>
              <p>{(servicenow?.tabs ?? 0) > 0 ? t('welcomeSnReload') : t('welcomeSnHint')}</p>
              {openUrl === null ? null : (
                <button type="button" onClick={() => void port.openTab(openUrl)}>
                  {t('welcomeSnOpenButton')}
                </button>
              )}
            </>
          )}
        </Step>
      </ol>
    </main>
  );
}
