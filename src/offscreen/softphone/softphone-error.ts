/**
 * SoftphoneError: what every SoftphonePort method rejects with. `reason` is the small closed set
 * the supervisor reasons about (session reasons plus call-level ones), `code` the stable taxonomy
 * code shown to agents, `status` the HTTP status when one was involved.
 */
import { errorFacts } from '../../shared/diagnostics/error-shape';
import { classifyError } from '../../shared/diagnostics/taxonomy';
import { AppError } from '../../shared/errors';
import { classifySessionError, type SessionErrorReason } from '../../shared/session/errors';

export type CallErrorReason =
  | 'not-pending' // answer/decline on a call that is no longer alerting here
  | 'no-call' // no such conversation on this softphone
  | 'invalid-state' // used before start() or after destroy()
  | 'invalid-argument';

export type SoftphoneErrorReason = SessionErrorReason | CallErrorReason;

const CALL_CODES: Record<CallErrorReason, string> = {
  'not-pending': 'signalling.call-not-pending',
  'no-call': 'signalling.session',
  'invalid-state': 'invalid-state',
  'invalid-argument': 'config.invalid-options',
};

export class SoftphoneError extends AppError {
  override readonly name = 'SoftphoneError';
  readonly reason: SoftphoneErrorReason;
  readonly status: number | undefined;

  constructor(
    reason: SoftphoneErrorReason,
    message: string,
    options: { code?: string; status?: number; cause?: unknown } = {},
  ) {
    const code =
      options.code ?? (CALL_CODES as Partial<Record<string, string>>)[reason] ?? 'unknown';
    super(code, message, { cause: options.cause });
    this.reason = reason;
    this.status = options.status;
  }
}

/** Classifies anything thrown by the SDK, the browser or the network into a SoftphoneError. */
export function toSoftphoneError(error: unknown): SoftphoneError {
  if (error instanceof SoftphoneError) {
    return error;
  }
  const facts = errorFacts(error);
  const diagnosis = classifyError(error, { source: 'sdk' });
  const reason =
    facts.name === 'SaslError'
      ? 'auth'
      : classifySessionError({
          ...(facts.name !== undefined && { name: facts.name }),
          ...(facts.status !== undefined && { status: facts.status }),
          ...(facts.type !== undefined && { type: facts.type }),
          message: facts.message,
        });
  const message = facts.message !== '' ? facts.message : diagnosis.message;
  return new SoftphoneError(reason, message, {
    code: diagnosis.code,
    ...(facts.status !== undefined && { status: facts.status }),
    cause: error,
  });
}

export const notStarted = (): SoftphoneError =>
  new SoftphoneError('invalid-state', 'The softphone is not started.');

export const notPending = (conversationId: string): SoftphoneError =>
  new SoftphoneError('not-pending', `Call ${conversationId} is not pending any more.`);

export const noCall = (conversationId: string): SoftphoneError =>
  new SoftphoneError('no-call', `No call ${conversationId} on this softphone.`);
