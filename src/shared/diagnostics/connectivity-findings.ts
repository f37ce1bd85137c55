/**
 * The findings the connectivity check can reach, in plain words with a remedy each. Titles and
 * remedies are English; `titleKey` is the future i18n name. Details carry the measured numbers.
 */
import type { ErrorCode, Layer } from './error-catalogue';

export type VerdictKind =
  | 'all-good'
  | 'network-unreachable'
  | 'websocket-blocked'
  | 'auth-failed'
  | 'signalling-timeout'
  | 'ice-servers-missing'
  | 'turn-permission-refused'
  | 'turn-credentials-rejected'
  | 'turn-unreachable'
  | 'no-media-path'
  | 'udp-blocked'
  | 'relay-only'
  | 'media-not-flowing'
  | 'high-latency'
  | 'incomplete';

export type Severity = 'ok' | 'warning' | 'error';

export interface FindingText {
  layer: Layer | null;
  code: ErrorCode | null;
  title: string;
  remedy: string;
}

const ASK_IT_TURN =
  'Ask IT to allow UDP 3478 and TCP/TLS 443 to the Genesys Cloud media (TURN) servers, without TLS inspection.';

export const FINDINGS: Readonly<Record<VerdictKind, FindingText>> = {
  'all-good': { layer: null, code: null, title: 'All good', remedy: 'Nothing to do.' },
  'network-unreachable': {
    layer: 'network',
    code: 'network.unreachable',
    title: 'Genesys Cloud cannot be reached (DNS, TLS or proxy)',
    remedy:
      'Check the network, VPN or proxy; ask IT to allow HTTPS to the Genesys Cloud hosts of your region.',
  },
  'websocket-blocked': {
    layer: 'network',
    code: 'network.websocket-blocked',
    title: 'Firewall or proxy blocks WebSocket',
    remedy:
      'Ask IT to allow WebSocket (wss://) to the Genesys Cloud streaming host, without TLS inspection.',
  },
  'auth-failed': {
    layer: 'auth',
    code: 'auth.invalid-token',
    title: 'Genesys Cloud refused the sign-in',
    remedy: 'Sign in again, then rerun the check.',
  },
  'signalling-timeout': {
    layer: 'signalling',
    code: 'signalling.timeout',
    title: 'Platform signalling timeout',
    remedy:
      'The connection opens but Genesys Cloud answers too slowly or not at all. Rerun the check; if it repeats, switch to the High-latency profile and ask IT to check proxy idle timeouts.',
  },
  'ice-servers-missing': {
    layer: 'ice',
    code: 'ice.servers-unavailable',
    title: 'Genesys Cloud offered no media servers',
    remedy: 'Rerun the check in a minute; if it repeats, send the diagnostic bundle to support.',
  },
  'turn-permission-refused': {
    layer: 'turn',
    code: 'turn.permission-refused',
    title: 'TURN permission refused',
    remedy: `The media relay answered 403: a network policy or account restriction. ${ASK_IT_TURN}`,
  },
  'turn-credentials-rejected': {
    layer: 'turn',
    code: 'turn.unauthorized',
    title: 'TURN credentials rejected',
    remedy:
      'Sign in again and rerun the check; if it repeats, send the diagnostic bundle to support.',
  },
  'turn-unreachable': {
    layer: 'turn',
    code: 'turn.unreachable',
    title: 'Media relay (TURN) unreachable',
    remedy: `Calls work while the direct path does, but fail where a relay is required. ${ASK_IT_TURN}`,
  },
  'no-media-path': {
    layer: 'ice',
    code: 'ice.failed',
    title: 'No media path: UDP and the relay are both blocked',
    remedy: ASK_IT_TURN,
  },
  'udp-blocked': {
    layer: 'ice',
    code: 'ice.stun-unreachable',
    title: 'UDP blocked — relaying over TLS',
    remedy: `Calls work, with extra delay. For the best audio, ${ASK_IT_TURN.charAt(0).toLowerCase()}${ASK_IT_TURN.slice(1)}`,
  },
  'relay-only': {
    layer: 'ice',
    code: 'ice.stun-unreachable',
    title: 'No direct media path — relaying through Genesys Cloud',
    remedy: 'Calls work, with a little extra delay. Nothing to do unless audio quality suffers.',
  },
  'media-not-flowing': {
    layer: 'media',
    code: 'media.no-audio',
    title: 'Audio is not flowing',
    remedy:
      'The path was set up but no audio packets moved: a firewall may drop RTP after connecting. Send the result to IT.',
  },
  'high-latency': {
    layer: 'network',
    code: null,
    title: 'High latency: switch to the High-latency profile',
    remedy:
      'Choose the High-latency network profile in Switchboard options; it tolerates slow answers before reconnecting.',
  },
  incomplete: {
    layer: null,
    code: null,
    title: 'The check did not run',
    remedy: 'Run the connectivity check again.',
  },
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 2, warning: 1, ok: 0 };
