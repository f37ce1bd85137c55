/**
 * Live call quality: for each current call (and the last ones), the latest MOS estimate, loss,
 * jitter, round trip, codec and path, a chart over the call and a warning while quality is
 * degraded. Samples come from the offscreen document every 1.5 s; the page asks every 2 s.
 */
import { useEffect, useState } from 'preact/hooks';
import type { QualityInterval } from '../shared/diagnostics';
import type { CallQualityTrack, QualityReport } from '../shared/protocol/messages/diagnostics';
import type { DiagnosticsDeps } from './DiagnosticsApp';
import { QualityChart } from './QualityChart';
import { qualityWords } from './quality-text';

const POLL_MS = 2_000;

const num = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);

function CallQuality({ track, deps }: { track: CallQualityTrack; deps: DiagnosticsDeps }) {
  const { t } = deps;
  const last: QualityInterval | undefined = track.samples.at(-1);
  const words = qualityWords(track, t);
  const loss = last ? Math.max(last.lossPct ?? 0, last.remoteLossPct ?? 0) : null;
  return (
    <article
      class="call-quality"
      data-call={track.conversationId}
      data-live={String(track.live)}
      data-level={track.level}
      data-mos={last?.mos ?? ''}
      data-loss={loss ?? ''}
    >
      <h3>
        {words.level} {track.live ? null : <span class="sub">({t('qualityEnded')})</span>}
      </h3>
      {words.warning ? (
        <p class="warning" role="alert">
          {words.warning}
        </p>
      ) : null}
      <dl class="numbers">
        <dt>{t('qualityMos')}</dt>
        <dd data-field="mos">{num(last?.mos, 2)}</dd>
        <dt>{t('qualityLoss')}</dt>
        <dd data-field="loss">{num(loss, 1)} %</dd>
        <dt>{t('qualityJitter')}</dt>
        <dd>{num(last?.jitterMs)} ms</dd>
        <dt>{t('qualityRtt')}</dt>
        <dd>{num(last?.rttMs)} ms</dd>
        <dt>{t('qualityCodec')}</dt>
        <dd>{last?.codec?.replace(/^audio\//i, '') ?? '–'}</dd>
        <dt>{t('qualityPath')}</dt>
        <dd data-field="path">{words.path}</dd>
      </dl>
      <QualityChart samples={track.samples} label={t('qualityChartLabel')} />
    </article>
  );
}

export function QualitySection({ deps }: { deps: DiagnosticsDeps }) {
  const { t, worker } = deps;
  const [report, setReport] = useState<QualityReport | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      void worker('diagnostics.quality', null)
        .then(setReport, () => undefined)
        .finally(() => {
          if (!stopped) {
            timer = setTimeout(load, POLL_MS);
          }
        });
    };
    load();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);

  const calls = [...(report?.calls ?? [])].sort((a, b) => Number(b.live) - Number(a.live));
  return (
    <section class="card" aria-labelledby="quality-heading">
      <h2 id="quality-heading">{t('qualityHeading')}</h2>
      {calls.length === 0 ? <p class="sub">{t('qualityNone')}</p> : null}
      {calls.map((track) => (
        <CallQuality key={track.conversationId} track={track} deps={deps} />
      ))}
    </section>
  );
}
