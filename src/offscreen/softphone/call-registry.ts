/**
 * What the adapter remembers per conversation, beside the SDK: whether it is still pending here,
 * what this client did to it (so "handled" and "ended" events get the right reason), the latest
 * platform fields, and the agent's participant id for REST call control. Bounded in size.
 */
import type { CallDirection, CallFields } from '../../shared/calls/call-events';
import { isEndedCallState, isPendingCallState } from './conversation-map';

export type LocalAction = 'answer' | 'decline' | 'hangup' | 'auto-answer' | 'shutdown';

interface Entry {
  fields: CallFields;
  participantId?: string;
  pending: boolean;
  started: boolean;
  ended: boolean;
  dialed: boolean;
  /** Offered from the platform's list: this client never got its propose. */
  offered: boolean;
  local?: LocalAction;
}

const MAX_ENTRIES = 64;

export class CallRegistry {
  readonly #entries = new Map<string, Entry>();

  #entry(conversationId: string): Entry {
    let entry = this.#entries.get(conversationId);
    if (entry === undefined) {
      entry = {
        fields: { conversationId },
        pending: false,
        started: false,
        ended: false,
        dialed: false,
        offered: false,
      };
      this.#entries.set(conversationId, entry);
      this.#evict();
    }
    return entry;
  }

  #evict(): void {
    for (const [id, entry] of this.#entries) {
      if (this.#entries.size <= MAX_ENTRIES) {
        return;
      }
      if (entry.ended || (!entry.pending && !entry.started)) {
        this.#entries.delete(id);
      }
    }
  }

  /** Latest platform fields (raw notification), kept even before the call is ours. */
  noteFields(fields: CallFields, participantId?: string): void {
    const entry = this.#entry(fields.conversationId);
    entry.fields = { ...entry.fields, ...fields };
    if (participantId !== undefined) {
      entry.participantId = participantId;
    }
  }

  notePending(conversationId: string): void {
    const entry = this.#entry(conversationId);
    if (!entry.started && !entry.ended) {
      entry.pending = true;
    }
  }

  /** An alerting call found on the platform whose propose never reached this client. */
  noteOffered(fields: CallFields, participantId?: string): void {
    this.noteFields(fields, participantId);
    this.notePending(fields.conversationId);
    this.#entry(fields.conversationId).offered = true;
  }

  isOffered(conversationId: string): boolean {
    return this.#entries.get(conversationId)?.offered === true;
  }

  noteDialed(conversationId: string): void {
    this.#entry(conversationId).dialed = true;
  }

  noteLocal(conversationId: string, action: LocalAction | undefined): void {
    const entry = this.#entry(conversationId);
    if (action === undefined) {
      delete entry.local;
    } else {
      entry.local = action;
    }
  }

  noteStarted(conversationId: string): void {
    const entry = this.#entry(conversationId);
    entry.pending = false;
    entry.started = true;
  }

  /** Marks the call over; true only the first time (so "ended" is emitted once). */
  noteEnded(conversationId: string): boolean {
    const entry = this.#entry(conversationId);
    const first = !entry.ended;
    entry.pending = false;
    entry.ended = true;
    return first;
  }

  /** The pending flag cleared without ending (answered here, or by another client). */
  notHandledHere(conversationId: string): void {
    this.#entry(conversationId).pending = false;
  }

  /** A propose this client has not answered, declined or seen end (platform state ignored). */
  isAwaitingAnswer(conversationId: string): boolean {
    const entry = this.#entries.get(conversationId);
    return entry !== undefined && entry.pending && !entry.ended;
  }

  /** Still alerting here: a propose we have not acted on, and no platform state saying otherwise. */
  isPending(conversationId: string): boolean {
    const entry = this.#entries.get(conversationId);
    if (entry === undefined || !entry.pending || entry.ended) {
      return false;
    }
    const state = entry.fields.state;
    return state === undefined || isPendingCallState(state);
  }

  /** A call this softphone is involved in (proposed, dialed or started), ended or not. */
  isKnown(conversationId: string): boolean {
    const entry = this.#entries.get(conversationId);
    return entry !== undefined && (entry.pending || entry.started || entry.dialed || entry.ended);
  }

  isLive(conversationId: string): boolean {
    const entry = this.#entries.get(conversationId);
    return entry !== undefined && !entry.ended && !isEndedCallState(entry.fields.state);
  }

  fields(conversationId: string): CallFields {
    return this.#entries.get(conversationId)?.fields ?? { conversationId };
  }

  direction(conversationId: string): CallDirection | undefined {
    const entry = this.#entries.get(conversationId);
    return entry?.dialed === true ? 'outbound' : entry?.fields.direction;
  }

  local(conversationId: string): LocalAction | undefined {
    return this.#entries.get(conversationId)?.local;
  }

  participantId(conversationId: string): string | undefined {
    return this.#entries.get(conversationId)?.participantId;
  }

  /** Calls proposed or started here and not over yet. */
  liveConversations(): string[] {
    return [...this.#entries]
      .filter(([, e]) => !e.ended && (e.pending || e.started))
      .map(([id]) => id);
  }

  clear(): void {
    this.#entries.clear();
  }
}
