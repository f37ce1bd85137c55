/**
 * Support for the adapter check: bundles the page entry with vite's build API, serves it on
 * 127.0.0.1, and drives `window.check` from node with polling waits (each with its own timeout).
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import type { SoftphoneEvent } from '../softphone-port';
import type { CheckWindow } from './adapter-page';

const ENTRY = fileURLToPath(new URL('./adapter-page.ts', import.meta.url));
const HTML =
  '<!doctype html><meta charset="utf-8"><title>adapter check</title><script type="module" src="/adapter.js"></script>';

export interface ServedPage {
  url: string;
  close(): Promise<void>;
}

/** Builds the adapter page into a temp dir and serves it; the SDK bundle is inlined. */
export async function buildAndServe(): Promise<ServedPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'switchboard-adapter-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: ENTRY, formats: ['es'], fileName: () => 'adapter.js' },
    },
  });
  const script = await readFile(join(outDir, 'adapter.js'));
  const server: Server = createServer((req, res) => {
    if (req.url === '/adapter.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

export interface Timed {
  t: number;
  event: SoftphoneEvent;
}

export class CheckPage {
  constructor(readonly page: Page) {}

  events(): Promise<Timed[]> {
    return this.page.evaluate(() => (window as unknown as CheckWindow).check.events);
  }

  traces(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as CheckWindow).check.traces);
  }

  /** Runs `fn(softphone, arg)` in the page; rejections come back as { error }. */
  run<A, R>(fn: (softphone: CheckWindow['check']['softphone'], arg: A) => Promise<R> | R, arg: A) {
    return this.page.evaluate(
      async ([src, a]) => {
        const f = new Function('s', 'a', `return (${src})(s, a);`) as (
          s: unknown,
          a: unknown,
        ) => unknown;
        try {
          return { value: (await f((window as unknown as CheckWindow).check.softphone, a)) as R };
        } catch (error) {
          const e = error as { reason?: string; code?: string; message?: string };
          return { error: { reason: e.reason, code: e.code, message: e.message } };
        }
      },
      [fn.toString(), arg] as const,
    );
  }

  /** Waits for the first event matching `match` after index `from`. */
  async waitEvent(
    match: (e: SoftphoneEvent) => boolean,
    timeoutMs = 10_000,
    from = 0,
  ): Promise<Timed> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.events()).slice(from).find((e) => match(e.event));
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`no matching event within ${timeoutMs} ms`);
      }
      await sleep(50);
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `read()` until it has grown by `by`; returns the growth. */
export async function waitRising(
  what: string,
  read: () => Promise<number>,
  by: number,
  timeoutMs = 8_000,
) {
  const start = await read();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await sleep(200);
    const now = await read();
    if (now - start >= by) {
      return now - start;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not rise by ${by} (from ${start} to ${now})`);
    }
  }
}
