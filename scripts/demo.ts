/**
 * `npm run demo`: Switchboard's main job on a built-in default. Builds the extension, starts the
 * local Genesys Cloud emulator and the ServiceNow stand-in, launches Chromium with the extension,
 * signs in as agent1 through the real PKCE flow, opens the agent's ServiceNow workspace and the
 * emulator's console, and places a call from a known customer.
 *
 * With a display (DISPLAY set, or HEADED=1) the browser is left open for you to answer and play;
 * Ctrl+C ends. Without one it runs headless: answers the call, checks audio flows both ways, saves
 * screenshots to artifacts/demo/ and prints what happened.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { SEED_NUMBERS } from '../emulators/servicenow/index';
import { findChromium } from '../e2e/support/chromium';
import {
  WORKSPACE_HOME,
  configure,
  signIn,
  snapshot,
  startStack,
  waitForCall,
  waitForConnection,
  type Stack,
} from '../e2e/support/stack';

const OUT = 'artifacts/demo';
const interactive = Boolean(process.env['DISPLAY']) || process.env['HEADED'] === '1';
const started = Date.now();
const say = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}`);

async function main(): Promise<void> {
  findChromium(); // fails early with the install command when no browser exists
  if (process.env['SKIP_BUILD'] !== '1') {
    say('building the extension…');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  if (interactive) {
    process.env['HEADED'] = '1';
  }
  const stack = await startStack();
  process.on('SIGINT', () => void stack.close().then(() => process.exit(0)));
  say(`Genesys Cloud emulator on ${stack.genesys.url} (console: ${stack.genesys.url}/)`);
  say(`ServiceNow stand-in on ${stack.servicenow.url}, opened as ${WORKSPACE_HOME}`);

  await configure(stack);
  await signIn(stack, 'agent1');
  await waitForConnection(stack, 'connected', 30_000);
  say('signed in as agent1 (Acme Support); softphone connected');

  const tab = await stack.ext.context.newPage();
  await tab.goto(WORKSPACE_HOME);
  const consolePage = await stack.ext.context.newPage();
  await consolePage.goto(`${stack.genesys.url}/`);
  await tab.bringToFront();

  const caller = SEED_NUMBERS.singleMatch;
  const { conversationId } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: caller.e164,
    fromName: caller.name,
    queue: 'Support',
    alertTimeoutMs: interactive ? 60_000 : 20_000,
  });
  say(`incoming call from ${caller.name} (${caller.e164}) on queue Support`);
  await waitForCall(stack, conversationId, 'alerting');

  if (interactive) {
    say('answer it from the screen pop, the toolbar popup or the notification; Ctrl+C to stop');
    return;
  }
  await runHeadless(stack, conversationId, tab);
}

async function runHeadless(stack: Stack, conversationId: string, tab: Page) {
  mkdirSync(OUT, { recursive: true });
  await tab.screenshot({ path: `${OUT}/1-ringing.png` });
  const answeredAt = Date.now();
  const reply = await stack.toWorker('call.command', { type: 'answer', conversationId });
  if (!reply.ok) {
    throw new Error(`answer failed: ${JSON.stringify(reply.error)}`);
  }
  await waitForCall(stack, conversationId, 'connected');
  say(`answered; media connected after ${Date.now() - answeredAt} ms`);
  const media = await stack.genesys.control.waitFor(
    'audio both ways',
    async () => {
      const report = await stack.genesys.control.media(conversationId);
      return report.hearsAgent && report.agentShouldHear ? report : null;
    },
    15_000,
  );
  say(
    `audio both ways: the customer hears the agent (${String(media.hearsAgent)}), the agent is sent audio (${String(media.agentShouldHear)})`,
  );
  await new Promise((resolve) => setTimeout(resolve, 1500));
  await tab.screenshot({ path: `${OUT}/2-on-call.png` });
  await stack.toWorker('call.command', { type: 'hangup', conversationId });
  await waitForCall(stack, conversationId, 'ended');
  const final = await snapshot(stack);
  say(`call ended; softphone ${final?.connection.state ?? 'unknown'}; screenshots in ${OUT}/`);
  await stack.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
