/**
 * The echo test number: an outbound call to it is answered at once and the far end sends back what
 * it hears from the agent, so a connectivity check (or an agent) can prove audio flows both ways
 * without a person at the other end. It hangs up by itself after a minute.
 */
import type { Conversation } from './model';
import { customerOf } from './model';

/** Dial `*43` (the usual echo-test feature code) to reach the echo. */
export const ECHO_NUMBER = '*43';

/** The echo ends its calls after this long, in case the client never hangs up. */
export const ECHO_MAX_MS = 60_000;

export function isEchoCall(conv: Conversation): boolean {
  return conv.direction === 'outbound' && customerOf(conv)?.name.replace(/\s/g, '') === ECHO_NUMBER;
}
