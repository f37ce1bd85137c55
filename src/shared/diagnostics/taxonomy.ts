/**
 * Error taxonomy: turns any failure (SDK sdkError, HTTP status, OAuth error, icecandidateerror,
 * getUserMedia error, ServiceNow answer, or an unknown throw) into a Diagnosis with a stable code,
 * the failing layer, agent-readable text and a remedy. Unknown errors keep their original message.
 */
import {
  codeForIceCandidateError,
  codeForMediaError,
  codeForMessage,
  codeForOAuthError,
} from './classify-browser';
import { codeForHttpStatus, type HttpService } from './classify-http';
import { codeForSdkError, isSdkErrorType } from './classify-sdk';
import { ERROR_CATALOGUE, isErrorCode, messageKey, remedyKey } from './error-catalogue';
import type { ErrorCode, Layer } from './error-catalogue';
import { errorFacts, type ErrorFacts } from './error-shape';

export type ErrorSource = 'sdk' | 'genesys' | 'oauth' | 'ice' | 'media' | 'servicenow';

export interface Diagnosis {
  code: ErrorCode;
  layer: Layer;
  message: string;
  remedy: string;
  messageKey: string;
  remedyKey: string;
  retryable: boolean;
  /** The original error text, verbatim (redact before it leaves the process). */
  detail?: string;
  status?: number;
}

export interface ClassifyContext {
  /** Where the error came from, when the caller knows; sharpens ambiguous statuses and names. */
  source?: ErrorSource;
}

export function diagnose(
  code: ErrorCode,
  extra: { detail?: string; status?: number } = {},
): Diagnosis {
  const { layer, message, remedy, retryable } = ERROR_CATALOGUE[code];
  const out: Diagnosis = {
    code,
    layer,
    message,
    remedy,
    retryable,
    messageKey: messageKey(code),
    remedyKey: remedyKey(code),
  };
  if (extra.detail !== undefined && extra.detail !== '') {
    out.detail = extra.detail;
  }
  if (extra.status !== undefined) {
    out.status = extra.status;
  }
  return out;
}

/** Names that mean a media-device failure even without a hint (AbortError etc. need one). */
const UNAMBIGUOUS_MEDIA = new Set([
  'NotAllowedError',
  'PermissionDeniedError',
  'NotFoundError',
  'DevicesNotFoundError',
  'NotReadableError',
  'TrackStartError',
  'OverconstrainedError',
]);

function codeFor(facts: ErrorFacts, source: ErrorSource | undefined): ErrorCode {
  if (isErrorCode(facts.code)) {
    return facts.code;
  }
  if (source === 'servicenow') {
    return serviceNowCode(facts);
  }
  if (source === 'ice' || facts.errorCode !== undefined) {
    return codeForIceCandidateError(facts.errorCode ?? 0, facts.url);
  }
  if (source === 'media' || (facts.name !== undefined && UNAMBIGUOUS_MEDIA.has(facts.name))) {
    return codeForMediaError(facts.name ?? facts.message) ?? 'media.failed';
  }
  if (isSdkErrorType(facts.type) && (source === 'sdk' || source === undefined)) {
    return codeForSdkError(facts.type, facts);
  }
  if (facts.status !== undefined) {
    return codeForHttpStatus(facts.status, 'genesys');
  }
  const oauth = oauthCode(facts, source);
  if (oauth !== undefined) {
    return oauth;
  }
  if (facts.name === 'TimeoutError') {
    return 'signalling.timeout';
  }
  return codeForMessage(facts.message) ?? 'unknown';
}

function serviceNowCode(facts: ErrorFacts): ErrorCode {
  if (facts.status !== undefined) {
    return codeForHttpStatus(facts.status, 'servicenow');
  }
  if (
    facts.name === 'TimeoutError' ||
    facts.name === 'AbortError' ||
    /time(d)? ?out/i.test(facts.message)
  ) {
    return 'servicenow.timeout';
  }
  return 'servicenow.request-failed';
}

function oauthCode(facts: ErrorFacts, source: ErrorSource | undefined): ErrorCode | undefined {
  const byCode = facts.code === undefined ? undefined : codeForOAuthError(facts.code);
  if (byCode !== undefined) {
    return byCode;
  }
  // A bare OAuth error string ('access_denied') or any message when the source is known.
  const bare = source === 'oauth' || /^[a-z_]+$/.test(facts.message);
  return bare ? codeForOAuthError(facts.message) : undefined;
}

export function classifyError(error: unknown, context: ClassifyContext = {}): Diagnosis {
  const facts = errorFacts(error);
  const code = codeFor(facts, context.source);
  const extra: { detail?: string; status?: number } = { detail: facts.message };
  if (facts.status !== undefined) {
    extra.status = facts.status;
  }
  return diagnose(code, extra);
}

export function classifyHttpStatus(
  status: number,
  service: HttpService = 'genesys',
  detail?: string,
): Diagnosis {
  return diagnose(
    codeForHttpStatus(status, service),
    detail === undefined ? { status } : { status, detail },
  );
}

export function classifyOAuthError(error: string, description?: string): Diagnosis {
  const code = codeForOAuthError(error) ?? 'auth.authorize-error';
  return diagnose(code, { detail: description === undefined ? error : `${error}: ${description}` });
}

export function classifyIceCandidateError(event: {
  errorCode: number;
  url?: string;
  errorText?: string;
}): Diagnosis {
  const code = codeForIceCandidateError(event.errorCode, event.url);
  const text = event.errorText === undefined ? '' : ` ${event.errorText}`;
  return diagnose(code, {
    detail: `${String(event.errorCode)}${text}${event.url === undefined ? '' : ` (${event.url})`}`,
  });
}
