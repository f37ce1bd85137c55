/**
 * Chromium with the extension, started directly (no Playwright) with a DevTools port, and driven
 * through the minimal CDP client: targets are discovered, not attached, so the extension's service
 * worker lives and idles exactly as it would for an agent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE_ARGS, findChromium } from '../../e2e/support/chromium';
import { Cdp } from './cdp';
import { sleep } from './trials';

export interface RawBrowser {
  cdp: Cdp;
  close(): Promise<void>;
}

export async function launchRawBrowser(
  extensionDir: string,
  extraArgs: string[],
): Promise<RawBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-raw-'));
  const child: ChildProcess = spawn(
    findChromium(),
    [
      ...BASE_ARGS,
      '--headless=new',
      `--user-data-dir=${dir}`,
      '--remote-debugging-port=0',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...extraArgs,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const portFile = join(dir, 'DevToolsActivePort');
  const deadline = Date.now() + 20_000;
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill('SIGKILL');
      throw new Error('Chromium did not open its DevTools port');
    }
    await sleep(100);
  }
  const [port, path] = readFileSync(portFile, 'utf8').split('\n');
  const cdp = await Cdp.connect(`ws://127.0.0.1:${port ?? ''}${path ?? ''}`);
  return {
    cdp,
    async close() {
      await cdp.send('Browser.close', {}, undefined, 5_000).catch(() => undefined);
      cdp.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
