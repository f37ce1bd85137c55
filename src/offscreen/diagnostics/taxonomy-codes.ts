/**
 * Every error that leaves the offscreen document in a snapshot carries a code of the diagnostics
 * taxonomy, so pages can show the agent message and remedy. The session machine's own reason codes
 * (auth.rejected, mic.blocked…) and a few call-level codes are mapped; anything else is classified
 * from its message. The original message stays as the detail.
 */
import { classifyError, isErrorCode, type ErrorCode } from '../../shared/diagnostics';
import type {
  CallSnapshot,
  ConnectionSnapshot,
  SnapshotError,
} from '../../shared/session/snapshot';

const ALIASES: Readonly<Record<string, ErrorCode>> = {
  'auth.rejected': 'auth.invalid-token',
  'config.invalid': 'config.invalid-options',
  'mic.blocked': 'microphone.blocked',
  'service.rate-limited': 'signalling.rate-limited',
  'service.error': 'signalling.server-error',
  'call.lost': 'signalling.disconnected',
  'invalid-state': 'extension.internal',
};

export function taxonomyError(error: SnapshotError): SnapshotError {
  if (isErrorCode(error.code)) {
    return error;
  }
  const code = ALIASES[error.code] ?? classifyError({ message: error.message }).code;
  return { code, message: error.message };
}

export function withTaxonomyCodes<
  V extends { connection: ConnectionSnapshot; calls: CallSnapshot[] },
>(view: V): V {
  const connection =
    view.connection.error === undefined
      ? view.connection
      : { ...view.connection, error: taxonomyError(view.connection.error) };
  const calls = view.calls.map((call) =>
    call.error === undefined ? call : { ...call, error: taxonomyError(call.error) },
  );
  return { ...view, connection, calls };
}
