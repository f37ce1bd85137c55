/**
 * The support bundle: one click asks the worker for it (assembled and redacted there: versions,
 * browser, region, settings, timeline, logs, call statistics, the selected ICE pair, the last
 * errors and the last check) and saves it as a JSON file.
 */
import { useState } from 'preact/hooks';
import { agentErrorText } from '../shared/diagnostics/agent-text';
import type { DiagnosticsDeps } from './DiagnosticsApp';
import { errorOf } from './errors';

export function bundleFileName(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  return `switchboard-support-${stamp}.json`;
}

export function BundleSection({ deps }: { deps: DiagnosticsDeps }) {
  const { t, worker } = deps;
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; failed: boolean } | null>(null);

  const download = () => {
    setBusy(true);
    setNote(null);
    worker('diagnostics.bundle', null)
      .then(
        (bundle) => {
          const name = bundleFileName(deps.now());
          deps.download(name, `${JSON.stringify(bundle, null, 2)}\n`);
          setNote({ text: t('bundleSaved', name), failed: false });
        },
        (error: unknown) => {
          const text = agentErrorText(errorOf(error), t);
          setNote({ text: t('bundleFailed', text.message), failed: true });
        },
      )
      .finally(() => setBusy(false));
  };

  return (
    <section class="card" aria-labelledby="bundle-heading">
      <h2 id="bundle-heading">{t('bundleHeading')}</h2>
      <p class="sub">{t('bundleIntro')}</p>
      <button type="button" id="download-bundle" disabled={busy} onClick={download}>
        {t('bundleDownload')}
      </button>
      {note ? (
        <p class={note.failed ? 'problem' : 'sub'} role="status">
          {note.text}
        </p>
      ) : null}
    </section>
  );
}
