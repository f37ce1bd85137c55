/**
 * The rules of the connectivity verdict, one function per layer: each reads the resolved step
 * results and returns its findings (plain words plus the measured numbers).
 */
import { FINDINGS, type Severity, type VerdictKind } from './connectivity-findings';
import type { StepId, StepResult } from './connectivity-steps';
import type { ErrorCode, Layer } from './error-catalogue';

export interface Finding {
  kind: VerdictKind;
  severity: Severity;
  step: StepId | null;
  layer: Layer | null;
  code: ErrorCode | null;
  title: string;
  titleKey: string;
  /** Plain words with the numbers, e.g. "XMPP ping 420 ms (limit 250 ms)". */
  detail: string;
  remedy: string;
}

export interface VerdictOptions {
  /** Signalling or media round trip above which the High-latency profile is advised. Default 250. */
  highLatencyMs?: number;
  /** The profile in use; the latency advice changes when it is already 'high-latency'. */
  profile?: 'standard' | 'high-latency' | 'custom';
}

export type Steps = { [K in StepId]: StepResult<K> };

export function finding(
  kind: VerdictKind,
  severity: Severity,
  step: StepId | null,
  detail: string,
): Finding {
  const text = FINDINGS[kind];
  const titleKey = `check_verdict_${kind.replace(/-/g, '_')}`;
  return {
    kind,
    severity,
    step,
    layer: text.layer,
    code: text.code,
    title: text.title,
    titleKey,
    detail,
    remedy: text.remedy,
  };
}

const ms = (value: number | undefined) =>
  value === undefined ? 'n/a' : `${String(Math.round(value))} ms`;
const codes = (list: number[] | undefined) =>
  list === undefined || list.length === 0 ? 'none' : list.join(', ');

export function hostFindings(s: Steps): Finding[] {
  const hosts = s['dns-tls'].metrics?.hosts ?? [];
  const failed = hosts.filter((h) => !h.ok);
  if (s['dns-tls'].status !== 'failed' && failed.length === 0) {
    return [];
  }
  const severity = s['dns-tls'].status === 'failed' ? 'error' : 'warning';
  const list = failed.map(
    (h) => `${h.host} (${h.role}${h.error === undefined ? '' : `: ${h.error}`})`,
  );
  const detail =
    list.length > 0
      ? `Unreachable: ${list.join('; ')}.`
      : (s['dns-tls'].error ?? 'No host answered.');
  return [finding('network-unreachable', severity, 'dns-tls', detail)];
}

export function signallingFindings(s: Steps): Finding[] {
  const ws = s.websocket;
  const m = ws.metrics ?? {};
  if (ws.status === 'failed') {
    if (m.httpStatus === 401 || m.httpStatus === 403) {
      return [
        finding(
          'auth-failed',
          'error',
          'websocket',
          `Notification channel request answered HTTP ${String(m.httpStatus)}.`,
        ),
      ];
    }
    if (m.opened === true) {
      const detail = `WebSocket opened in ${ms(m.connectMs)} but the XMPP ping got no answer${m.timedOut === true ? ' (timed out)' : ''}.`;
      return [finding('signalling-timeout', 'error', 'websocket', detail)];
    }
    const close = m.closeCode === undefined ? '' : ` (close code ${String(m.closeCode)})`;
    const how = m.timedOut === true ? 'never opened (timed out)' : `was refused or reset${close}`;
    return [
      finding('websocket-blocked', 'error', 'websocket', `HTTPS works, but the WebSocket ${how}.`),
    ];
  }
  const ice = s['ice-servers'];
  if (ice.status === 'failed') {
    if (ice.metrics?.timedOut === true) {
      return [
        finding(
          'signalling-timeout',
          'error',
          'ice-servers',
          'Media server discovery over XMPP timed out.',
        ),
      ];
    }
    return [
      finding(
        'ice-servers-missing',
        'error',
        'ice-servers',
        ice.error ?? 'No STUN or TURN server was offered.',
      ),
    ];
  }
  return [];
}

export function pathFindings(s: Steps): Finding[] {
  const { stun, turn } = s;
  if (stun.status === 'skipped' && turn.status === 'skipped') {
    return [];
  }
  const relays = turn.metrics?.relayProtocols ?? [];
  const turnCodes = turn.metrics?.errorCodes ?? [];
  const direct = stun.status === 'ok';
  const out: Finding[] = [];
  const relayDetail = `TURN error codes: ${codes(turnCodes)}; STUN error codes: ${codes(stun.metrics?.errorCodes)}.`;
  if (turn.status === 'failed') {
    const kind = turnCodes.includes(403)
      ? 'turn-permission-refused'
      : turnCodes.includes(401)
        ? 'turn-credentials-rejected'
        : direct
          ? 'turn-unreachable'
          : 'no-media-path';
    out.push(finding(kind, direct ? 'warning' : 'error', 'turn', relayDetail));
  }
  if (!direct && turn.status === 'ok') {
    const overUdp = relays.includes('udp');
    const transport = relays.includes('tls')
      ? 'TLS'
      : relays.includes('tcp')
        ? 'TCP'
        : relays.join('/');
    const detail = `No server-reflexive candidate (STUN error codes: ${codes(stun.metrics?.errorCodes)}); relay allocated over ${transport || 'unknown transport'}.`;
    out.push(finding(overUdp ? 'relay-only' : 'udp-blocked', 'warning', 'stun', detail));
  }
  return out;
}

export function mediaFindings(s: Steps, options: VerdictOptions): Finding[] {
  const media = s.media;
  const m = media.metrics ?? {};
  const out: Finding[] = [];
  if (media.status === 'failed') {
    const detail = `Packets received ${String(m.packetsReceived ?? 0)}, sent ${String(m.packetsSent ?? 0)}${m.path === undefined ? '' : ` over a ${m.path} path`}.`;
    out.push(finding('media-not-flowing', 'error', 'media', detail));
  }
  const limit = options.highLatencyMs ?? 250;
  const ping = s.websocket.status === 'ok' ? s.websocket.metrics?.pingRttMs : undefined;
  const rtt = media.status === 'ok' ? m.rttMs : undefined;
  const worst = Math.max(ping ?? 0, rtt ?? 0);
  if (worst >= limit) {
    const already =
      options.profile === 'high-latency' ? ' The High-latency profile is already on.' : '';
    const detail = `XMPP ping ${ms(ping)}, media round trip ${ms(rtt)} (limit ${ms(limit)}).${already}`;
    out.push(
      finding(
        'high-latency',
        'warning',
        rtt !== undefined && rtt >= limit ? 'media' : 'websocket',
        detail,
      ),
    );
  }
  return out;
}

export function allGoodDetail(s: Steps): string {
  const ws = s.websocket.metrics;
  const media = s.media.metrics;
  const parts = [`XMPP ping ${ms(ws?.pingRttMs)}`];
  if (s.media.status === 'ok') {
    parts.push(`media round trip ${ms(media?.rttMs)}`, `path ${media?.path ?? 'n/a'}`);
  }
  const notRun = Object.values(s)
    .filter((r) => r.status === 'skipped')
    .map((r) => r.id);
  const tail = notRun.length > 0 ? ` Not run: ${notRun.join(', ')}.` : '';
  return `${parts.join(', ')}.${tail}`;
}
