/**
 * genesys-cloud-webrtc-sdk `sdkError` → error code. The SDK types are coarse ('http' covers every
 * REST failure), so the HTTP status, the wrapped error's name and the message refine them.
 */
import { codeForHttpStatus } from './classify-http';
import { codeForMediaError, codeForMessage } from './classify-browser';
import type { ErrorCode } from './error-catalogue';
import type { ErrorFacts } from './error-shape';

export const SDK_ERROR_TYPES = [
  'generic',
  'initialization',
  'invalid_token',
  'http',
  'invalid_options',
  'not_supported',
  'session',
  'call',
  'media',
] as const;

export type SdkErrorType = (typeof SDK_ERROR_TYPES)[number];

export function isSdkErrorType(value: unknown): value is SdkErrorType {
  return typeof value === 'string' && (SDK_ERROR_TYPES as readonly string[]).includes(value);
}

const TOKEN_WORDS = /\b(jwt|token|unauthori[sz]ed)\b/i;

export function codeForSdkError(type: SdkErrorType, facts: ErrorFacts): ErrorCode {
  const byStatus = facts.status === undefined ? undefined : codeForHttpStatus(facts.status);
  const byMessage = codeForMessage(facts.message);
  switch (type) {
    case 'invalid_token':
      return 'auth.invalid-token';
    case 'http':
      return byStatus ?? byMessage ?? 'signalling.request-failed';
    case 'initialization':
      return byStatus ?? byMessage ?? 'signalling.initialization';
    case 'invalid_options':
      return TOKEN_WORDS.test(facts.message) ? 'auth.invalid-token' : 'config.invalid-options';
    case 'not_supported':
      return 'extension.not-supported';
    case 'session':
      return byMessage ?? byStatus ?? 'signalling.session';
    case 'call':
      return byStatus ?? 'signalling.call-error';
    case 'media':
      return codeForMediaError(facts.name ?? '') ?? 'media.failed';
    case 'generic':
      return byStatus ?? byMessage ?? 'unknown';
  }
}
