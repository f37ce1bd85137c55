/**
 * Measures the real SDK against the emulator: initialize(), inbound call setup (ring → accept →
 * connected → first audio) and reconnect after a dropped socket. Prints min/median/max.
 * Run: npx tsx emulators/genesys/scripts/measure.ts [runs]
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../../../e2e/support/chromium';
import { startGenesysEmulator } from '../server';

const runs = Number(process.argv[2] ?? 5);
type H = Record<string, (...a: unknown[]) => unknown> & { count(n: string): number };
const h = (page: Page, op: string, ...args: unknown[]) =>
  page.evaluate(([o, a]) => (window as unknown as { harness: H }).harness[o]?.(...a), [
    op,
    args,
  ] as const);
const waitCount = (page: Page, name: string, n: number) =>
  page.waitForFunction(
    ([e, c]) => (window as unknown as { harness: H }).harness.count(e) >= c,
    [name, n] as const,
    { timeout: 20_000 },
  );

function stats(label: string, xs: number[]): void {
  const s = [...xs].sort((a, b) => a - b);
  const med = s[Math.floor(s.length / 2)] ?? 0;
  console.log(`${label.padEnd(34)} n=${s.length} min=${s[0]} median=${med} max=${s.at(-1)} ms`);
}

const ctx = await launchChromium();
const init: number[] = [];
const ring: number[] = [];
const connect: number[] = [];
const audio: number[] = [];
const reconnect: number[] = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const emu = await startGenesysEmulator({ media: { browserContext: ctx } });
    const page = await ctx.newPage();
    await page.goto(`${emu.url}/_emulator/harness/`);
    let t = Date.now();
    await h(page, 'init', { token: 'acme-agent1-token' });
    init.push(Date.now() - t);

    t = Date.now();
    const { conversationId: cid, sessionId } = await emu.control.placeCall({ to: 'agent1' });
    await waitCount(page, 'pendingSession', 1);
    ring.push(Date.now() - t);
    t = Date.now();
    await h(page, 'accept', cid);
    await emu.control.waitFor(
      'connected',
      async () => (await emu.control.call(cid)).agentState === 'connected',
      10_000,
      10,
    );
    connect.push(Date.now() - t);
    await emu.control.waitFor(
      'audio',
      async () =>
        ((await h(page, 'rtp', sessionId)) as { packetsReceived: number } | null)?.packetsReceived,
      10_000,
      10,
    );
    audio.push(Date.now() - t);

    t = Date.now();
    await emu.control.dropSockets('destroy');
    await waitCount(page, 'connected', 2);
    reconnect.push(Date.now() - t);
    await page.close();
    await emu.close();
  }
} finally {
  await ctx.close();
}
stats('initialize()', init);
stats('placeCall → pendingSession', ring);
stats('accept → agent connected', connect);
stats('accept → first RTP at the SDK', audio);
stats('socket drop → connected again', reconnect);
