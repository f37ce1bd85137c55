/** Elapsed time of a call (mm:ss, h:mm:ss), ticking once a second while mounted; not announced. */
import { useEffect, useState } from 'preact/hooks';
import type { CallSnapshot } from '../../shared/session/snapshot';

export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

export function CallTimer({ call, now = Date.now }: { call: CallSnapshot; now?: () => number }) {
  const since = call.state === 'alerting' ? call.alertedAt : (call.answeredAt ?? call.alertedAt);
  const [time, setTime] = useState(now);
  useEffect(() => {
    const handle = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(handle);
  }, [now]);
  if (since === undefined) {
    return null;
  }
  return (
    <span class="sb-timer" role="timer" aria-live="off">
      {formatElapsed(time - since)}
    </span>
  );
}
