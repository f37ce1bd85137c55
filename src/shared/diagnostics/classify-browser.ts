/**
 * Browser-originated failures: getUserMedia / track errors, icecandidateerror events (STUN/TURN
 * error codes per RFC 5389/8656 plus WebRTC's 701), OAuth redirect errors and network-level
 * messages such as "Failed to fetch".
 */
import type { ErrorCode } from './error-catalogue';

const MEDIA_NAMES: Readonly<Record<string, ErrorCode>> = {
  NotAllowedError: 'microphone.blocked',
  PermissionDeniedError: 'microphone.blocked',
  SecurityError: 'microphone.blocked',
  NotFoundError: 'microphone.not-found',
  DevicesNotFoundError: 'microphone.not-found',
  OverconstrainedError: 'microphone.not-found',
  NotReadableError: 'microphone.in-use',
  TrackStartError: 'microphone.in-use',
  AbortError: 'microphone.in-use',
  DeviceLostError: 'microphone.device-lost',
};

/** DOMException name from getUserMedia, or 'ended' for a track that stopped by itself. */
export function codeForMediaError(name: string): ErrorCode | undefined {
  if (name === 'ended' || name === 'device-lost') {
    return 'microphone.device-lost';
  }
  return MEDIA_NAMES[name];
}

/** icecandidateerror: `url` is the STUN/TURN server (stun:… / turn:… / turns:…). */
export function codeForIceCandidateError(errorCode: number, url = ''): ErrorCode {
  const turn = /^turns?:/i.test(url);
  switch (errorCode) {
    case 401:
      return 'turn.unauthorized';
    case 403:
      return 'turn.permission-refused';
    case 701:
      return turn ? 'turn.unreachable' : 'ice.stun-unreachable';
    case 437:
    case 438:
    case 486:
    case 508:
      return 'turn.allocation-failed';
    default:
      return turn ? 'turn.allocation-failed' : 'ice.candidate-error';
  }
}

const OAUTH: Readonly<Record<string, ErrorCode>> = {
  access_denied: 'auth.denied',
  invalid_grant: 'auth.invalid-grant',
  invalid_client: 'auth.invalid-client',
  unauthorized_client: 'auth.invalid-client',
  unsupported_response_type: 'auth.invalid-client',
  unsupported_grant_type: 'auth.invalid-client',
  invalid_scope: 'auth.invalid-client',
  invalid_request: 'auth.authorize-error',
  interaction_required: 'auth.interaction-required',
  login_required: 'auth.interaction-required',
  consent_required: 'auth.interaction-required',
  server_error: 'auth.server',
  temporarily_unavailable: 'auth.unavailable',
  state_mismatch: 'auth.state-mismatch',
  invalid_token: 'auth.invalid-token',
};

/** OAuth 2.0 `error` values (RFC 6749 §4.1.2.1, §5.2, OIDC) plus our own 'state_mismatch'. */
export function codeForOAuthError(error: string): ErrorCode | undefined {
  return OAUTH[
    error
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
  ];
}

const MESSAGE_PATTERNS: readonly (readonly [RegExp, ErrorCode])[] = [
  [/extension context invalidated/i, 'extension.context-invalidated'],
  [/state (mismatch|does not match)/i, 'auth.state-mismatch'],
  [/user (did not approve|cancell?ed)|authorization page could not be loaded/i, 'auth.cancelled'],
  [/err_internet_disconnected|network is offline|\boffline\b/i, 'network.offline'],
  [
    /err_name_not_resolved|err_cert|err_ssl|err_proxy|err_tunnel|err_connection_(refused|reset|closed)/i,
    'network.unreachable',
  ],
  [/failed to fetch|networkerror|network error|err_network|load failed/i, 'network.unreachable'],
  [
    /not pending|no pending session|pending session .*(not found|expired)/i,
    'signalling.call-not-pending',
  ],
  [/websocket.*(closed|failed|error)|ws (closed|failed)/i, 'network.websocket-blocked'],
  [
    /connection-timeout|ping timeout|stanza timeout|timed? ?out|econnaborted|etimedout/i,
    'signalling.timeout',
  ],
  [/ice (connection )?failed|iceconnectionstate.*failed/i, 'ice.failed'],
];

/** Last resort: recognisable phrases in an error message. */
export function codeForMessage(message: string): ErrorCode | undefined {
  return MESSAGE_PATTERNS.find(([pattern]) => pattern.test(message))?.[1];
}
