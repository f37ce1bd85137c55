/**
 * Serves the contract-test harness: the unmodified SDK bundle at /_emulator/harness/sdk.js and a
 * page that loads it and exposes a small driver as `window.harness`.
 */
import { createReadStream, existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { send } from '../rest/http';
import { HARNESS_HTML } from './page';

function bundlePath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('genesys-cloud-webrtc-sdk/package.json');
  return join(dirname(pkg), 'dist', 'genesys-cloud-webrtc-sdk.bundle.js');
}

export function serveHarness(req: IncomingMessage, res: ServerResponse, path: string): void {
  if (path === '/_emulator/harness/sdk.js') {
    const file = bundlePath();
    if (!existsSync(file)) {
      return send(res, req, { status: 404, text: 'SDK bundle not found' });
    }
    res.writeHead(200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'max-age=3600',
    });
    createReadStream(file).pipe(res);
    return;
  }
  if (path === '/_emulator/harness/' || path === '/_emulator/harness/index.html') {
    return send(res, req, {
      status: 200,
      text: HARNESS_HTML,
      contentType: 'text/html; charset=utf-8',
    });
  }
  send(res, req, { status: 404, text: 'not found' });
}
