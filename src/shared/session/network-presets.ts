/**
 * The two built-in network profiles and why their numbers are what they are (derived timers in
 * recovery-timings.ts; checked by recovery-timings.test.ts and session-scenarios.test.ts). Targets:
 * clean socket drop → connected ≤ 0.5 s median; service back after an outage → connected ≤ 1 s p95;
 * a drop shortly after an outage ≤ 2.5 s; a dead link noticed within timeout + 1 s
 * (Standard ≤ 10 s, High latency ≤ 30 s). The bare SDK takes 46–56 s to notice a dead link and
 * 2 s to 90 s to reconnect (sdk-baselines).
 */
import type { NetworkProfile } from './network-profile';

export type PresetKind = 'standard' | 'high-latency';

/**
 * Standard: agents on ordinary broadband or office networks (RTT well under 300 ms).
 * - Heartbeat every 3 s, lost after 9 s: three missed probes in a row, so a single late answer is
 *   never a false alarm, and the link is declared dead within 9 s (+ ≤ 1 s timer slack) ≤ 10 s.
 * - First reconnect after 250 ms, jittered down to 125–250 ms: a clean drop is retried at once
 *   (median ≈ 190 ms + probe + soft reconnect ≈ 0.4 s), yet a fleet dropped by one server restart
 *   spreads its reconnects over 125 ms instead of arriving in the same millisecond.
 * - While disconnected, reachability is probed every 2 × 250 ms = 500 ms (jittered to 250–500 ms),
 *   so a returning service is seen within 0.5 s and connected within ≈ 0.8 s at p95. Once the
 *   streaming endpoint has refused a reconnect, the probe is a WebSocket upgrade to the streaming
 *   host itself (the Platform API keeps answering through such outages). After two minutes of
 *   outage the probes slow down step by step (to 10× after about eleven minutes).
 * - Full restarts back off exponentially to 30 s (the SDK's own cap is 90 s), never giving up:
 *   an agent's phone should come back by itself after any outage.
 * - Client pings, not server pings: server pings are not faster (40–70 s detection, measured) and
 *   our own heartbeat does the detecting.
 */
export const STANDARD_PROFILE: NetworkProfile = {
  kind: 'standard',
  heartbeatIntervalMs: 3_000,
  heartbeatTimeoutMs: 9_000,
  reconnect: { initialDelayMs: 250, maxDelayMs: 30_000, jitterRatio: 0.5, maxAttempts: 0 },
  useServerSidePings: false,
  logLevel: 'info',
};

/**
 * High latency: regions far from the Genesys Cloud edge (APAC through long backhauls), satellite or
 * congested links, where RTT spikes of several seconds are normal and 408s appear on renegotiation.
 * - Heartbeat every 10 s, lost after 29 s: nearly three intervals, so two slow answers in a row are
 *   tolerated; noticed within 29 s + ≤ 1 s = 30 s, still far under the SDK's own 46–70 s.
 * - Full restarts start at 1 s (500–1000 ms with jitter) and API probes run every 2 s: fewer wasted
 *   attempts on a link that is slow rather than dead. The first probe after a loss still comes
 *   after 125–250 ms and the streaming host is probed every 250–500 ms, as on Standard: a probe
 *   only asks, so a clean drop or the end of an outage is not made to wait a second.
 * - Full restarts back off to 60 s.
 */
export const HIGH_LATENCY_PROFILE: NetworkProfile = {
  kind: 'high-latency',
  heartbeatIntervalMs: 10_000,
  heartbeatTimeoutMs: 29_000,
  reconnect: { initialDelayMs: 1_000, maxDelayMs: 60_000, jitterRatio: 0.5, maxAttempts: 0 },
  useServerSidePings: false,
  logLevel: 'info',
};

export const PRESETS: Readonly<Record<PresetKind, NetworkProfile>> = {
  standard: STANDARD_PROFILE,
  'high-latency': HIGH_LATENCY_PROFILE,
};
