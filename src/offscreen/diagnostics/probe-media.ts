/**
 * Step 6, audio flowing: RTP counters of a real call must move both ways. It measures the live call
 * when there is one, otherwise it places a short test call to the number given (the echo test
 * number) and hangs it up afterwards; without either the step is not run.
 */
import {
  computeInterval,
  readStats,
  type StepResult,
  type TimedReading,
} from '../../shared/diagnostics';
import type { CheckMediaSource } from '../../shared/protocol/messages/diagnostics';
import type { DiagnosticsAccess } from './access';
import { errorText, type CheckEnv } from './check-env';

export const MEDIA_WAIT_MS = 12_000;
export const MEDIA_SAMPLE_MS = 2_000;

export interface CallControl {
  /** A connected call to measure, if any. */
  liveCall(): string | null;
  /** Places a call; resolves with its conversation id. */
  dial(number: string): Promise<string>;
  hangUp(conversationId: string): Promise<void>;
}

export interface MediaOutcome {
  result: StepResult<'media'>;
  source: CheckMediaSource;
}

async function reading(
  env: CheckEnv,
  access: DiagnosticsAccess,
  id: string,
): Promise<TimedReading | null> {
  const stats = await access.rawStats(id).catch(() => null);
  // Inbound RTP stats appear only with the first packet received: outbound alone counts too.
  if (!stats?.some((s) => s.type === 'inbound-rtp' || s.type === 'outbound-rtp')) {
    return null;
  }
  return { t: env.now(), reading: readStats(stats) };
}

async function firstReading(env: CheckEnv, access: DiagnosticsAccess, id: string) {
  const deadline = env.now() + MEDIA_WAIT_MS;
  for (;;) {
    const got = await reading(env, access, id);
    if (got !== null || env.now() >= deadline) {
      return got;
    }
    await env.sleep(250);
  }
}

export async function measure(
  env: CheckEnv,
  access: DiagnosticsAccess,
  id: string,
): Promise<StepResult<'media'>> {
  const started = env.now();
  const durationMs = () => Math.round(env.now() - started);
  const before = await firstReading(env, access, id);
  if (before === null) {
    return {
      id: 'media',
      status: 'failed',
      durationMs: durationMs(),
      metrics: {},
      error: 'The call never had a media connection',
    };
  }
  await env.sleep(MEDIA_SAMPLE_MS);
  const after = await reading(env, access, id);
  const interval = after === null ? null : computeInterval(before, after);
  const received =
    after === null ? 0 : after.reading.packetsReceived - before.reading.packetsReceived;
  const sent = after === null ? 0 : after.reading.packetsSent - before.reading.packetsSent;
  const metrics = {
    packetsReceived: Math.max(0, received),
    packetsSent: Math.max(0, sent),
    ...(interval?.rttMs != null && { rttMs: interval.rttMs }),
    ...(interval?.lossPct != null && { lossPct: interval.lossPct }),
    ...(interval?.jitterMs != null && { jitterMs: interval.jitterMs }),
    ...(interval?.path != null && { path: interval.path }),
  };
  const ok = received > 0 && sent > 0;
  return {
    id: 'media',
    status: ok ? 'ok' : 'failed',
    durationMs: durationMs(),
    metrics,
    ...(!ok && { error: 'RTP counters did not move in both directions' }),
  };
}

export async function probeMedia(
  env: CheckEnv,
  access: DiagnosticsAccess,
  calls: CallControl,
  testNumber: string | undefined,
): Promise<MediaOutcome> {
  const live = calls.liveCall();
  if (live !== null) {
    return { source: 'live-call', result: await measure(env, access, live) };
  }
  if (testNumber === undefined) {
    return {
      source: 'none',
      result: {
        id: 'media',
        status: 'skipped',
        error: 'No call to measure: no live call and no test number',
      },
    };
  }
  let id: string;
  try {
    id = await calls.dial(testNumber);
  } catch (error) {
    return {
      source: 'test-call',
      result: {
        id: 'media',
        status: 'failed',
        metrics: {},
        error: `Test call failed: ${errorText(error)}`,
      },
    };
  }
  try {
    return { source: 'test-call', result: await measure(env, access, id) };
  } finally {
    await calls.hangUp(id).catch(() => undefined);
  }
}
