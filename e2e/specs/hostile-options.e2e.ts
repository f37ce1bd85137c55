/**
 * Invalid options, saved through the worker's `settings.save` (as any extension page could send
 * them) and imported on the options page: each is refused with the field and the reason, nothing
 * stored changes (chrome.storage.local byte for byte), and the signed-in softphone carries on
 * with the settings it had.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, startSignedIn, type Stack } from '../support/stack';
import { diagnostics } from './softphone.helpers';

let stack: Stack;
let valid: Record<string, unknown>;

type Settings = Record<string, Record<string, unknown>>;

const stored = (page: Page) =>
  page.evaluate(async () => JSON.stringify(await chrome.storage.local.get(null)));

beforeAll(async () => {
  stack = await startSignedIn();
  const reply = await stack.toWorker<{ settings: Settings }>('settings.get', null);
  valid = reply.value.settings;
});

afterAll(async () => {
  await (stack as Stack | undefined)?.close();
});

function variant(patch: (s: Settings) => void): unknown {
  const copy = structuredClone(valid) as Settings;
  patch(copy);
  return copy;
}

const invalid = (): [string, unknown][] => [
  ['not an object', 'settings'],
  [
    'an instance over http',
    variant((s) => (s['servicenow']!['instances'] = ['http://acme.service-now.com'])),
  ],
  [
    'a script URL as instance',
    variant((s) => (s['servicenow']!['instances'] = ['javascript:alert(1)'])),
  ],
  [
    'a negative heartbeat timeout',
    variant((s) => (s['network'] = { kind: 'custom', heartbeatTimeoutMs: -5 })),
  ],
  ['a ring volume that is text', variant((s) => (s['audio']!['ringVolume'] = 'loud'))],
  ['a 1 MB region', variant((s) => (s['servicenow']!['defaultRegion'] = 'x'.repeat(1_000_000)))],
  [
    'a prototype-polluting key',
    JSON.parse(`{"__proto__":{"polluted":true},"audio":{"ringVolume":7}}`) as unknown,
  ],
];

describe('invalid options', () => {
  it('saved through the worker: refused with the field and reason, nothing stored changes', async () => {
    const before = await stored(stack.ui);
    const config = await diagnostics<unknown>(stack.ext, 'settings()');
    for (const [what, settings] of invalid()) {
      const reply = await stack.toWorker<{
        ok: boolean;
        issues: { path: string; message: string }[];
      }>('settings.save', { settings });
      expect(reply.ok, what).toBe(true);
      expect(reply.value.ok, what).toBe(false);
      expect(reply.value.issues.length, what).toBeGreaterThan(0);
      for (const issue of reply.value.issues) {
        expect(typeof issue.path, what).toBe('string');
        expect(issue.message.length, what).toBeGreaterThan(3);
        expect(issue.message.length, what).toBeLessThan(500);
      }
    }
    // Not even the shape of the message: refused at the door with a code.
    const malformed = await stack.toWorker('settings.save', { wrong: true });
    expect(malformed).toMatchObject({ ok: false, error: { code: 'protocol.bad-data' } });

    expect(await stored(stack.ui)).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(
      await stack.ui.evaluate(() => (({}) as Record<string, unknown>)['polluted']),
    ).toBeUndefined();
    const after = await stack.toWorker<{ settings: Settings }>('settings.get', null);
    expect(after.value.settings).toEqual(valid);
    expect(await diagnostics<unknown>(stack.ext, 'settings()')).toEqual(config);
    expect((await snapshot(stack))?.connection.state).toBe('connected');
  });

  it('imported on the options page: the file is refused with its problems, nothing changes', async () => {
    const before = await stored(stack.ui);
    const file = join(tmpdir(), `switchboard-invalid-${String(Date.now())}.json`);
    writeFileSync(
      file,
      JSON.stringify(variant((s) => (s['servicenow']!['instances'] = ['javascript:alert(1)']))),
    );
    const page = await stack.ext.openPage('src/options/options.html');
    await page.locator('.savebar input[type=file]').setInputFiles(file);
    const status = page.locator('.savebar-status');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/not valid Switchboard settings/);
    expect(await status.locator('.issues li').count()).toBeGreaterThan(0);
    expect(await status.locator('.issues li code').first().textContent()).toMatch(/instances/);
    expect(await stored(page)).toBe(before);
    await page.close();
  });
});
