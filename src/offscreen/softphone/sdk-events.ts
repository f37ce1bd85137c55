/**
 * SDK events → SoftphoneEvents. Works on any emitter with the SDK's event names and payload
 * shapes (read from SDK 9.2.4), so it is unit-tested with a plain EventEmitter; the payloads are
 * read defensively and never passed on.
 */
import type { CallEndReason } from '../../shared/calls/call-events';
import type { CallRegistry } from './call-registry';
import { mapSdkConversationState } from './conversation-map';
import type { MediaSession } from './sdk-internals';
import { toSoftphoneError } from './softphone-error';
import type { SoftphoneEvent, TraceLevel } from './softphone-port';
import { formatTrace } from './trace';

export interface SdkEventSource {
  on(event: string, listener: (...args: never[]) => void): unknown;
}

export interface WiringContext {
  emit: (event: SoftphoneEvent) => void;
  registry: CallRegistry;
  autoAnswerAllowed: boolean;
  /** Whether the streaming client will reconnect by itself (read at `disconnected`). */
  reconnecting(): boolean;
  /** First `connected`: the streaming client exists now. */
  onConnected(): void;
  watchMedia(session: MediaSession): void;
  /** Accepts a pending call now: outbound (disableAutoAnswer) or answered on the platform. */
  acceptNow(conversationId: string): void;
}

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag =>
  typeof value === 'object' && value !== null ? (value as Bag) : {};
const idOf = (value: unknown): string | undefined => {
  const id = bag(value)['conversationId'];
  return typeof id === 'string' && id !== '' ? id : undefined;
};

const FAILURE_CONDITIONS = new Set([
  'failed-transport',
  'general-error',
  'connectivity-error',
  'timeout',
  'gone',
]);

/** Why a call ended, from what this client did to it and the SDK's Jingle condition. */
export function endReason(local: string | undefined, condition: unknown): CallEndReason {
  if (local === 'hangup') {
    return 'local-hangup';
  }
  if (local === 'decline') {
    return 'declined';
  }
  if (local === 'shutdown') {
    return 'shutdown';
  }
  return typeof condition === 'string' && FAILURE_CONDITIONS.has(condition)
    ? 'failed'
    : 'remote-hangup';
}

function isSoftphone(session: Bag): boolean {
  return session['sessionType'] === undefined || session['sessionType'] === 'softphone';
}

function traceLevel(value: unknown): TraceLevel {
  return value === 'debug' || value === 'warn' || value === 'error' ? value : 'info';
}

