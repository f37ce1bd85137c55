/**
 * GenesysSoftphone: the SoftphonePort over genesys-cloud-webrtc-sdk 9.2.4, and the only module
 * that imports the SDK (its self-contained ES bundle, see sdk-bundle.d.ts). It owns the instance's
 * lifecycle; SDK events are mapped in sdk-events.ts and streaming-tap.ts, calls in
 * call-commands.ts, devices in devices.ts, private fields are reached only through
 * sdk-internals.ts and signalling-control.ts. Remote audio plays in one <audio> element.
 */
import GenesysCloudWebrtcSdk, {
  SessionTypes,
  utils,
} from 'genesys-cloud-webrtc-sdk/dist/es/index.bundle.js';
import type { ISdkConfig } from 'genesys-cloud-webrtc-sdk';
import sdkPackage from 'genesys-cloud-webrtc-sdk/package.json' with { type: 'json' };
import type { RawStat } from '../../shared/diagnostics';
import type { DiagnosticsAccess, DiscoveredIceServer } from '../diagnostics/access';
import { bounded, settleWithin } from './bounded';
import { CallCommands, sdkCall } from './call-commands';
import { CallRegistry } from './call-registry';
import { restoreLiveAudio, startDefaults, switchDevices, toAudioDevices } from './devices';
import { MediaWatch } from './media-watch';
import type { ApiRequest } from './rest-actions';
import { honouringRateLimits } from './rest-throttle';
import * as records from './participant-records';
import * as internals from './sdk-internals';
import { sdkOptions } from './sdk-options';
import { wireSdkEvents, type SdkEventSource } from './sdk-events';
import * as signalling from './signalling-control';
import { notStarted, SoftphoneError, toSoftphoneError } from './softphone-error';
import type * as port from './softphone-port';
import { iceServersOf, mediaStatsOf, rawStatsOf } from './sdk-stats';
import { ignoredTrace, tapStreaming } from './streaming-tap';
import { createTraceLogger } from './trace';

const DEFAULT_START_TIMEOUT_MS = 30_000;

/** The SDK as installed (its bundle's own VERSION is an unreplaced placeholder). */
const SDK_VERSION: string = sdkPackage.version;
const RECONNECT_TIMEOUT_MS = 20_000;

export interface GenesysSoftphoneOptions {
  /** Where remote audio plays; created in document.body when absent. */
  audioElement?: HTMLAudioElement;
  /** Where the streaming client keeps its backoff memory (sessionStorage by default). */
  storage?: Storage;
  /** Runs on every connected streaming client (extra topic subscriptions); returns a detach. */
  onStreaming?: (client: internals.StreamingClient, userId: string | undefined) => () => void;
}

interface Live {
  sdk: GenesysCloudWebrtcSdk;
  commands: CallCommands;
  media: MediaWatch;
  detach: (() => void)[];
}

export class GenesysSoftphone implements port.SoftphonePort, DiagnosticsAccess {
  readonly #listeners = new Set<(event: port.SoftphoneEvent) => void>();
  readonly #registry = new CallRegistry();
  readonly #options: GenesysSoftphoneOptions;
  readonly sdkVersion = SDK_VERSION;
  #live: Live | undefined;
  #generation = 0;
  #lastInboundAt: number | undefined;
  #audio: HTMLAudioElement | undefined;

  constructor(options: GenesysSoftphoneOptions = {}) {
    this.#options = options;
  }

  subscribe(listener: (event: port.SoftphoneEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(event: port.SoftphoneEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // A failing listener must not stop the others or the SDK's own handlers.
      }
    }
  }

