/**
 * HTTP status → error code, for the Genesys Cloud Platform API and for the ServiceNow Table API.
 * 401/403 mean different things on each side: an expired token versus an expired ServiceNow
 * session or an ACL.
 */
import type { ErrorCode } from './error-catalogue';

export type HttpService = 'genesys' | 'servicenow';

const GENESYS: Readonly<Record<number, ErrorCode>> = {
  400: 'config.request-rejected',
  401: 'auth.invalid-token',
  403: 'auth.forbidden',
  404: 'signalling.not-found',
  408: 'signalling.timeout',
  409: 'signalling.conflict',
  429: 'signalling.rate-limited',
};

const SERVICENOW: Readonly<Record<number, ErrorCode>> = {
  401: 'servicenow.session-expired',
  403: 'servicenow.acl-denied',
  404: 'servicenow.not-found',
  408: 'servicenow.timeout',
  429: 'servicenow.rate-limited',
  504: 'servicenow.timeout',
};

export function codeForHttpStatus(status: number, service: HttpService = 'genesys'): ErrorCode {
  const table = service === 'servicenow' ? SERVICENOW : GENESYS;
  const exact = table[status];
  if (exact !== undefined) {
    return exact;
  }
  if (status >= 500 && status <= 599) {
    return service === 'servicenow' ? 'servicenow.server-error' : 'signalling.server-error';
  }
  return service === 'servicenow' ? 'servicenow.request-failed' : 'signalling.request-failed';
}
