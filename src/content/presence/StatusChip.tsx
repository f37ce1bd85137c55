/**
 * The agent's Genesys status on a call card (On Queue, Interacting, Not responding, Break, …),
 * kept live from the page's status store. The label comes from a fixed list and is rendered as
 * text; nothing is shown while the status is unknown (signed out, or not yet answered).
 */
import { useEffect, useState } from 'preact/hooks';
import { messageKey, type Translate } from '../../shared/i18n';
import { statusLabel } from '../../shared/presence/labels';
import { agentStatus, type StatusStore } from './status-store';

const CHIP = {
  border: '1px solid currentColor',
  borderRadius: '999px',
  padding: '0 6px',
  fontSize: '12px',
} as const;

export function StatusChip({ t, store = agentStatus }: { t: Translate; store?: StatusStore }) {
  const [status, setStatus] = useState(() => store.get());
  useEffect(() => {
    setStatus(store.get());
    return store.subscribe(setStatus);
  }, [store]);
  if (status === null) {
    return null;
  }
  const label = statusLabel(status);
  return (
    <span class="sb-presence" data-label={label} style={CHIP}>
      <span class="sb-sr-only">{`${t('presenceLabel')}: `}</span>
      {t(messageKey('presence', label))}
    </span>
  );
}
