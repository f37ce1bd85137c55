/**
 * Call commands of the softphone port over a narrow view of the SDK: every accept first checks
 * the call is still alerting here, hang-up is bounded (the SDK's endSession waits forever for
 * `sessionEnded`), digits and transfer go through the Platform API. The SDK object is typed
 * structurally, so this runs against a fake in unit tests.
 */
import type { CallEvent } from '../../shared/calls/call-events';
import { bounded, settleWithin } from './bounded';
import type { CallRegistry } from './call-registry';
import * as offered from './offered-calls';
import * as rest from './rest-actions';
import type { PlatformCall } from './rest-actions';
import { findMediaSession, hasPendingSession, userIdOf } from './sdk-internals';
import {
  noCall,
  notPending,
  notStarted,
  SoftphoneError,
  toSoftphoneError,
} from './softphone-error';

/** The SDK methods the commands use (genesys-cloud-webrtc-sdk 9.2.4 public API). */
export interface SdkCalls {
  acceptPendingSession(params: { conversationId: string }): Promise<void>;
  rejectPendingSession(params: { conversationId: string }): Promise<void>;
  endSession(params: { conversationId: string }): Promise<void>;
  forceTerminateSession(sessionId: string): Promise<void>;
  setAudioMute(params: { conversationId: string; mute: boolean }): Promise<void>;
  setConversationHeld(params: { conversationId: string; held: boolean }): Promise<void>;
  startSoftphoneSession(params: { phoneNumber: string }): Promise<{ id: string }>;
}

export const HANGUP_TIMEOUT_MS = 10_000;
const DIAL_NUMBER = /^\+?[0-9 ()*#.-]{2,32}$/;

export async function sdkCall<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toSoftphoneError(error);
  }
}

export class CallCommands {
  constructor(
    private readonly sdk: SdkCalls & object,
    private readonly registry: CallRegistry,
    private readonly emit: (event: CallEvent) => void,
    private readonly request: rest.ApiRequest,
  ) {}

  #requirePending(conversationId: string): void {
    if (!this.registry.isPending(conversationId) || !hasPendingSession(this.sdk, conversationId)) {
      throw notPending(conversationId);
    }
  }

  #requireCall(conversationId: string): void {
    if (findMediaSession(this.sdk, conversationId) === undefined) {
      throw noCall(conversationId);
    }
  }

  /** A call offered from the platform's list whose propose this client still has not got. */
  #offeredOnly(conversationId: string): boolean {
    return (
      this.registry.isOffered(conversationId) &&
      this.registry.isPending(conversationId) &&
      !hasPendingSession(this.sdk, conversationId)
    );
  }

  async answer(conversationId: string): Promise<void> {
    if (this.#offeredOnly(conversationId)) {
      await offered.answer(this.#platform(), conversationId);
      return;
    }
    this.#requirePending(conversationId);
    this.registry.noteLocal(conversationId, 'answer');
    try {
      await this.sdk.acceptPendingSession({ conversationId });
    } catch (error) {
      this.registry.noteLocal(conversationId, undefined);
      throw toSoftphoneError(error);
    }
  }

  async decline(conversationId: string): Promise<void> {
    if (this.#offeredOnly(conversationId)) {
      await offered.decline(this.#platform(), conversationId);
      return;
    }
    this.#requirePending(conversationId);
    this.registry.noteLocal(conversationId, 'decline');
    await sdkCall(() => this.sdk.rejectPendingSession({ conversationId }));
    if (this.registry.noteEnded(conversationId)) {
      this.emit({ type: 'call-ended', conversationId, reason: 'declined' });
    }
  }

  /** See SoftphonePort.offerMissed (offered-calls.ts). */
  offerMissed(call: PlatformCall): boolean {
    return offered.offer(this.#platform(), call);
  }

  #platform(): offered.OfferedContext {
    return {
      registry: this.registry,
      emit: this.emit,
      request: this.request,
      participantId: (id) => this.#participantId(id),
    };
  }

  async hangUp(conversationId: string): Promise<void> {
    if (this.registry.isAwaitingAnswer(conversationId)) {
      return this.decline(conversationId);
    }
    this.#requireCall(conversationId);
    this.registry.noteLocal(conversationId, 'hangup');
    try {
      await bounded(this.sdk.endSession({ conversationId }), HANGUP_TIMEOUT_MS, 'Hang-up');
    } catch (error) {
      const session = findMediaSession(this.sdk, conversationId);
      if (session === undefined) {
        throw toSoftphoneError(error);
      }
      await settleWithin(this.sdk.forceTerminateSession(session.id), 3_000);
    }
  }

  async setMute(conversationId: string, muted: boolean): Promise<void> {
    this.#requireCall(conversationId);
    await sdkCall(() => this.sdk.setAudioMute({ conversationId, mute: muted }));
  }

  async setHold(conversationId: string, held: boolean): Promise<void> {
    this.#requireCall(conversationId);
    await sdkCall(() => this.sdk.setConversationHeld({ conversationId, held }));
  }

  async #participantId(conversationId: string): Promise<string> {
    const known = this.registry.participantId(conversationId);
    if (known !== undefined) {
      return known;
    }
    const userId = userIdOf(this.sdk);
    if (userId === undefined) {
      throw notStarted();
    }
    return rest.lookupParticipantId(this.request, conversationId, userId);
  }

  async sendDigits(conversationId: string, digits: string): Promise<void> {
    const normalised = rest.normaliseDigits(digits);
    await sdkCall(async () => {
      const participantId = await this.#participantId(conversationId);
      await rest.sendDigits(this.request, conversationId, participantId, normalised);
    });
  }

  async blindTransfer(conversationId: string, address: string): Promise<void> {
    const target = rest.normaliseAddress(address);
    await sdkCall(async () => {
      const participantId = await this.#participantId(conversationId);
      await rest.blindTransfer(this.request, conversationId, participantId, target);
    });
  }

  async platformCalls(): Promise<rest.PlatformCall[]> {
    const userId = userIdOf(this.sdk);
    if (userId === undefined) {
      throw notStarted();
    }
    return sdkCall(() => rest.listCalls(this.request, userId));
  }

  /** Leaves a call this client has no media session for; a live session is hung up instead. */
  async abandon(conversationId: string): Promise<void> {
    if (findMediaSession(this.sdk, conversationId) !== undefined) {
      return this.hangUp(conversationId);
    }
    await sdkCall(async () => {
      const participantId = await this.#participantId(conversationId);
      await rest.disconnectParticipant(this.request, conversationId, participantId);
    });
  }

  async dial(number: string): Promise<{ conversationId: string }> {
    const phoneNumber = number.trim();
    if (!DIAL_NUMBER.test(phoneNumber)) {
      throw new SoftphoneError('invalid-argument', 'That does not look like a phone number.');
    }
    const { id } = await sdkCall(() => this.sdk.startSoftphoneSession({ phoneNumber }));
    this.registry.noteDialed(id);
    return { conversationId: id };
  }
}
