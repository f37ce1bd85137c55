/**
 * The diagnostics page (linked from the popup and the options page): the connection and its error
 * in words, the connectivity check, live call quality and the support bundle.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Translate } from '../shared/i18n';
import type { WorkerApi } from '../shared/protocol/contract';
import type { createRequester } from '../shared/protocol/messenger';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { BundleSection } from './BundleSection';
import { CheckSection } from './CheckSection';
import { ConnectionPanel } from './ConnectionPanel';
import { QualitySection } from './QualitySection';

export interface DiagnosticsDeps {
  t: Translate;
  worker: ReturnType<typeof createRequester<WorkerApi>>;
  subscribe: (listener: (snapshot: SessionSnapshot) => void) => () => void;
  now: () => number;
  download: (fileName: string, text: string) => void;
  /** The test number for the audio step, remembered on this computer. */
  testNumber: { load: () => string; save: (value: string) => void };
}

export function DiagnosticsApp({ deps }: { deps: DiagnosticsDeps }) {
  const { t } = deps;
  const [snapshot, setSnapshot] = useState<SessionSnapshot | null>(null);

  useEffect(() => {
    const accept = (next: SessionSnapshot | null) =>
      setSnapshot((current) =>
        next && current && next.seq <= current.seq ? current : (next ?? current),
      );
    void deps.worker('ui.state', null).then(
      ({ snapshot: s }) => accept(s),
      () => undefined,
    );
    return deps.subscribe(accept);
  }, []);

  return (
    <main class="page">
      <header>
        <h1>{t('diagTitle')}</h1>
        <p class="sub">{t('diagIntro')}</p>
      </header>
      <ConnectionPanel snapshot={snapshot} t={t} />
      <CheckSection deps={deps} />
      <QualitySection deps={deps} />
      <BundleSection deps={deps} />
    </main>
  );
}
