/**
 * HTTPS in front of a local http server, so a test browser can open the ServiceNow stand-in as
 * https://acme.service-now.com (mapped to 127.0.0.1 with --host-resolver-rules): the same host
 * pattern the shipped manifest matches. The certificate is self-signed, made once per machine with
 * openssl, and accepted by the test browser only (--ignore-certificate-errors).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = join(tmpdir(), 'switchboard-tls');
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '365',
        '-keyout',
        key,
        '-out',
        cert,
        '-subj',
        '/CN=service-now.com',
        '-addext',
        'subjectAltName=DNS:*.service-now.com,DNS:localhost,IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

export interface TlsProxy {
  port: number;
  close(): Promise<void>;
}

/** Serves https://127.0.0.1:<port> and forwards every request to `target` (http://127.0.0.1:N). */
export async function startTlsProxy(target: string): Promise<TlsProxy> {
  const upstream = new URL(target);
  const server: Server = createServer(certificate(), (req, res) => {
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-proto': 'https' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => {
      res.writeHead(502).end();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Chromium flags that send every *.service-now.com name (and `otherHosts`, e.g. a host that is not
 * ServiceNow at all) to the proxy and accept its certificate.
 */
export function serviceNowHostArgs(
  proxyPort: number,
  otherHosts: readonly string[] = [],
): string[] {
  const rules = ['*.service-now.com', ...otherHosts].map((h) => `MAP ${h} 127.0.0.1:${proxyPort}`);
  return [`--host-resolver-rules=${rules.join(',')}`, '--ignore-certificate-errors'];
}
