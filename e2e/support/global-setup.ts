/** Builds the extension once before the browser tests unless SKIP_BUILD=1 (CI builds it first). */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env['SKIP_BUILD'] === '1') {
    return;
  }
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
