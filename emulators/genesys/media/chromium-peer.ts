/**
 * Media peers as RTCPeerConnections in a headless Chromium page the emulator controls with
 * playwright-core. The browser is launched on first use (or an existing context is borrowed, so a
 * test can run the SDK and the peers in one browser).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../../e2e/support/chromium';
import type { MediaPeer, MediaPeerFactory, PeerOptions, PeerStats } from './peer';
import { PEER_PAGE_PATH } from './peer-page';

interface EmuApi {
  create(id: string, echo: boolean): Promise<string>;
  answer(id: string, sdp: string): Promise<void>;
  candidate(id: string, c: { candidate: string; sdpMid: string }): Promise<void>;
  sending(id: string, on: boolean): Promise<void>;
  stats(id: string): Promise<PeerStats | null>;
  close(id: string): void;
}

interface EmuWindow {
  emu: EmuApi;
}

class ChromiumPeer implements MediaPeer {
  constructor(
    readonly id: string,
    private readonly page: Page,
    private readonly echo = false,
  ) {}

  createOffer(): Promise<string> {
    return this.page.evaluate(
      ([id, echo]) => (window as unknown as EmuWindow).emu.create(id, echo),
      [this.id, this.echo] as const,
    );
  }

  setAnswer(sdp: string): Promise<void> {
    return this.page.evaluate(([id, s]) => (window as unknown as EmuWindow).emu.answer(id, s), [
      this.id,
      sdp,
    ] as const);
  }

  addCandidate(c: { candidate: string; sdpMid: string }): Promise<void> {
    return this.page.evaluate(
      ([id, cand]) => (window as unknown as EmuWindow).emu.candidate(id, cand),
      [this.id, c] as const,
    );
  }

  setSending(on: boolean): Promise<void> {
    return this.page.evaluate(([id, v]) => (window as unknown as EmuWindow).emu.sending(id, v), [
      this.id,
      on,
    ] as const);
  }

  async stats(): Promise<PeerStats> {
    const stats = await this.page.evaluate(
      (id) => (window as unknown as EmuWindow).emu.stats(id),
      this.id,
    );
    return (
      stats ?? {
        connectionState: 'closed',
        packetsReceived: 0,
        bytesReceived: 0,
        packetsSent: 0,
        bytesSent: 0,
        receiveRate: 0,
        sendRate: 0,
        sending: false,
      }
    );
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) {
      await this.page.evaluate((id) => (window as unknown as EmuWindow).emu.close(id), this.id);
    }
  }
}

export class ChromiumMediaPeers implements MediaPeerFactory {
  readonly kind = 'chromium';
  readonly realMedia = true;
  #page: Promise<Page> | undefined;
  #owned: BrowserContext | undefined;

  constructor(
    private readonly baseUrl: () => string,
    private readonly borrowed?: BrowserContext,
  ) {}

  async create(id: string, options: PeerOptions = {}): Promise<MediaPeer> {
    return new ChromiumPeer(id, await this.#ensurePage(), options.echo ?? false);
  }

  #ensurePage(): Promise<Page> {
    this.#page ??= (async () => {
      let context = this.borrowed;
      if (!context) {
        this.#owned = await launchChromium();
        context = this.#owned;
      }
      const page = await context.newPage();
      await page.goto(`${this.baseUrl()}${PEER_PAGE_PATH}`);
      await page.waitForFunction(
        () => (window as unknown as { emuReady?: boolean }).emuReady === true,
        null,
        { timeout: 10_000 },
      );
      return page;
    })();
    this.#page.catch(() => {
      this.#page = undefined;
    });
    return this.#page;
  }

  async close(): Promise<void> {
    const page = await this.#page?.catch(() => undefined);
    this.#page = undefined;
    await page?.close().catch(() => undefined);
    await this.#owned?.close().catch(() => undefined);
    this.#owned = undefined;
  }
}
