/**
 * FakeSoftphone: an in-memory SoftphonePort with scripting hooks, for supervisor and UI tests.
 * It follows the adapter's contract (idle/started lifecycle, 'not-pending' on stale answers,
 * bounded start and destroy, call events in the SDK's order) and logs every method invoked.
 * Timers are plain setTimeout, so vitest fake timers drive the hung/timeout paths.
 */
import type { CallFields, CallEvent } from '../../shared/calls/call-events';
import { SoftphoneError } from '../../offscreen/softphone/softphone-error';
import type {
  AudioDevice,
  DeviceSelection,
  MediaStats,
  PlatformCall,
  SignallingHealth,
  SoftphoneConfig,
  SoftphoneEvent,
  SoftphonePort,
} from '../../offscreen/softphone/softphone-port';

export interface Invocation {
  method: keyof SoftphonePort;
  args: unknown[];
}

type CallPhase = 'alerting' | 'live' | 'ended';

const DEFAULT_DEVICES: AudioDevice[] = [
  { deviceId: 'default', kind: 'audioinput', label: 'Default microphone', groupId: 'g1' },
  { deviceId: 'default', kind: 'audiooutput', label: 'Default speaker', groupId: 'g1' },
];

export class FakeSoftphone implements SoftphonePort {
  readonly invocations: Invocation[] = [];
  config: SoftphoneConfig | undefined;
  accessToken: string | undefined;
  backoffClears = 0;
  devices: AudioDevice[] = [...DEFAULT_DEVICES];
  /** When true (default), answering reports media connected right away. */
  autoMedia = true;
  /** What `platformCalls()` answers; null makes it reject as a network failure. */
  platform: PlatformCall[] | null = [];

  readonly #listeners = new Set<(event: SoftphoneEvent) => void>();
  readonly #calls = new Map<string, { phase: CallPhase; direction: 'inbound' | 'outbound' }>();
  #started = false;
  #connected = false;
  #nextStartError: Error | undefined;
  #hangStart = false;
  #hangDestroy = false;
  #probe: number | 'timeout' = 5;
  #nextReconnectError: Error | undefined;
  #nextDevicesError: Error | undefined;
  #abortStart: ((error: Error) => void) | undefined;
  #health: Partial<SignallingHealth> = {};
  #stats = new Map<string, MediaStats>();
  #dialed = 0;

  // ── scripting ────────────────────────────────────────────────────────────────────────────
  get started(): boolean {
    return this.#started;
  }

  failNextStart(error: Error): void {
    this.#nextStartError = error;
  }
  /** The next start() hangs until its startTimeoutMs (default 30 s) or destroy(). */
  hangStart(): void {
    this.#hangStart = true;
  }
  /** The next destroy() takes its whole timeout before resolving. */
  hangDestroy(): void {
    this.#hangDestroy = true;
  }
  setProbeResult(result: number | 'timeout'): void {
    this.#probe = result;
  }
  failNextReconnect(error: Error): void {
    this.#nextReconnectError = error;
  }
  failNextSetDevices(error: Error): void {
    this.#nextDevicesError = error;
  }
  setHealth(health: Partial<SignallingHealth>): void {
    this.#health = health;
  }
  setMediaStats(stats: MediaStats): void {
    this.#stats.set(stats.conversationId, stats);
  }

