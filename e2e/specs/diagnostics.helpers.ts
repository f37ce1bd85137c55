/**
 * Helpers for the diagnostics suites: a real TURN server (Debian's coturn, `turnserver`) on
 * loopback with a test user — healthy, refusing every peer (403), or listening on TCP only (UDP
 * blocked) — pointed at by the emulator's ICE discovery; and the diagnostics page's check.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Stack } from '../support/stack';

export const TURN_USER = 'switchboard';
export const TURN_PASSWORD = 'relay-secret';

export type TurnMode = 'healthy' | 'deny-peers' | 'tcp-only';

export interface TurnServer {
  port: number;
  mode: TurnMode;
  close(): Promise<void>;
}

function requireCoturn(): void {
  const found = spawnSync('turnserver', ['--version'], { encoding: 'utf8' });
  if (found.error !== undefined) {
    throw new Error(
      'coturn is not installed: the TURN checks need a real TURN server. ' +
        'Install it with `sudo apt-get install -y coturn` (Debian/Ubuntu).',
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const MODE_ARGS: Record<TurnMode, string[]> = {
  healthy: ['--allow-loopback-peers'],
  // Every peer address is refused: CreatePermission answers 403 Forbidden IP.
  'deny-peers': ['--denied-peer-ip=0.0.0.0-255.255.255.255'],
  // No UDP listener: STUN over UDP and TURN over UDP go unanswered; TURN over TCP works.
  'tcp-only': ['--allow-loopback-peers', '--no-udp'],
};

/** Starts `turnserver` on 127.0.0.1 with the test user; stops it (by its pid) on close. */
export async function startTurn(mode: TurnMode): Promise<TurnServer> {
  requireCoturn();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-turn-'));
  const child: ChildProcess = spawn(
    'turnserver',
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${String(port)}`,
      '--min-port=40000',
      '--max-port=40999',
      '--lt-cred-mech',
      `--user=${TURN_USER}:${TURN_PASSWORD}`,
      '--realm=switchboard.test',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      `--userdb=${join(dir, 'turndb')}`,
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      '--log-file=stdout',
      '--simple-log',
      ...MODE_ARGS[mode],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`turnserver did not start (${mode}):\n${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    mode,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Points the emulator's ICE discovery at a TURN server (STUN on the same port). */
export async function discover(
  stack: Stack,
  turn: TurnServer,
  password = TURN_PASSWORD,
): Promise<void> {
  const base = { host: '127.0.0.1', port: turn.port };
  const credentials = { username: TURN_USER, password };
  await stack.genesys.control.setIceServers({
    stun: [{ type: 'stun', ...base }],
    turn: [
      { type: 'turn', ...base, transport: 'udp', ...credentials },
      { type: 'turn', ...base, transport: 'tcp', ...credentials },
    ],
  });
}

export interface VerdictView {
  kind: string;
  layer: string;
  severity: string;
  text: string;
  steps: Record<string, string>;
}

/** Runs the check from the diagnostics page and reads the verdict it shows. */
export async function runCheck(page: Page, testNumber = ''): Promise<VerdictView> {
  const button = page.locator('#run-check');
  await button.waitFor();
  await page.waitForFunction(() => !document.querySelector('#run-check')?.hasAttribute('disabled'));
  await page.fill('#test-number', testNumber);
  const before = await page.evaluate(
    () => document.querySelector('#verdict')?.getAttribute('data-run') ?? null,
  );
  await button.click();
  await page.waitForFunction(
    (previous) => {
      const verdict = document.querySelector('#verdict');
      const done = !document.querySelector('#run-check')?.hasAttribute('disabled');
      return done && verdict !== null && verdict.getAttribute('data-run') !== previous;
    },
    before,
    { timeout: 60_000 },
  );
  const verdict = page.locator('#verdict');
  const steps = await page.$$eval('[data-step]', (items) =>
    Object.fromEntries(
      items.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-status')]),
    ),
  );
  return {
    kind: (await verdict.getAttribute('data-kind')) ?? '',
    layer: (await verdict.getAttribute('data-layer')) ?? '',
    severity: (await verdict.getAttribute('data-severity')) ?? '',
    text: (await verdict.textContent()) ?? '',
    steps: steps as Record<string, string>,
  };
}
