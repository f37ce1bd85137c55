/**
 * Reports each call's RTCPeerConnection state as `call-media` events. SDP-over-XMPP sessions in
 * SDK 9.2.4 emit no connection-state events of their own, so the peer connection is watched
 * directly; a persistent connection's session is reported under whichever conversation it
 * carries at the time.
 */
import {
  MEDIA_STATES,
  type CallEvent,
  type MediaConnectionState,
} from '../../shared/calls/call-events';
import type { MediaSession } from './sdk-internals';

const KNOWN = new Set<string>(MEDIA_STATES);

export class MediaWatch {
  readonly #emit: (event: CallEvent) => void;
  readonly #watched = new Map<MediaSession, () => void>();

  constructor(emit: (event: CallEvent) => void) {
    this.#emit = emit;
  }

  #report(session: MediaSession): void {
    const state = session.peerConnection.connectionState;
    if (session.conversationId === undefined || !KNOWN.has(state)) {
      return;
    }
    this.#emit({
      type: 'call-media',
      conversationId: session.conversationId,
      connectionState: state as MediaConnectionState,
    });
  }

  /** Starts watching (once per session) and reports the current state right away. */
  watch(session: MediaSession): void {
    if (!this.#watched.has(session)) {
      const pc = session.peerConnection;
      const listener = () => {
        this.#report(session);
        if (pc.connectionState === 'closed') {
          this.#unwatch(session);
        }
      };
      pc.addEventListener('connectionstatechange', listener);
      this.#watched.set(session, () => pc.removeEventListener('connectionstatechange', listener));
    }
    const state = session.peerConnection.connectionState;
    if (state !== 'new' && state !== 'closed') {
      this.#report(session);
    }
  }

  #unwatch(session: MediaSession): void {
    this.#watched.get(session)?.();
    this.#watched.delete(session);
  }

  clear(): void {
    for (const session of [...this.#watched.keys()]) {
      this.#unwatch(session);
    }
  }
}