export function wireSdkEvents(sdk: SdkEventSource, ctx: WiringContext): void {
  const { emit, registry } = ctx;
  let connectedOnce = false;
  const on = (event: string, listener: (...args: unknown[]) => void) => sdk.on(event, listener);

  on('ready', () => emit({ type: 'ready' }));
  on('connected', (info) => {
    if (!connectedOnce) {
      ctx.onConnected();
    }
    connectedOnce = true;
    emit({ type: 'connected', reconnect: bag(info)['reconnect'] === true });
  });
  on('disconnected', () => emit({ type: 'disconnected', reconnecting: ctx.reconnecting() }));
  on('sdkError', (error) => {
    const e = toSoftphoneError(error);
    const conversationId = idOf(bag(error)['details']);
    emit({
      type: 'error',
      reason: e.reason,
      code: e.code,
      message: e.message,
      ...(e.status !== undefined && { status: e.status }),
      ...(conversationId !== undefined && { conversationId }),
    });
  });
  on('error', (error) => {
    const e = toSoftphoneError(error);
    emit({ type: 'error', reason: e.reason, code: e.code, message: e.message });
  });
  on('pendingSession', (pending) => {
    const conversationId = idOf(pending);
    if (conversationId === undefined || !isSoftphone(bag(pending))) {
      return;
    }
    const autoAnswer = bag(pending)['autoAnswer'] === true;
    registry.notePending(conversationId);
    // A repeated propose for a call already answered or over must not bring it back as ringing.
    if (!registry.isAwaitingAnswer(conversationId)) {
      return;
    }
    // Answered already (a call offered from the platform's list, answered there before its
    // propose arrived): the propose brings the media session, accepted at once.
    if (registry.isOffered(conversationId) && registry.local(conversationId) === 'answer') {
      ctx.acceptNow(conversationId);
      return;
    }
    const direction = registry.direction(conversationId) ?? 'inbound';
    if (autoAnswer && ctx.autoAnswerAllowed) {
      registry.noteLocal(conversationId, 'auto-answer');
    }
    emit({
      type: 'call-alerting',
      call: { ...registry.fields(conversationId), conversationId, direction, autoAnswer },
    });
    if (autoAnswer && !ctx.autoAnswerAllowed && direction === 'outbound') {
      ctx.acceptNow(conversationId);
    }
  });
  on('cancelPendingSession', (info) => {
    const conversationId = idOf(info);
    if (conversationId === undefined || !registry.isAwaitingAnswer(conversationId)) {
      return;
    }
    registry.noteEnded(conversationId);
    emit({ type: 'call-cancelled', conversationId });
  });
  on('handledPendingSession', (info) => {
    const conversationId = idOf(info);
    if (conversationId === undefined || !registry.isAwaitingAnswer(conversationId)) {
      return;
    }
    if (registry.local(conversationId) !== undefined) {
      registry.notHandledHere(conversationId);
      return;
    }
    registry.noteEnded(conversationId);
    emit({ type: 'call-ended', conversationId, reason: 'answered-elsewhere' });
  });
  on('sessionStarted', (session) => {
    const s = bag(session);
    const conversationId = idOf(s);
    if (!isSoftphone(s)) {
      return;
    }
    ctx.watchMedia(session as MediaSession);
    if (conversationId === undefined) {
      return;
    }
    registry.noteStarted(conversationId);
    const direction = registry.direction(conversationId);
    emit({ type: 'call-started', conversationId, ...(direction !== undefined && { direction }) });
  });
  on('sessionEnded', (session, reason) => {
    const s = bag(session);
    const conversationId = idOf(s);
    const condition = bag(reason)['condition'];
    if (conversationId === undefined || !isSoftphone(s)) {
      return;
    }
    if (s['sessionReplacedByReinvite'] === true || condition === 'alternative-session') {
      emit({
        type: 'trace',
        level: 'info',
        message: `media session replaced for ${conversationId}`,
      });
      return;
    }
    if (!registry.noteEnded(conversationId)) {
      return;
    }
    const reason2 = endReason(registry.local(conversationId), condition);
    emit({
      type: 'call-ended',
      conversationId,
      reason: reason2,
      ...(typeof condition === 'string' && { detail: condition.slice(0, 256) }),
    });
  });
  on('conversationUpdate', (update) => {
    const current = bag(update)['current'];
    for (const entry of Array.isArray(current) ? current : []) {
      const fields = mapSdkConversationState(entry);
      if (fields !== null && registry.isKnown(fields.conversationId)) {
        emit({ type: 'call-updated', call: fields });
      }
    }
  });
  on('station', (info) => {
    const station = bag(bag(info)['station']);
    const appearances = station['webRtcCallAppearances'];
    emit({
      type: 'station',
      associated: bag(info)['action'] === 'Associated' && bag(info)['station'] != null,
      persistent:
        station['webRtcPersistentEnabled'] === true && station['type'] === 'inin_webrtc_softphone',
      forceTurn: station['webRtcForceTurn'] === true,
      lineAppearances: typeof appearances === 'number' ? appearances : 1,
      autoAnswer: ctx.autoAnswerAllowed,
    });
  });
  on('trace', (level, message, details) => {
    emit({ type: 'trace', level: traceLevel(level), message: formatTrace(message, details) });
  });
}
