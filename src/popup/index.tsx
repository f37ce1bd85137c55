/** Toolbar popup entry (first cut): connection state and live calls. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { createTranslator, messageKey } from '../shared/i18n';
import { type WorkerApi } from '../shared/protocol/contract';
import { createRequester } from '../shared/protocol/messenger';
import type { SessionSnapshot } from '../shared/session/snapshot';

const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

function Popup() {
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  useEffect(() => {
    void toWorker('ui.state', null).then(({ snapshot: s }) => setSnapshot(s));
  }, []);
  const calls = snapshot?.calls ?? [];
  return (
    <main>
      <h1>{t('popupTitle')}</h1>
      <p id="connection-state">{t(messageKey('connection', snapshot?.connection.state ?? 'stopped'))}</p>
      {calls.length === 0 ? <p>{t('noCalls')}</p> : null}
    </main>
  );
}

const root = document.getElementById('app');
if (root) {
  render(<Popup />, root);
}