  #require(): Live {
    if (this.#live === undefined) {
      throw notStarted();
    }
    return this.#live;
  }

  #audioElement(): HTMLAudioElement {
    if (this.#audio === undefined) {
      this.#audio = this.#options.audioElement ?? document.body.appendChild(new Audio());
      this.#audio.autoplay = true;
    }
    return this.#audio;
  }

  #storage(): Storage | undefined {
    return this.#options.storage ?? globalThis.sessionStorage;
  }

  #sdkOptions(config: port.SoftphoneConfig, emit: (e: port.SoftphoneEvent) => void): ISdkConfig {
    const logger = createTraceLogger(config.logLevel, (level, message) =>
      emit({ type: 'trace', level, message }),
    );
    const options = sdkOptions(config, logger, this.#audioElement());
    const defaults = { ...options.defaults, ...startDefaults(config.devices) };
    // Same shape; the SDK's types name its own logger class and session-type enum.
    const all = { ...options, defaults, allowedSessionTypes: [SessionTypes.softphone] };
    return all as unknown as ISdkConfig;
  }

  #request(sdk: GenesysCloudWebrtcSdk): ApiRequest {
    return honouringRateLimits(async (path, method, body) => {
      const options = { method, ...(body !== undefined && { data: JSON.stringify(body) }) };
      const response = (await utils.requestApi.call(sdk, path, options)) as { data?: unknown };
      return response.data;
    });
  }

  async start(config: port.SoftphoneConfig): Promise<void> {
    if (this.#live !== undefined) {
      throw new SoftphoneError('invalid-state', 'The softphone is already started.');
    }
    const generation = ++this.#generation;
    const emit = (event: port.SoftphoneEvent) => {
      if (generation === this.#generation) {
        this.#emit(event);
      }
    };
    const sdk = await sdkCall(
      async () => new GenesysCloudWebrtcSdk(this.#sdkOptions(config, emit)),
    );
    const media = new MediaWatch(emit);
    const commands = new CallCommands(sdk, this.#registry, emit, this.#request(sdk));
    const live: Live = { sdk, commands, media, detach: [] };
    this.#live = live;
    wireSdkEvents(sdk as unknown as SdkEventSource, {
      emit,
      registry: this.#registry,
      autoAnswerAllowed: config.autoAnswerAllowed,
      reconnecting: () => internals.streamingClientOf(sdk)?.autoReconnect ?? false,
      onConnected: () => this.#tap(live, emit),
      watchMedia: (session) => media.watch(session),
      acceptNow: (conversationId) => {
        this.#registry.noteLocal(conversationId, 'answer');
        sdk.acceptPendingSession({ conversationId }).catch((error: unknown) => {
          const e = toSoftphoneError(error);
          emit({
            type: 'error',
            reason: e.reason,
            code: e.code,
            message: e.message,
            conversationId,
          });
        });
      },
    });
    try {
      const timeout = config.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
      await bounded(sdk.initialize(), timeout, 'Softphone start');
    } catch (error) {
      if (this.#live === live) {
        await this.#teardown(live, 5_000);
      }
      throw toSoftphoneError(error);
    }
    if (this.#live !== live) {
      throw new SoftphoneError('invalid-state', 'The softphone was destroyed while starting.');
    }
  }

  #tap(live: Live, emit: (e: port.SoftphoneEvent) => void): void {
    const client = internals.streamingClientOf(live.sdk);
    if (client === undefined) {
      return;
    }
    const detach = tapStreaming(client, internals.userIdOf(live.sdk), {
      registry: this.#registry,
      media: live.media,
      emit,
      onInbound: (at) => {
        if (this.#live === live) {
          this.#lastInboundAt = at;
        }
      },
      ignored: (reason, conversationId) => emit(ignoredTrace(reason, conversationId)),
    });
    live.detach.push(detach);
    const extra = this.#options.onStreaming?.(client, internals.userIdOf(live.sdk));
    if (extra) {
      live.detach.push(extra);
    }
  }

  async destroy(timeoutMs: number): Promise<void> {
    if (this.#live !== undefined) {
      await this.#teardown(this.#live, timeoutMs);
    }
  }

  /** Bounded teardown; afterwards nothing of this SDK instance runs or reports any more. */
  async #teardown(live: Live, timeoutMs: number): Promise<void> {
    this.#live = undefined;
    const { sdk } = live;
    const calls = this.#registry.liveConversations();
    calls.forEach((id) => this.#registry.noteLocal(id, 'shutdown'));
    if (!(await settleWithin(sdk.destroy(), timeoutMs))) {
      this.#emit({
        type: 'trace',
        level: 'warn',
        message: `SDK destroy() exceeded ${timeoutMs} ms`,
      });
      void settleWithin(
        Promise.resolve().then(() => sdk.disconnect()),
        1_000,
      );
    }
    signalling.haltStreaming(internals.streamingClientOf(sdk));
    for (const id of calls) {
      if (this.#registry.noteEnded(id)) {
        this.#emit({ type: 'call-ended', conversationId: id, reason: 'shutdown' });
      }
    }
    live.detach.forEach((detach) => detach());
    live.media.clear();
    this.#registry.clear();
    if (this.#audio !== undefined) {
      this.#audio.srcObject = null;
    }
    this.#lastInboundAt = undefined;
    this.#generation++;
  }

  setAccessToken(token: string): void {
    this.#live?.sdk.setAccessToken(token);
  }

  answer = async (id: string) => this.#require().commands.answer(id);
  decline = async (id: string) => this.#require().commands.decline(id);
  hangUp = async (id: string) => this.#require().commands.hangUp(id);
  setMute = async (id: string, muted: boolean) => this.#require().commands.setMute(id, muted);
  setHold = async (id: string, held: boolean) => this.#require().commands.setHold(id, held);
  sendDigits = async (id: string, digits: string) =>
    this.#require().commands.sendDigits(id, digits);
  dial = async (number: string) => this.#require().commands.dial(number);
  blindTransfer = async (id: string, address: string) =>
    this.#require().commands.blindTransfer(id, address);
  platformCalls = async () => this.#require().commands.platformCalls();
  offerMissed = (call: port.PlatformCall) => this.#require().commands.offerMissed(call);
  abandon = async (id: string) => this.#require().commands.abandon(id);

  async setDevices(selection: port.DeviceSelection): Promise<void> {
    await switchDevices(this.#require().sdk, this.#audioElement(), selection);
  }

  async restoreMicrophone(conversationId: string): Promise<void> {
    await restoreLiveAudio(this.#require().sdk, conversationId, () => this.listDevices());
  }

  async listDevices(): Promise<port.AudioDevice[]> {
    return sdkCall(async () => toAudioDevices(await navigator.mediaDevices.enumerateDevices()));
  }

  getMediaStats(conversationId: string): Promise<port.MediaStats | null> {
    return mediaStatsOf(this.#require().sdk, conversationId);
  }

  /** For diagnostics: the discovered ICE servers, asked again first when `refresh` (bounded). */
  iceServers(refresh: boolean, timeoutMs: number): Promise<DiscoveredIceServer[]> {
    return iceServersOf(this.#require().sdk, refresh, timeoutMs);
  }

  /** For diagnostics: the call's raw getStats() entries (quality and the selected ICE pair). */
  rawStats(conversationId: string): Promise<RawStat[] | null> {
    return rawStatsOf(this.#require().sdk, conversationId);
  }

  /** Interaction records: Platform API calls on the conversation's participants. */
  readonly records: port.ParticipantRecords = {
    agentOnCall: (id) =>
      this.#onParticipants((request, user) => records.agentOnCall(request, id, user)),
    writeAttributes: (id, attributes) =>
      this.#onParticipants((request, user) =>
        records.writeAttributes(request, id, user, attributes),
      ),
    wrapupCodes: (id) =>
      this.#onParticipants((request, user) => records.wrapupCodes(request, id, user)),
    submitWrapup: (id, wrapup) =>
      this.#onParticipants((request, user) => records.submitWrapup(request, id, user, wrapup)),
  };

  async #onParticipants<T>(work: (request: ApiRequest, userId: string) => Promise<T>): Promise<T> {
    const { sdk } = this.#require();
    const userId = internals.userIdOf(sdk);
    if (userId === undefined) {
      throw notStarted();
    }
    return sdkCall(() => work(this.#request(sdk), userId));
  }

  health(): port.SignallingHealth {
    if (this.#live === undefined) {
      return { connected: false, socketOpen: false, peerConnections: [] };
    }
    const { sdk } = this.#live;
    const sessions = internals
      .mediaSessionsOf(sdk)
      .filter((s) => s.state !== 'ended' && s.peerConnection.connectionState !== 'closed');
    const client = internals.streamingClientOf(sdk);
    return signalling.signallingHealth(client, sessions, this.#lastInboundAt);
  }

  async probe(timeoutMs: number): Promise<number> {
    return signalling.pingOnce(internals.streamingClientOf(this.#require().sdk), timeoutMs);
  }

  async reconnectSignalling(timeoutMs = RECONNECT_TIMEOUT_MS): Promise<void> {
    const client = internals.streamingClientOf(this.#require().sdk);
    if (client === undefined) {
      throw notStarted();
    }
    await sdkCall(() => signalling.reconnectNow(client, { timeoutMs, storage: this.#storage() }));
  }

  clearBackoffMemory(): void {
    const client = this.#live && internals.streamingClientOf(this.#live.sdk);
    signalling.clearBackoffMemory(this.#storage(), client);
  }
}
