/** Adds or edits one organisation profile; the profile joins the draft only once it is valid. */
import { useState } from 'preact/hooks';
import { messageKey, type Translate } from '../../shared/i18n';
import { validateProfile, type OrgProfile } from '../../shared/auth/profile';
import { REGIONS } from '../../shared/auth/regions';
import { Field } from '../ui/Field';

const CUSTOM = 'custom';

interface FormValues {
  name: string;
  region: string;
  customEnvironment: string;
  clientId: string;
  targetOrgId: string;
  ssoProvider: string;
  ssoOrg: string;
}

function valuesOf(profile: OrgProfile | null): FormValues {
  return {
    name: profile?.name ?? '',
    region: profile?.customEnvironment ? CUSTOM : (profile?.region ?? ''),
    customEnvironment: profile?.customEnvironment ?? '',
    clientId: profile?.clientId ?? '',
    targetOrgId: profile?.targetOrgId ?? '',
    ssoProvider: profile?.ssoProvider ?? '',
    ssoOrg: profile?.ssoOrg ?? '',
  };
}

function newId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
  return `${slug || 'org'}-${crypto.randomUUID().slice(0, 6)}`;
}

interface Props {
  profile: OrgProfile | null;
  t: Translate;
  onDone: (profile: OrgProfile | null) => void;
}

export function ProfileForm({ profile, t, onDone }: Props) {
  const [values, setValues] = useState(() => valuesOf(profile));
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const custom = values.region === CUSTOM;
  const candidate = {
    ...(profile ?? {}),
    id: profile?.id ?? newId(values.name),
    name: values.name,
    region: custom ? '' : values.region,
    customEnvironment: custom ? values.customEnvironment : '',
    clientId: values.clientId,
    targetOrgId: values.targetOrgId,
    ssoProvider: values.ssoProvider,
    ssoOrg: values.ssoOrg,
  };
  const validation = validateProfile(candidate);
  const issues = validation.ok ? [] : validation.issues;
  const errorFor = (field: string) =>
    submitted || touched.has(field)
      ? issues.find((issue) => issue.field === field)?.message
      : undefined;
  const set = (field: keyof FormValues) => (event: Event) => {
    const value = (event.currentTarget as HTMLInputElement | HTMLSelectElement).value;
    setValues({ ...values, [field]: value });
    setTouched(new Set(touched).add(field === 'region' ? 'region' : field));
  };
  const text = (field: keyof FormValues, label: string, help?: string, mono = false) => (
    <Field path={`profile.${field}`} label={label} t={t} help={help} error={errorFor(field)}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          class={mono ? 'mono' : undefined}
          type="text"
          value={values[field]}
          onInput={set(field)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          autocomplete="off"
          spellcheck={false}
        />
      )}
    </Field>
  );

  const submit = (event: Event) => {
    event.preventDefault();
    setSubmitted(true);
    if (validation.ok) {
      onDone(validation.profile);
    }
  };

  return (
    <form class="subform" onSubmit={submit} aria-labelledby="profile-form-title" noValidate>
      <h3 id="profile-form-title">{profile ? t('editProfile') : t('addProfile')}</h3>
      {text('name', t('profileName'), t('profileNameHelp'))}
      <Field path="profile.region" label={t('region')} t={t} error={errorFor('region')}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            value={values.region}
            onChange={set('region')}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          >
            <option value="">{t('chooseRegion')}</option>
            {REGIONS.map((region) => (
              <option key={region.key} value={region.key}>
                {`${t(messageKey('region', region.key))} — ${region.env}`}
              </option>
            ))}
            <option value={CUSTOM}>{t('customEnvironment')}</option>
          </select>
        )}
      </Field>
      {custom
        ? text('customEnvironment', t('customEnvironmentDomain'), t('customEnvironmentHelp'), true)
        : null}
      {text('clientId', t('clientId'), t('clientIdHelp'), true)}
      {text('targetOrgId', t('targetOrgId'), t('targetOrgIdHelp'), true)}
      <div class="row">
        {text('ssoProvider', t('ssoProvider'))}
        {text('ssoOrg', t('ssoOrg'))}
      </div>
      <p class="help">{t('ssoHelp')}</p>
      <div class="actions">
        <button type="submit" class="primary" aria-disabled={!validation.ok}>
          {profile ? t('updateProfile') : t('addThisProfile')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
