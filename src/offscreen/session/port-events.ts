/**
 * Softphone events, routed: `ready`, `connected` and `disconnected` become machine events one to
 * one; an `error` moves the machine only when it is an authentication refusal or a fatal session
 * error not tied to one call (every error is logged at warn); call events go to the call book;
 * traces are logged (info and debug as debug: the only info lines are the machine's transitions).
 */
import { isFatal, type SessionErrorReason } from '../../shared/session/errors';
import type { CallEvent } from '../../shared/calls/call-events';
import type { Logger } from '../../shared/logger';
import type { SessionEvent } from '../../shared/session/session-events';
import type { SoftphoneEvent } from '../softphone/softphone-port';
import type { Failure } from './sdk-driver';

export type PortOutcome =
  { kind: 'event'; event: SessionEvent } | { kind: 'failure'; failure: Failure } | { kind: 'none' };

export function connectionOutcome(event: SoftphoneEvent): PortOutcome {
  switch (event.type) {
    case 'ready':
      return { kind: 'event', event: { type: 'sdk-ready' } };
    case 'connected':
      return { kind: 'event', event: { type: 'sdk-connected' } };
    case 'disconnected':
      return { kind: 'event', event: { type: 'sdk-disconnected' } };
    case 'error': {
      const reason = event.reason as SessionErrorReason;
      const fatal =
        event.reason === 'auth' || (event.conversationId === undefined && isFatal(reason));
      return fatal
        ? {
            kind: 'failure',
            failure: { reason, error: { code: event.code, message: event.message } },
          }
        : { kind: 'none' };
    }
    default:
      return { kind: 'none' };
  }
}

export interface PortEventSink {
  log: Logger;
  send(event: SessionEvent): void;
  failed(failure: Failure): void;
  call(event: CallEvent): void;
  /** Signalling (re)connected: the heartbeat starts its silence count over. */
  linked(): void;
}

export function routePortEvent(event: SoftphoneEvent, sink: PortEventSink): void {
  switch (event.type) {
    case 'trace':
      sink.log[event.level === 'warn' || event.level === 'error' ? 'warn' : 'debug'](event.message);
      return;
    case 'station':
      sink.log.debug('station', { ...event });
      return;
    case 'error': {
      const { code, reason, conversationId } = event;
      sink.log.warn('softphone error', { code, reason, ...(conversationId && { conversationId }) });
      break;
    }
    case 'connected':
      sink.linked();
      break;
    case 'ready':
    case 'disconnected':
      break;
    default:
      sink.call(event);
      return;
  }
  const outcome = connectionOutcome(event);
  if (outcome.kind === 'event') {
    sink.send(outcome.event);
  } else if (outcome.kind === 'failure') {
    sink.failed(outcome.failure);
  }
}
