/**
 * The extension the bench measures: a production build into a directory of its own (so a build
 * here never swaps files under another run's browser), or, with SKIP_BUILD=1, the existing dist/
 * (BENCH_DIST overrides either).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export function extensionForBench(log: (line: string) => void): string {
  const given = process.env['BENCH_DIST'];
  if (given) {
    return resolve(given);
  }
  if (process.env['SKIP_BUILD'] === '1') {
    const dist = join(ROOT, 'dist');
    if (!existsSync(join(dist, 'manifest.json'))) {
      throw new Error('SKIP_BUILD=1 but there is no dist/: run `npm run build` first');
    }
    return dist;
  }
  const out = join(tmpdir(), 'switchboard-bench', 'dist');
  log(`building the extension into ${out}…`);
  execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}
