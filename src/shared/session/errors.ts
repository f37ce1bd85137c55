/**
 * Why a session attempt failed, as a small closed set the state machine and the reconnect policy
 * reason about. `classifySessionError` maps SDK errors (sdkError types), HTTP statuses and
 * DOMExceptions onto it; `describeReason` gives the stable code shown in snapshots.
 */
import type { SnapshotError } from './snapshot';

export type SessionErrorReason =
  | 'auth' // 401/403 or an invalid token: the sign-in layer must refresh it
  | 'config' // invalid options, unsupported browser, wrong environment
  | 'mic' // microphone not granted
  | 'network' // unreachable, offline, socket failure
  | 'timeout' // no answer in time (attempt timeout, 408/504, soft reconnect that never landed)
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'unknown';

export const SESSION_ERROR_REASONS: readonly SessionErrorReason[] = [
  'auth',
  'config',
  'mic',
  'network',
  'timeout',
  'rate-limited',
  'server',
  'unknown',
];

/** Fatal reasons are never retried by backoff: something outside the session has to change. */
export function isFatal(reason: SessionErrorReason): boolean {
  return reason === 'auth' || reason === 'config' || reason === 'mic';
}

/** Anything error-shaped: SDK sdkError payloads, axios-style errors, DOMExceptions, Error. */
export interface ErrorLike {
  status?: number;
  statusCode?: number;
  type?: string;
  name?: string;
  message?: string;
}

const NAMES = new Map<string, SessionErrorReason>([
  ['NotAllowedError', 'mic'], // getUserMedia refused (DOMException)
  ['PermissionDeniedError', 'mic'], // older Chrome spelling
  ['TimeoutError', 'timeout'],
  ['OfflineError', 'network'], // streaming client: navigator.onLine === false
]);
/** sdkError types that decide on their own; the others (generic, initialization, http, session,
 * call, media) are classified by status and message. */
const SDK_TYPES = new Map<string, SessionErrorReason>([
  ['invalid_token', 'auth'],
  ['invalid_options', 'config'],
  ['not_supported', 'config'],
]);

const STATUSES: Record<number, SessionErrorReason> = {
  0: 'network', // the request never got an answer
  400: 'config',
  401: 'auth',
  403: 'auth',
  404: 'config', // wrong environment or region
  408: 'timeout',
  422: 'config',
  429: 'rate-limited',
  504: 'timeout',
};

function fromStatus(status: number): SessionErrorReason | undefined {
  return STATUSES[status] ?? (status >= 500 && status < 600 ? 'server' : undefined);
}

const MESSAGES: readonly (readonly [RegExp, SessionErrorReason])[] = [
  [/\b(401|403)\b|unauthori[sz]ed|forbidden|invalid[_ ]token/i, 'auth'],
  [/notallowederror|permission denied/i, 'mic'],
  [/timed? ?out|timeout/i, 'timeout'],
  [/network|offline|failed to fetch|econn|websocket|socket/i, 'network'],
];

function fromMessage(message: string): SessionErrorReason | undefined {
  return MESSAGES.find(([pattern]) => pattern.test(message))?.[1];
}

/** Classify an error-like value (anything; non-objects are 'unknown'). */
export function classifySessionError(error: unknown): SessionErrorReason {
  if (typeof error === 'string') {
    return fromMessage(error) ?? 'unknown';
  }
  if (typeof error !== 'object' || error === null) {
    return 'unknown';
  }
  const e = error as ErrorLike;
  const byName = typeof e.name === 'string' ? NAMES.get(e.name) : undefined;
  const status = typeof e.status === 'number' ? e.status : e.statusCode;
  const byStatus = typeof status === 'number' ? fromStatus(status) : undefined;
  const byType = typeof e.type === 'string' ? SDK_TYPES.get(e.type) : undefined;
  const byMessage = typeof e.message === 'string' ? fromMessage(e.message) : undefined;
  // A permission message only means the microphone on media errors or untyped errors.
  const message =
    byMessage === 'mic' && e.type !== undefined && e.type !== 'media' ? undefined : byMessage;
  return byName ?? byStatus ?? byType ?? message ?? (e.type === 'http' ? 'network' : 'unknown');
}

const DESCRIPTIONS: Record<SessionErrorReason, SnapshotError> = {
  auth: { code: 'auth.rejected', message: 'Genesys Cloud refused the sign-in (401/403).' },
  config: { code: 'config.invalid', message: 'The softphone configuration is invalid.' },
  mic: { code: 'mic.blocked', message: 'The microphone has not been granted.' },
  network: { code: 'network.unreachable', message: 'Genesys Cloud cannot be reached.' },
  timeout: { code: 'signalling.timeout', message: 'Genesys Cloud did not answer in time.' },
  'rate-limited': { code: 'service.rate-limited', message: 'Genesys Cloud asked to slow down.' },
  server: { code: 'service.error', message: 'Genesys Cloud reported a server error.' },
  unknown: { code: 'unknown', message: 'The softphone connection failed.' },
};

/** Stable code and default message for a reason; `detail` replaces the message when given. */
export function describeReason(reason: SessionErrorReason, detail?: string): SnapshotError {
  const base = DESCRIPTIONS[reason];
  return detail !== undefined && detail !== '' ? { code: base.code, message: detail } : { ...base };
}
