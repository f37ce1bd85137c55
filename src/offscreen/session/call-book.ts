/**
 * The calls the offscreen document knows, folded from call events with the shared call tracker,
 * plus what the supervisor derives from them: whether a call is at stake (`active`), whether its
 * media flows (from the softphone's peer-connection health), whether the ringer should sound, and
 * which calls were inherited from a previous offscreen document and still await the truth.
 */
import type { CallEvent } from '../../shared/calls/call-events';
import { isTerminal } from '../../shared/calls/call-fields';
import { pruneCalls, reduceCalls } from '../../shared/calls/call-tracker';
import type { CallSnapshot, SnapshotError } from '../../shared/session/snapshot';
import type { PeerConnectionHealth } from '../softphone/softphone-port';

const MEDIA_UP = new Set(['connected', 'completed']);

export class CallBook {
  #calls: CallSnapshot[] = [];
  readonly #autoAnswered = new Set<string>();
  /** Calls carried over from a previous document, not yet confirmed or refuted. */
  readonly #inherited = new Set<string>();

  list(): CallSnapshot[] {
    return this.#calls;
  }

  get(conversationId: string): CallSnapshot | undefined {
    return this.#calls.find((c) => c.conversationId === conversationId);
  }

  /** Folds one event; true when the list changed. */
  apply(event: CallEvent, now: number, autoAnswerAllowed: boolean): boolean {
    if (event.type === 'call-alerting' && event.call.autoAnswer === true && autoAnswerAllowed) {
      this.#autoAnswered.add(event.call.conversationId);
    }
    const id =
      event.type === 'call-alerting' || event.type === 'call-updated'
        ? event.call.conversationId
        : event.conversationId;
    this.#inherited.delete(id);
    const next = reduceCalls(this.#calls, event, now);
    if (next === this.#calls) {
      return false;
    }
    this.#calls = next;
    this.#forgetGone();
    return true;
  }

  /** A call exists that is not over (alerting, connecting or connected). */
  active(): boolean {
    return this.#calls.some((c) => !isTerminal(c.state));
  }

  /** Calls past alerting and not over: the ones whose media matters. */
  live(): CallSnapshot[] {
    return this.#calls.filter((c) => c.state === 'connecting' || c.state === 'connected');
  }

  /** A live call has a connected peer connection: its audio is worth protecting. */
  mediaHealthy(peers: readonly PeerConnectionHealth[]): boolean {
    return this.live().some((call) =>
      peers.some(
        (p) =>
          p.conversationId === call.conversationId &&
          (p.connectionState === 'connected' || MEDIA_UP.has(p.iceState)),
      ),
    );
  }

  /** This alerting inbound call is to be answered automatically (flagged, and allowed here). */
  autoAnswers(conversationId: string): boolean {
    const call = this.get(conversationId);
    return (
      call?.state === 'alerting' &&
      call.direction === 'inbound' &&
      this.#autoAnswered.has(conversationId)
    );
  }

  /** An inbound call is alerting and will not be answered automatically. */
  ringing(): boolean {
    return this.#calls.some(
      (c) =>
        c.state === 'alerting' &&
        c.direction === 'inbound' &&
        !this.#autoAnswered.has(c.conversationId),
    );
  }

  /** Takes over the live calls of a previous document; they await `settle`. */
  inherit(calls: readonly CallSnapshot[]): void {
    for (const call of calls) {
      if (isTerminal(call.state) || this.get(call.conversationId) !== undefined) {
        continue;
      }
      this.#calls = [...this.#calls, call];
      this.#inherited.add(call.conversationId);
    }
  }

  inherited(): string[] {
    return [...this.#inherited];
  }

  /** Ends an inherited (or any) call with the given terminal state; true when it changed. */
  settle(
    conversationId: string,
    state: 'ended' | 'missed' | 'failed',
    now: number,
    error?: SnapshotError,
  ): boolean {
    this.#inherited.delete(conversationId);
    const call = this.get(conversationId);
    if (call === undefined || isTerminal(call.state)) {
      return false;
    }
    const ended: CallSnapshot = { ...call, state, endedAt: now };
    this.#calls = pruneCalls(
      this.#calls.map((c) =>
        c === call ? (error === undefined ? ended : { ...ended, error }) : c,
      ),
      now,
    );
    this.#forgetGone();
    return true;
  }

  /** Confirms an inherited call as still live here. */
  confirm(conversationId: string): void {
    this.#inherited.delete(conversationId);
  }

  #forgetGone(): void {
    for (const id of this.#autoAnswered) {
      const call = this.get(id);
      if (call === undefined || isTerminal(call.state)) {
        this.#autoAnswered.delete(id);
      }
    }
  }
}
