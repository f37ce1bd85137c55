/**
 * A small SVG chart of one call: the MOS estimate as a line (1–4.5, with the fair and poor
 * thresholds dashed) and packet loss as bars from the bottom, oldest sample on the left.
 */
import type { QualityInterval } from '../shared/diagnostics';

const WIDTH = 320;
const HEIGHT = 80;
const MOS_MIN = 1;
const MOS_MAX = 4.5;

export const yOfMos = (mos: number) =>
  HEIGHT - ((Math.min(MOS_MAX, Math.max(MOS_MIN, mos)) - MOS_MIN) / (MOS_MAX - MOS_MIN)) * HEIGHT;

export function mosPoints(samples: readonly QualityInterval[]): string {
  const step = samples.length > 1 ? WIDTH / (samples.length - 1) : 0;
  return samples
    .map((s, i) => (s.mos === null ? null : `${(i * step).toFixed(1)},${yOfMos(s.mos).toFixed(1)}`))
    .filter((p): p is string => p !== null)
    .join(' ');
}

export function QualityChart({ samples, label }: { samples: QualityInterval[]; label: string }) {
  const barWidth = samples.length > 0 ? WIDTH / samples.length : 0;
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={label}
    >
      <line class="threshold" x1="0" x2={WIDTH} y1={yOfMos(4)} y2={yOfMos(4)} />
      <line class="threshold poor" x1="0" x2={WIDTH} y1={yOfMos(3.6)} y2={yOfMos(3.6)} />
      {samples.map((s, i) => {
        const loss = Math.min(100, Math.max(s.lossPct ?? 0, s.remoteLossPct ?? 0));
        const h = (loss / 100) * HEIGHT;
        return h > 0 ? (
          <rect
            key={s.t}
            class="loss"
            x={i * barWidth}
            y={HEIGHT - h}
            width={Math.max(1, barWidth - 1)}
            height={h}
          />
        ) : null;
      })}
      <polyline class="mos" points={mosPoints(samples)} />
    </svg>
  );
}
