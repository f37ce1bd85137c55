/**
 * The network profile: Standard, High latency or Custom. Every timing shows the name admins know
 * it by (keepAliveInterval…) and the effective value of the selected profile; the knobs people ask
 * for that do not exist (iceTimeout, turnServers) are named with the reason.
 */
import { messageKey } from '../../shared/i18n';
import {
  NETWORK_PROFILE_KINDS,
  resolveProfile,
  type NetworkProfileSetting,
} from '../../shared/session/network-profile';
import { SETTING_ALIASES } from '../../shared/session/profile-aliases';
import { Field, LockNote, Section } from '../ui/Field';
import type { SectionProps } from './types';

const TIMINGS = [
  { path: 'heartbeatIntervalMs', label: 'heartbeatInterval' },
  { path: 'heartbeatTimeoutMs', label: 'heartbeatTimeout' },
  { path: 'reconnect.initialDelayMs', label: 'reconnectInitialDelay' },
  { path: 'reconnect.maxDelayMs', label: 'reconnectMaxDelay' },
  { path: 'reconnect.maxAttempts', label: 'reconnectMaxAttempts' },
] as const;

type TimingPath = (typeof TIMINGS)[number]['path'];

function effectiveValue(setting: NetworkProfileSetting, path: TimingPath): number {
  const profile = resolveProfile(setting);
  switch (path) {
    case 'heartbeatIntervalMs':
    case 'heartbeatTimeoutMs':
      return profile[path];
    case 'reconnect.initialDelayMs':
      return profile.reconnect.initialDelayMs;
    case 'reconnect.maxDelayMs':
      return profile.reconnect.maxDelayMs;
    case 'reconnect.maxAttempts':
      return profile.reconnect.maxAttempts;
  }
}

function aliasOf(path: string): string | undefined {
  return SETTING_ALIASES.find((alias) => alias.ours === path)?.asked;
}

export function NetworkSection({ draft, update, errors, isLocked, t }: SectionProps) {
  const setting = draft.network;
  const valid = !Object.keys(errors).some((path) => path.startsWith('network'));
  const custom = setting.kind === 'custom';
  const kindLocked = isLocked('network.kind');

  const choose = (kind: NetworkProfileSetting['kind']) => {
    if (kind !== 'custom') {
      update('network', { ...setting, kind });
      return;
    }
    // Start Custom from the values in force, so nothing changes until the admin edits a field.
    const base = resolveProfile(setting);
    update('network', {
      ...setting,
      kind,
      heartbeatIntervalMs: base.heartbeatIntervalMs,
      heartbeatTimeoutMs: base.heartbeatTimeoutMs,
      reconnect: {
        initialDelayMs: base.reconnect.initialDelayMs,
        maxDelayMs: base.reconnect.maxDelayMs,
        maxAttempts: base.reconnect.maxAttempts,
      },
    });
  };

  return (
    <Section id="network" title={t('sectionNetwork')} intro={t('sectionNetworkIntro')}>
      <fieldset class="choices" disabled={kindLocked}>
        <legend>{t('networkProfile')}</legend>
        {NETWORK_PROFILE_KINDS.map((kind) => (
          <label key={kind} class="choice">
            <input
              type="radio"
              name="network-kind"
              value={kind}
              checked={setting.kind === kind}
              onChange={() => choose(kind)}
            />
            <span>
              <strong>{t(messageKey('networkKind', kind))}</strong>
              <span class="muted">{t(messageKey('networkKindHelp', kind))}</span>
            </span>
          </label>
        ))}
        {kindLocked ? <LockNote t={t} /> : null}
      </fieldset>

      {custom ? (
        <div class="grid">
          {TIMINGS.map(({ path, label }) => {
            const full = `network.${path}`;
            const alias = aliasOf(path);
            const locked = isLocked(full);
            const value = path.startsWith('reconnect.')
              ? setting.reconnect?.[path.slice('reconnect.'.length) as 'initialDelayMs']
              : setting[path as 'heartbeatIntervalMs'];
            return (
              <Field
                key={path}
                path={full}
                label={t(label)}
                t={t}
                locked={locked}
                error={errors[full]}
                help={
                  alias ? (
                    <>
                      {t('alsoKnownAs')} <code>{alias}</code>
                    </>
                  ) : undefined
                }
              >
                {({ id, describedBy, invalid }) => (
                  <input
                    id={id}
                    type="number"
                    inputMode="numeric"
                    value={value ?? ''}
                    placeholder={valid ? String(effectiveValue(setting, path)) : undefined}
                    readOnly={locked}
                    aria-describedby={describedBy}
                    aria-invalid={invalid}
                    onInput={(event) => {
                      const raw = event.currentTarget.value;
                      update(full, raw === '' ? undefined : Number(raw));
                    }}
                  />
                )}
              </Field>
            );
          })}
        </div>
      ) : null}

      <table class="effective">
        <caption>{t('effectiveValues', t(messageKey('networkKind', setting.kind)))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('setting')}</th>
            <th scope="col">{t('alsoKnownAs')}</th>
            <th scope="col">{t('value')}</th>
          </tr>
        </thead>
        <tbody>
          {TIMINGS.map(({ path, label }) => (
            <tr key={path}>
              <th scope="row">{t(label)}</th>
              <td>
                <code>{aliasOf(path) ?? '—'}</code>
              </td>
              <td>
                {valid
                  ? path === 'reconnect.maxAttempts'
                    ? effectiveValue(setting, path) === 0
                      ? t('unlimited')
                      : String(effectiveValue(setting, path))
                    : t('milliseconds', String(effectiveValue(setting, path)))
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul class="notes">
        {SETTING_ALIASES.filter((alias) => alias.ours === null).map((alias) => (
          <li key={alias.asked}>
            <code>{alias.asked}</code>: {t(messageKey('aliasMissing', alias.asked))}
          </li>
        ))}
      </ul>
    </Section>
  );
}
