/**
 * The organisation switch on the options page: a "Switch to this organisation" button per profile,
 * an inline confirmation when calls are live ("End the active call and switch?"), and the switch's
 * progress or failure as the worker reports it in the auth state. Worker text is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { messageKey, type Translate } from '../../shared/i18n';
import type { OrgProfile } from '../../shared/auth/profile';
import type { AuthState, SwitchOrgReply } from '../../shared/protocol/messages/auth';
import { errorText } from '../../shared/diagnostics/error-keys';

export type SwitchOrg = (profileId: string, confirmEndCalls: boolean) => Promise<SwitchOrgReply>;

type Outcome =
  | { kind: 'confirm'; profile: OrgProfile }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

const stepText = (t: Translate, step: string) => t(messageKey('switchStep', step));

export function useOrgSwitch(switchOrg: SwitchOrg | undefined, t: Translate) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, setPending] = useState(false);
  const run = async (profile: OrgProfile, confirmEndCalls: boolean) => {
    if (!switchOrg) {
      return;
    }
    setPending(true);
    setOutcome(null);
    try {
      const reply = await switchOrg(profile.id, confirmEndCalls);
      if (reply.status === 'refused') {
        setOutcome({ kind: 'confirm', profile });
      } else if (reply.status === 'busy') {
        setOutcome({ kind: 'error', text: t('switchBusy') });
      } else if (reply.status === 'failed') {
        setOutcome({
          kind: 'error',
          text: `${t('switchFailed', stepText(t, reply.step))} ${errorText(reply.error, t)}`,
        });
      } else {
        setOutcome({ kind: 'done', text: t('switchedTo', profile.name) });
      }
    } catch (error) {
      setOutcome({ kind: 'error', text: errorText(error, t) });
    } finally {
      setPending(false);
    }
  };
  return {
    available: switchOrg !== undefined,
    pending,
    outcome,
    start: (profile: OrgProfile) => void run(profile, false),
    confirm: (profile: OrgProfile) => void run(profile, true),
    cancel: () => setOutcome(null),
  };
}

export type OrgSwitchControl = ReturnType<typeof useOrgSwitch>;

export function SwitchButton(props: {
  profile: OrgProfile;
  control: OrgSwitchControl;
  disabled: boolean;
  t: Translate;
}) {
  const { profile, control, t } = props;
  return (
    <button
      type="button"
      class="switch-org"
      onClick={() => control.start(profile)}
      disabled={props.disabled || control.pending}
      aria-label={t('switchOrgNamed', profile.name)}
    >
      {t('switchOrg')}
    </button>
  );
}

/** Progress, failure, the confirmation when calls are live, or the outcome of the last switch. */
export function SwitchStatus(props: {
  auth: AuthState | null;
  control: OrgSwitchControl;
  t: Translate;
}) {
  const { auth, control, t } = props;
  const confirmRef = useRef<HTMLButtonElement>(null);
  const confirming = control.outcome?.kind === 'confirm' ? control.outcome.profile : null;
  useEffect(() => {
    if (confirming) {
      confirmRef.current?.focus();
    }
  }, [confirming]);
  const switching = auth?.switching;
  const failure = auth?.switchFailure;
  return (
    <div class="org-switch" aria-live="polite">
      {switching ? (
        <p class="status" id="switch-progress" role="status">
          <strong>{t('switchingOrg')}</strong>{' '}
          {t('switchingOrgStep', switching.profileName, stepText(t, switching.step))}
        </p>
      ) : null}
      {confirming ? (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-end-calls">
          <p id="confirm-end-calls">{t('confirmEndCalls')}</p>
          <div class="actions">
            <button
              ref={confirmRef}
              type="button"
              class="danger"
              onClick={() => control.confirm(confirming)}
            >
              {t('confirmEndCallsYes')}
            </button>
            <button type="button" onClick={control.cancel}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {control.outcome?.kind === 'error' ? (
        <p class="error" role="alert" id="switch-error">
          {control.outcome.text}
        </p>
      ) : null}
      {!switching && !control.outcome && failure ? (
        <p class="error" id="switch-failure">
          {t('switchFailed', stepText(t, failure.step))} {failure.message}
        </p>
      ) : null}
      {control.outcome?.kind === 'done' ? <p class="help">{control.outcome.text}</p> : null}
    </div>
  );
}
