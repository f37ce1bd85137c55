/** The options page (first cut): shows the session state the worker holds. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { messageKey, type Translate } from '../shared/i18n';
import { type WorkerApi } from '../shared/protocol/contract';
import { createRequester } from '../shared/protocol/messenger';
import type { SessionSnapshot } from '../shared/session/snapshot';

const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

export function OptionsApp({ t }: { t: Translate }) {
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);
  useEffect(() => {
    void toWorker('ui.state', null).then(({ snapshot: s }) => setSnapshot(s));
  }, []);
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p id="connection-state">{t(messageKey('connection', snapshot?.connection.state ?? 'stopped'))}</p>
    </main>
  );
}
