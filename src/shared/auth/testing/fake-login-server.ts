/**
 * A minimal Genesys-style login server for tests (node http on 127.0.0.1): /oauth/authorize issues
 * single-use codes bound to the S256 challenge; /oauth/token checks the code_verifier against it
 * and rejects replays, so a client with broken PKCE fails.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

interface IssuedCode {
  challenge: string;
  clientId: string;
  redirectUri: string;
}

export interface FakeLoginServer {
  origin: string;
  clientId: string;
  /** Token lifetime in seconds. */
  lifetime: number;
  issueRefreshTokens: boolean;
  /** Next authorize request is answered with this error redirect. */
  denyNext: { error: string; description?: string } | null;
  /** Next token request fails with this HTTP status (plain text body). */
  failNextTokenWithStatus: number | null;
  authorizeRequests: URL[];
  tokenRequests: URLSearchParams[];
  close(): Promise<void>;
}

const b64url = (buf: Buffer) => buf.toString('base64url');
const random = () => b64url(randomBytes(24));

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeLoginServer(clientId: string): Promise<FakeLoginServer> {
  const codes = new Map<string, IssuedCode>();
  const refreshTokens = new Set<string>();

  const authorize = (url: URL, res: ServerResponse, s: FakeLoginServer) => {
    const q = url.searchParams;
    const redirect = new URL(q.get('redirect_uri') ?? '');
    const state = q.get('state');
    if (state !== null) {
      redirect.searchParams.set('state', state);
    }
    const deny = s.denyNext;
    s.denyNext = null;
    const challenge = q.get('code_challenge');
    if (deny !== null || q.get('client_id') !== s.clientId || q.get('response_type') !== 'code') {
      redirect.searchParams.set('error', deny?.error ?? 'unauthorized_client');
      redirect.searchParams.set(
        'error_description',
        deny?.description ?? 'bad client or response type',
      );
    } else if (q.get('code_challenge_method') !== 'S256' || challenge === null) {
      redirect.searchParams.set('error', 'invalid_request');
      redirect.searchParams.set('error_description', 'PKCE S256 is required');
    } else {
      const code = random();
      codes.set(code, {
        challenge,
        clientId: s.clientId,
        redirectUri: q.get('redirect_uri') ?? '',
      });
      redirect.searchParams.set('code', code);
    }
    res.writeHead(302, { location: redirect.href }).end();
  };

  const issue = (res: ServerResponse, s: FakeLoginServer) => {
    const body: Record<string, unknown> = {
      access_token: random(),
      token_type: 'bearer',
      expires_in: s.lifetime,
    };
    if (s.issueRefreshTokens) {
      const rt = random();
      refreshTokens.add(rt);
      body['refresh_token'] = rt;
    }
    json(res, 200, body);
  };

  const token = (form: URLSearchParams, res: ServerResponse, s: FakeLoginServer) => {
    s.tokenRequests.push(form);
    if (s.failNextTokenWithStatus !== null) {
      const status = s.failNextTokenWithStatus;
      s.failNextTokenWithStatus = null;
      res.writeHead(status, { 'content-type': 'text/plain' }).end('upstream unavailable');
      return;
    }
    if (form.get('client_id') !== s.clientId) {
      json(res, 400, { error: 'invalid_client', error_description: 'client not found' });
      return;
    }
    if (form.get('grant_type') === 'refresh_token') {
      const rt = form.get('refresh_token') ?? '';
      if (!refreshTokens.delete(rt)) {
        json(res, 400, { error: 'invalid_grant', error_description: 'refresh token revoked' });
        return;
      }
      issue(res, s);
      return;
    }
    const entry = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? ''); // single use, even when the exchange fails
    const verifier = form.get('code_verifier') ?? '';
    const expected = entry && b64url(createHash('sha256').update(verifier).digest());
    if (form.get('grant_type') !== 'authorization_code' || entry === undefined) {
      json(res, 400, { error: 'invalid_grant', error_description: 'code unknown or already used' });
    } else if (form.get('redirect_uri') !== entry.redirectUri) {
      json(res, 400, { error: 'invalid_grant', error_description: 'redirect_uri mismatch' });
    } else if (expected !== entry.challenge) {
      json(res, 400, { error: 'invalid_grant', error_description: 'code_verifier does not match' });
    } else {
      issue(res, s);
    }
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/oauth/authorize') {
      state.authorizeRequests.push(url);
      authorize(url, res, state);
    } else if (req.method === 'POST' && url.pathname === '/oauth/token') {
      void readBody(req).then((body) => token(new URLSearchParams(body), res, state));
    } else {
      json(res, 404, { error: 'not_found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const state: FakeLoginServer = {
    origin: `http://127.0.0.1:${port}`,
    clientId,
    lifetime: 3600,
    issueRefreshTokens: false,
    denyNext: null,
    failNextTokenWithStatus: null,
    authorizeRequests: [],
    tokenRequests: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
  return state;
}
