import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './auth';

const req = (headers: Record<string, string>, method = 'POST') =>
  ({ method, headers }) as unknown as IncomingMessage;

describe('cross-origin writes', () => {
  it('accepts a same-origin write behind a TLS proxy (x-forwarded-proto https)', () => {
    const proxied = { host: 'acme.service-now.com', origin: 'https://acme.service-now.com' };
    expect(isCrossOriginWrite(req({ ...proxied, 'x-forwarded-proto': 'https' }))).toBe(false);
    expect(isCrossOriginWrite(req({ host: '127.0.0.1:80', origin: 'http://127.0.0.1:80' }))).toBe(
      false,
    );
  });

  it('refuses writes from another origin, also an extension', () => {
    const host = { host: 'acme.service-now.com', 'x-forwarded-proto': 'https' };
    expect(isCrossOriginWrite(req({ ...host, origin: 'chrome-extension://abc' }))).toBe(true);
    expect(isCrossOriginWrite(req({ ...host, origin: 'http://acme.service-now.com' }))).toBe(true);
    expect(isCrossOriginWrite(req({ ...host, 'sec-fetch-site': 'cross-site' }))).toBe(true);
    expect(isCrossOriginWrite(req({ ...host, origin: 'chrome-extension://abc' }, 'GET'))).toBe(
      false,
    );
  });
});
