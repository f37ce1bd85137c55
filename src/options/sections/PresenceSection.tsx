/**
 * Presence: the optional, one-directional mapping between Genesys and ServiceNow agent presence
 * (`presence.servicenowSync`), one radio group because one direction at most can be chosen, and a
 * warning that says why: mapping both ways double-books the agent. A policy can lock the choice.
 */
import type { SyncDirection } from '../../shared/presence/sync';
import { LockNote, Section } from '../ui/Field';
import type { SectionProps } from './types';

const PATH = 'presence.servicenowSync';

const CHOICES: readonly { value: SyncDirection; label: string; help: string }[] = [
  { value: 'off', label: 'presenceSync_off', help: 'presenceSyncHelp_off' },
  {
    value: 'genesys-to-servicenow',
    label: 'presenceSync_genesysToServicenow',
    help: 'presenceSyncHelp_genesysToServicenow',
  },
  {
    value: 'servicenow-to-genesys',
    label: 'presenceSync_servicenowToGenesys',
    help: 'presenceSyncHelp_servicenowToGenesys',
  },
];

export function PresenceSection({ draft, update, isLocked, t }: SectionProps) {
  const locked = isLocked(PATH);
  return (
    <Section id="presence" title={t('sectionPresence')} intro={t('sectionPresenceIntro')}>
      <fieldset class="choices" disabled={locked} aria-describedby="presence-sync-warning">
        <legend>{t('presenceSyncLabel')}</legend>
        {CHOICES.map(({ value, label, help }) => (
          <label key={value} class="choice">
            <input
              type="radio"
              name="presence-sync"
              value={value}
              checked={draft.presence.servicenowSync === value}
              onChange={() => update(PATH, value)}
            />
            <span>
              <strong>{t(label)}</strong>
              <span class="muted">{t(help)}</span>
            </span>
          </label>
        ))}
        {locked ? <LockNote t={t} /> : null}
      </fieldset>
      <p class="notice notice--warn" role="note" id="presence-sync-warning">
        {t('presenceSyncWarning')}
      </p>
    </Section>
  );
}
