/**
 * Conventions checked over the whole source tree: the manifest's permissions match the reviewed
 * snapshot, only the adapter imports the Genesys SDK, untrusted data never meets an HTML sink, no
 * code is evaluated from strings, and only the logger writes to the console.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'node_modules' ? [] : sources(path);
    }
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$|\.testkit\.ts$|\.d\.ts$/.test(name)
      ? [path]
      : [];
  });
}

const product = sources(join(ROOT, 'src'))
  .filter(
    (path) => !path.includes(join('src', 'test')) && !path.includes(join('softphone', 'browser')),
  )
  .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;

describe('manifest', () => {
  it('asks for exactly the reviewed permissions', () => {
    expect({
      permissions: manifest['permissions'],
      host_permissions: manifest['host_permissions'],
      optional_host_permissions: manifest['optional_host_permissions'],
      content_scripts: (manifest['content_scripts'] as { matches: string[] }[]).map(
        (c) => c.matches,
      ),
      csp: manifest['content_security_policy'],
    }).toMatchSnapshot();
  });

  it('allows no remote code in extension pages', () => {
    const csp = (manifest['content_security_policy'] as { extension_pages: string })
      .extension_pages;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/https?:|unsafe-eval|unsafe-inline/);
  });
});

describe('source conventions', () => {
  it('imports the Genesys SDK only in the adapter', () => {
    const importers = product
      .filter(({ text }) => /from ['"]genesys-cloud-webrtc-sdk/.test(text))
      .map(({ path }) => path);
    expect(importers).toEqual([join('src', 'offscreen', 'softphone', 'genesys-softphone.ts')]);
  });

  it('never writes HTML from strings', () => {
    const sinks =
      /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/;
    expect(product.filter(({ text }) => sinks.test(text)).map(({ path }) => path)).toEqual([]);
  });

  it('never evaluates code from strings', () => {
    const evals = /\beval\(|new Function\(|setTimeout\(\s*['"`]/;
    expect(product.filter(({ text }) => evals.test(text)).map(({ path }) => path)).toEqual([]);
  });

  it('writes to the console only through the logger', () => {
    const users = product
      .filter(({ text }) => /\bconsole\.(log|info|warn|error|debug)\(/.test(text))
      .map(({ path }) => path);
    expect(users.filter((path) => path !== join('src', 'shared', 'logger.ts'))).toEqual([]);
  });
});
