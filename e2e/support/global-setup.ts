/**
 * Builds the extension once before the browser tests unless SKIP_BUILD=1 (CI builds it first),
 * into SWITCHBOARD_DIST when set (so concurrent runs need not share dist/).
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env['SKIP_BUILD'] === '1') {
    return;
  }
  const outDir = process.env['SWITCHBOARD_DIST'];
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', ...(outDir ? ['--outDir', outDir] : [])], {
    stdio: 'inherit',
  });
}
