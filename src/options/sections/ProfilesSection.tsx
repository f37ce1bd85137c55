/**
 * Organisation profiles: list, active choice, add/edit/remove, sign-in with the worker, and the
 * switch to another profile's organisation (OrgSwitch.tsx).
 */
import { useState } from 'preact/hooks';
import { messageKey } from '../../shared/i18n';
import { removeProfile, setActiveProfile, upsertProfile } from '../../shared/auth/profile-list';
import type { OrgProfile } from '../../shared/auth/profile';
import { REGIONS } from '../../shared/auth/regions';
import type { AuthState } from '../../shared/protocol/messages/auth';
import { LockNote, Section } from '../ui/Field';
import { errorUnder } from '../model/draft';
import { SwitchButton, SwitchStatus, useOrgSwitch, type SwitchOrg } from './OrgSwitch';
import { ProfileForm } from './ProfileForm';
import type { SectionProps } from './types';

interface Props extends SectionProps {
  auth: AuthState | null;
  authBusy: boolean;
  authError: string | null;
  /** Sign-in uses saved settings: unsaved profile changes must be saved first. */
  unsavedProfiles: boolean;
  onSignIn: () => void;
  onSignOut: () => void;
  /** Switches the signed-in organisation (auth.switchOrg); absent where not offered. */
  switchOrg?: SwitchOrg;
}

function where(profile: OrgProfile, t: SectionProps['t']): string {
  const region = REGIONS.find((r) => r.key === profile.region);
  return region
    ? `${t(messageKey('region', region.key))} · ${region.env}`
    : (profile.customEnvironment ?? '');
}

export function ProfilesSection(props: Props) {
  const { draft, update, errors, isLocked, t, auth } = props;
  const [editing, setEditing] = useState<OrgProfile | 'new' | null>(null);
  const list = draft.genesys;
  const listLocked = isLocked('genesys.profiles');
  const activeLocked = isLocked('genesys.activeId');
  const setList = (next: typeof list) => update('genesys', next);
  const signedInTo = auth?.signedIn ? auth.profile : null;
  const listError = errorUnder(errors, 'genesys');
  const orgSwitch = useOrgSwitch(props.switchOrg, t);
  const switching = auth?.switching !== undefined;

  return (
    <Section id="profiles" title={t('sectionProfiles')} intro={t('sectionProfilesIntro')}>
      {listLocked ? <LockNote t={t} /> : null}
      {list.profiles.length === 0 ? <p class="empty">{t('noProfiles')}</p> : null}
      <ul class="profile-list" aria-label={t('sectionProfiles')}>
        {list.profiles.map((profile) => (
          <li key={profile.id} class={profile.id === list.activeId ? 'is-active' : undefined}>
            <label class="profile-choice">
              <input
                type="radio"
                name="active-profile"
                checked={profile.id === list.activeId}
                disabled={activeLocked}
                onChange={() => setList(setActiveProfile(list, profile.id))}
              />
              <span>
                <strong>{profile.name}</strong>
                <span class="muted">{where(profile, t)}</span>
              </span>
            </label>
            {profile.id === list.activeId ? <span class="tag">{t('activeProfile')}</span> : null}
            {orgSwitch.available && signedInTo !== null && signedInTo.id !== profile.id ? (
              <SwitchButton
                profile={profile}
                control={orgSwitch}
                disabled={props.authBusy || props.unsavedProfiles || switching}
                t={t}
              />
            ) : null}
            {listLocked ? null : (
              <span class="item-actions">
                <button
                  type="button"
                  onClick={() => setEditing(profile)}
                  aria-label={t('editNamed', profile.name)}
                >
                  {t('edit')}
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => setList(removeProfile(list, profile.id))}
                  aria-label={t('removeNamed', profile.name)}
                >
                  {t('remove')}
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
      {listError ? <p class="error">{listError}</p> : null}
      {editing === null && !listLocked ? (
        <button type="button" class="add" onClick={() => setEditing('new')}>
          {t('addProfile')}
        </button>
      ) : null}
      {editing !== null ? (
        <ProfileForm
          key={editing === 'new' ? 'new' : editing.id}
          profile={editing === 'new' ? null : editing}
          t={t}
          onDone={(profile) => {
            if (profile) {
              setList(upsertProfile(list, profile));
            }
            setEditing(null);
          }}
        />
      ) : null}

      <div class="signin" aria-live="polite">
        <h3>{t('signInTitle')}</h3>
        <p class="status" id="auth-status">
          <span class="dot" data-state={signedInTo ? 'ok' : 'off'} aria-hidden="true" />
          {signedInTo ? t('signedInTo', signedInTo.name, signedInTo.environment) : t('notSignedIn')}
        </p>
        {props.authError ? (
          <p class="error" role="alert">
            {props.authError}
          </p>
        ) : null}
        <SwitchStatus auth={auth} control={orgSwitch} t={t} />
        {props.unsavedProfiles ? <p class="help">{t('saveBeforeSignIn')}</p> : null}
        <div class="actions">
          <button
            type="button"
            class="primary"
            onClick={props.onSignIn}
            disabled={props.authBusy || props.unsavedProfiles || list.activeId === null}
          >
            {signedInTo ? t('signInAgain') : t('signIn')}
          </button>
          {signedInTo ? (
            <button type="button" onClick={props.onSignOut} disabled={props.authBusy}>
              {t('signOut')}
            </button>
          ) : null}
        </div>
      </div>
    </Section>
  );
}