  /** Emits any event as the softphone would. */
  emit(event: SoftphoneEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // Listener failures stay with the listener, as in the adapter.
      }
    }
  }

  emitAlerting(call: Partial<CallFields> & { conversationId: string }, autoAnswer = false): void {
    const direction = call.direction ?? 'inbound';
    this.#calls.set(call.conversationId, { phase: 'alerting', direction });
    this.emit({ type: 'call-alerting', call: { ...call, direction, autoAnswer } });
  }
  emitCancelled(conversationId: string): void {
    this.#end(conversationId);
    this.emit({ type: 'call-cancelled', conversationId });
  }
  emitRemoteHangUp(conversationId: string): void {
    this.#endWith(conversationId, 'remote-hangup');
  }
  emitDisconnected(options: { reconnecting?: boolean } = {}): void {
    this.#connected = false;
    this.emit({ type: 'disconnected', reconnecting: options.reconnecting ?? true });
  }
  emitConnected(options: { reconnect?: boolean } = {}): void {
    this.#connected = true;
    this.emit({ type: 'connected', reconnect: options.reconnect ?? true });
  }
  emitCallEvent(event: CallEvent): void {
    this.emit(event);
  }

  // ── port ─────────────────────────────────────────────────────────────────────────────────
  #log(method: keyof SoftphonePort, ...args: unknown[]): void {
    this.invocations.push({ method, args });
  }

  /** The invocations of one method, in order. */
  calls(method: keyof SoftphonePort): unknown[][] {
    return this.invocations.filter((i) => i.method === method).map((i) => i.args);
  }

  #require(): void {
    if (!this.#started) {
      throw new SoftphoneError('invalid-state', 'The softphone is not started.');
    }
  }

  #end(conversationId: string): boolean {
    const call = this.#calls.get(conversationId);
    if (call === undefined || call.phase === 'ended') {
      return false;
    }
    call.phase = 'ended';
    return true;
  }

  #endWith(
    conversationId: string,
    reason: 'local-hangup' | 'remote-hangup' | 'declined' | 'shutdown',
  ) {
    if (this.#end(conversationId)) {
      this.emit({ type: 'call-ended', conversationId, reason });
    }
  }

  #connect(conversationId: string): void {
    const call = this.#calls.get(conversationId);
    if (call === undefined) {
      return;
    }
    call.phase = 'live';
    this.emit({ type: 'call-started', conversationId, direction: call.direction });
    if (this.autoMedia) {
      this.emit({ type: 'call-media', conversationId, connectionState: 'connected' });
    }
  }

  async start(config: SoftphoneConfig): Promise<void> {
    this.#log('start', config);
    if (this.#started) {
      throw new SoftphoneError('invalid-state', 'The softphone is already started.');
    }
    this.#started = true;
    this.config = config;
    this.accessToken = config.accessToken;
    const error = this.#nextStartError;
    this.#nextStartError = undefined;
    if (error !== undefined) {
      this.#started = false;
      throw error;
    }
    const hang = this.#hangStart;
    this.#hangStart = false;
    if (hang) {
      await new Promise<never>((_resolve, reject) => {
        const timer = setTimeout(() => {
          this.#started = false;
          reject(new SoftphoneError('timeout', 'Softphone start did not finish in time'));
        }, config.startTimeoutMs ?? 30_000);
        this.#abortStart = (e) => {
          clearTimeout(timer);
          reject(e);
        };
      });
    }
    this.emitConnected({ reconnect: false });
    this.emit({ type: 'ready' });
  }

  async destroy(timeoutMs: number): Promise<void> {
    this.#log('destroy', timeoutMs);
    if (!this.#started) {
      return;
    }
    this.#started = false;
    this.#connected = false;
    this.#abortStart?.(
      new SoftphoneError('invalid-state', 'The softphone was destroyed while starting.'),
    );
    this.#abortStart = undefined;
    const hang = this.#hangDestroy;
    this.#hangDestroy = false;
    if (hang) {
      await new Promise((resolve) => setTimeout(resolve, timeoutMs));
    }
    for (const [id, call] of this.#calls) {
      if (call.phase !== 'ended') {
        this.#endWith(id, 'shutdown');
      }
    }
    this.#calls.clear();
  }

  subscribe(listener: (event: SoftphoneEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  setAccessToken(token: string): void {
    this.#log('setAccessToken', token);
    if (this.#started) {
      this.accessToken = token;
    }
  }

  async answer(conversationId: string): Promise<void> {
    this.#log('answer', conversationId);
    this.#require();
    if (this.#calls.get(conversationId)?.phase !== 'alerting') {
      throw new SoftphoneError('not-pending', `Call ${conversationId} is not pending any more.`);
    }
    this.#connect(conversationId);
  }

  async decline(conversationId: string): Promise<void> {
    this.#log('decline', conversationId);
    this.#require();
    if (this.#calls.get(conversationId)?.phase !== 'alerting') {
      throw new SoftphoneError('not-pending', `Call ${conversationId} is not pending any more.`);
    }
    this.#endWith(conversationId, 'declined');
  }

  #requireLive(conversationId: string): void {
    this.#require();
    if (this.#calls.get(conversationId)?.phase !== 'live') {
      throw new SoftphoneError('no-call', `No call ${conversationId} on this softphone.`);
    }
  }

  async hangUp(conversationId: string): Promise<void> {
    this.#log('hangUp', conversationId);
    this.#require();
    if (this.#calls.get(conversationId)?.phase === 'alerting') {
      this.#endWith(conversationId, 'declined');
      return;
    }
    this.#requireLive(conversationId);
    this.#endWith(conversationId, 'local-hangup');
  }

  async setMute(conversationId: string, muted: boolean): Promise<void> {
    this.#log('setMute', conversationId, muted);
    this.#requireLive(conversationId);
    this.emit({ type: 'call-updated', call: { conversationId, muted } });
  }

  async setHold(conversationId: string, held: boolean): Promise<void> {
    this.#log('setHold', conversationId, held);
    this.#requireLive(conversationId);
    this.emit({ type: 'call-updated', call: { conversationId, held } });
  }

  async sendDigits(conversationId: string, digits: string): Promise<void> {
    this.#log('sendDigits', conversationId, digits);
    this.#requireLive(conversationId);
  }

  async dial(number: string): Promise<{ conversationId: string }> {
    this.#log('dial', number);
    this.#require();
    const conversationId = `fake-outbound-${++this.#dialed}`;
    this.emitAlerting({ conversationId, direction: 'outbound', remote: { number } }, true);
    this.#connect(conversationId);
    return { conversationId };
  }

  async blindTransfer(conversationId: string, address: string): Promise<void> {
    this.#log('blindTransfer', conversationId, address);
    this.#requireLive(conversationId);
    this.#endWith(conversationId, 'remote-hangup');
  }

  async platformCalls(): Promise<PlatformCall[]> {
    this.#log('platformCalls');
    this.#require();
    if (this.platform === null) {
      throw new SoftphoneError('network', 'The Platform API cannot be reached.');
    }
    return this.platform.map((call) => ({ ...call }));
  }

  offerMissed(call: PlatformCall): boolean {
    this.#log('offerMissed', call.conversationId);
    this.#require();
    if (this.#calls.has(call.conversationId)) {
      return false;
    }
    this.emitAlerting({
      ...call.fields,
      conversationId: call.conversationId,
      direction: 'inbound',
    });
    return true;
  }

  async abandon(conversationId: string): Promise<void> {
    this.#log('abandon', conversationId);
    this.#require();
    if (this.#calls.get(conversationId)?.phase === 'live') {
      this.#endWith(conversationId, 'local-hangup');
    }
    this.platform = this.platform?.filter((c) => c.conversationId !== conversationId) ?? null;
  }

  async restoreMicrophone(conversationId: string): Promise<void> {
    this.#log('restoreMicrophone', conversationId);
    this.#require();
  }

  async setDevices(selection: DeviceSelection): Promise<void> {
    this.#log('setDevices', selection);
    this.#require();
    const error = this.#nextDevicesError;
    this.#nextDevicesError = undefined;
    if (error !== undefined) {
      throw error;
    }
  }

  async listDevices(): Promise<AudioDevice[]> {
    this.#log('listDevices');
    return [...this.devices];
  }

  async getMediaStats(conversationId: string): Promise<MediaStats | null> {
    this.#log('getMediaStats', conversationId);
    this.#require();
    const scripted = this.#stats.get(conversationId);
    if (scripted !== undefined) {
      return scripted;
    }
    if (this.#calls.get(conversationId)?.phase !== 'live') {
      return null;
    }
    return {
      conversationId,
      at: Date.now(),
      bytesSent: 0,
      bytesReceived: 0,
      packetsSent: 0,
      packetsReceived: 0,
      packetsLost: 0,
      iceState: 'connected',
      connectionState: 'connected',
    };
  }

  health(): SignallingHealth {
    this.#log('health');
    const live = [...this.#calls].filter(([, c]) => c.phase === 'live');
    return {
      connected: this.#started && this.#connected,
      socketOpen: this.#started && this.#connected,
      peerConnections: live.map(([conversationId]) => ({
        conversationId,
        iceState: 'connected',
        connectionState: 'connected',
      })),
      ...this.#health,
    };
  }

  async probe(timeoutMs: number): Promise<number> {
    this.#log('probe', timeoutMs);
    this.#require();
    const result = this.#probe;
    if (result !== 'timeout') {
      return result;
    }
    await new Promise((resolve) => setTimeout(resolve, timeoutMs));
    throw new SoftphoneError('timeout', `XMPP ping did not finish within ${timeoutMs} ms`);
  }

  async reconnectSignalling(timeoutMs?: number): Promise<void> {
    this.#log('reconnectSignalling', timeoutMs);
    this.#require();
    const error = this.#nextReconnectError;
    this.#nextReconnectError = undefined;
    this.emitDisconnected({ reconnecting: true });
    if (error !== undefined) {
      throw error;
    }
    this.emitConnected({ reconnect: true });
  }

  clearBackoffMemory(): void {
    this.#log('clearBackoffMemory');
    this.backoffClears++;
  }
}
