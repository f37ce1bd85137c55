/**
 * Timers the session machine derives from the network profile. Kept apart from the profile so the
 * user-facing knobs stay the four everyone asks for; each derivation says why.
 */
import type { NetworkProfile } from './network-profile';
import { jitterDown } from './reconnect-policy';

/** The SDK's own connection attempt times out after 15 s (streaming-client connection-manager). */
const SDK_ATTEMPT_TIMEOUT_MS = 15_000;
/** Probes keep their base cadence for the first two minutes of an outage (the ≤ 1 s target)… */
const PROBE_FAST_WINDOW_MS = 120_000;
/** …then slow down by one step per further minute… */
const PROBE_STEP_MS = 60_000;
/** …up to ten times the base, so a long outage costs a fleet a tenth of the requests. */
const PROBE_MAX_FACTOR = 10;

/** The first probe after a loss waits at most this long, whatever the profile… */
const FIRST_PROBE_MAX_MS = 250;
/** …and the streaming host is probed at least this often while an outage lasts. */
const STREAMING_PROBE_MAX_MS = 500;

/**
 * First reachability probe after a loss: the profile's initial reconnect delay, at most 250 ms,
 * jittered down (125–250 ms for both presets). Nothing reconnects before the probe answers, so a
 * clean drop is retried at once; a fleet dropped together still spreads its probes (and so its
 * reconnects) over the jitter window.
 */
export function firstProbeDelayMs(profile: NetworkProfile, random: () => number): number {
  const base = Math.min(profile.reconnect.initialDelayMs, FIRST_PROBE_MAX_MS);
  return jitterDown(base, profile.reconnect.jitterRatio, random);
}

/**
 * Base cadence of reachability probes while disconnected: twice the initial delay, within
 * 250 ms..5 s (Standard 500 ms, High latency 2 s). A returning service is seen within one period.
 */
export function probeIntervalMs(profile: NetworkProfile): number {
  return Math.min(Math.max(2 * profile.reconnect.initialDelayMs, 250), 5_000);
}

/**
 * Base cadence of streaming-host probes (a WebSocket upgrade, refused while the service is down):
 * the probe interval, at most 500 ms, so the service's return is seen within 0.5 s on every
 * profile. A probe only asks; a reconnect follows only when it opens.
 */
export function streamingProbeIntervalMs(profile: NetworkProfile): number {
  return Math.min(probeIntervalMs(profile), STREAMING_PROBE_MAX_MS);
}

/** Next probe after a failed one, `elapsedMs` after the loss: jittered, slower as outages last. */
export function probeDelayMs(
  profile: NetworkProfile,
  elapsedMs: number,
  random: () => number,
  target: 'api' | 'streaming' = 'api',
): number {
  const late = Math.max(elapsedMs - PROBE_FAST_WINDOW_MS, 0);
  const factor = Math.min(1 + Math.floor(late / PROBE_STEP_MS), PROBE_MAX_FACTOR);
  const base =
    target === 'streaming' ? streamingProbeIntervalMs(profile) : probeIntervalMs(profile);
  return jitterDown(base * factor, profile.reconnect.jitterRatio, random);
}

/**
 * How long a forced soft reconnect may take before it counts as failed: a third of the heartbeat
 * timeout, at least 2 s (Standard 3 s, High latency ≈ 9.7 s). A soft reconnect is one WebSocket,
 * SASL, bind and service discovery: a handful of round trips.
 */
export function softReconnectTimeoutMs(profile: NetworkProfile): number {
  return Math.max(2_000, Math.round(profile.heartbeatTimeoutMs / 3));
}

/**
 * Chromium delays a renderer's new WebSocket handshakes once many have failed: by a random
 * 1–5 s × 2^min(pending + failed / (succeeded + 1), 16) / 65536, counted over the last 2–4
 * minutes (services/network/websocket_throttler.cc). After a dozen refused upgrades every
 * handshake, the reconnect's included, may wait up to 5 s before it is even sent.
 */
const CHROMIUM_WS_THROTTLE_MAX_MS = 5_000;

/**
 * The soft reconnect deadline while the streaming host is being watched: at least the longest
 * delay Chromium may put before the handshake, plus 1 s (Standard 6 s, High latency ≈ 9.7 s), so a
 * throttled attempt is not taken for a broken softphone.
 */
export function streamingReconnectTimeoutMs(profile: NetworkProfile): number {
  return Math.max(softReconnectTimeoutMs(profile), CHROMIUM_WS_THROTTLE_MAX_MS + 1_000);
}

/** How long one streaming-host probe may take: past the longest handshake delay, as above. */
export function streamingProbeTimeoutMs(): number {
  return CHROMIUM_WS_THROTTLE_MAX_MS + 1_000;
}

/**
 * How long a full start (REST initialisation plus the first connection) may take: the SDK's own
 * 15 s attempt timeout plus one heartbeat timeout for the REST calls (Standard 24 s, High
 * latency 44 s).
 */
export function startTimeoutMs(profile: NetworkProfile): number {
  return SDK_ATTEMPT_TIMEOUT_MS + profile.heartbeatTimeoutMs;
}

/**
 * A timer firing this much later than planned means the machine slept (or the page was frozen):
 * at least 5 s, above background timer throttling, and at least one heartbeat interval.
 */
export function wakeThresholdMs(profile: NetworkProfile): number {
  return Math.max(5_000, profile.heartbeatIntervalMs);
}
