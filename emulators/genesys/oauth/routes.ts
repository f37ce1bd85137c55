/**
 * Authorization-code flow with PKCE: GET /oauth/authorize (login page or auto-approve),
 * POST /oauth/authorize/decision, POST /oauth/token (authorization_code, refresh_token).
 * Tokens issued here work on REST and the streaming socket like any other.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hub } from '../hub';
import { parseBody, readBody, send, type Reply } from '../rest/http';
import { errorPage, loginPage } from './login-page';
import type { AuthRequest } from './store';

function redirect(uri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined) {
      url.searchParams.set(k, v);
    }
  }
  return { status: 302, headers: { location: url.toString() } };
}

const html = (status: number, text: string): Reply => ({
  status,
  text,
  contentType: 'text/html; charset=utf-8',
});
const oauthError = (error: string, description: string, status = 400): Reply => ({
  status,
  body: { error, error_description: description },
});

function authorize(hub: Hub, q: URLSearchParams): Reply {
  const client = hub.oauth.clients.get(q.get('client_id') ?? '');
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!client) {
    return html(400, errorPage('Unknown client_id.'));
  }
  if (!client.redirectUris.includes(redirectUri)) {
    return html(400, errorPage('redirect_uri is not registered for this client.'));
  }
  const state = q.get('state') ?? undefined;
  if (q.get('response_type') !== 'code') {
    return redirect(redirectUri, {
      error: 'unsupported_response_type',
      error_description: 'only response_type=code is supported',
      state,
    });
  }
  const challenge = q.get('code_challenge') ?? undefined;
  if (challenge && (q.get('code_challenge_method') ?? 'plain') !== 'S256') {
    return redirect(redirectUri, {
      error: 'invalid_request',
      error_description: 'code_challenge_method must be S256',
      state,
    });
  }
  const target = q.get('target');
  if (target && target !== client.orgId) {
    return redirect(redirectUri, {
      error: 'invalid_request',
      error_description: 'target org does not match the client',
      state,
    });
  }
  const req = hub.oauth.startRequest({
    clientId: client.clientId,
    redirectUri,
    orgId: client.orgId,
    ...(state !== undefined ? { state } : {}),
    ...(challenge ? { codeChallenge: challenge } : {}),
  });
  const auto = hub.oauth.autoApproveUserId;
  if (auto && hub.dir.users.get(auto)?.orgId === client.orgId) {
    return decide(hub, req, 'approve', auto);
  }
  const users = [...hub.dir.users.values()].filter((u) => u.orgId === client.orgId);
  const org = hub.dir.orgs.get(client.orgId);
  return html(
    200,
    loginPage({
      requestId: req.id,
      clientName: client.name,
      orgName: org?.name ?? client.orgId,
      users,
    }),
  );
}

function decide(hub: Hub, req: AuthRequest, action: string, userId: string | undefined): Reply {
  if (action !== 'approve') {
    return redirect(req.redirectUri, {
      error: 'access_denied',
      error_description: 'The user denied the request.',
      state: req.state,
    });
  }
  const user = hub.dir.users.get(userId ?? '');
  if (user?.orgId !== req.orgId) {
    return redirect(req.redirectUri, {
      error: 'access_denied',
      error_description: 'Unknown user.',
      state: req.state,
    });
  }
  const fault = hub.oauth.redirectFault;
  hub.oauth.redirectFault = null;
  if (fault === 'replay-code' && hub.oauth.lastCode !== null) {
    return redirect(req.redirectUri, { code: hub.oauth.lastCode, state: req.state });
  }
  const code = hub.oauth.issueCode(req, user.id);
  const state = fault === 'wrong-state' ? `forged-${code.slice(0, 8)}` : req.state;
  return redirect(req.redirectUri, { code, state });
}

function clientIdOf(req: IncomingMessage, body: Record<string, string>): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.toLowerCase().startsWith('basic ')) {
    return Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')[0];
  }
  return body['client_id'];
}

async function token(hub: Hub, req: IncomingMessage, body: Record<string, string>): Promise<Reply> {
  const clientId = clientIdOf(req, body) ?? '';
  const client = hub.oauth.clients.get(clientId);
  if (!client) {
    return oauthError('invalid_client', 'unknown client', 401);
  }
  let userId: string;
  if (body['grant_type'] === 'authorization_code') {
    const r = await hub.oauth.redeem({
      code: body['code'] ?? '',
      clientId,
      redirectUri: body['redirect_uri'],
      verifier: body['code_verifier'],
    });
    if (!r.ok) {
      return oauthError(r.error, r.description);
    }
    userId = r.code.userId;
  } else if (body['grant_type'] === 'refresh_token' && client.refreshTokens) {
    const r = hub.oauth.useRefresh(body['refresh_token'] ?? '', clientId);
    if (!r) {
      return oauthError('invalid_grant', 'unknown refresh_token');
    }
    userId = r.userId;
  } else {
    return oauthError(
      'unsupported_grant_type',
      `grant_type ${body['grant_type'] ?? '(none)'} is not supported`,
    );
  }
  const expiresIn = hub.options.tokenExpiresInSec;
  const issued = hub.tokens.issue(userId, client.orgId, {
    expiresInSec: expiresIn,
    source: 'oauth',
  });
  return {
    status: 200,
    headers: { 'cache-control': 'no-store' },
    body: {
      access_token: issued.token,
      token_type: 'bearer',
      expires_in: expiresIn,
      ...(client.refreshTokens ? { refresh_token: hub.oauth.issueRefresh(clientId, userId) } : {}),
    },
  };
}

export async function handleOAuth(
  hub: Hub,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  const method = req.method ?? 'GET';
  let reply: Reply | undefined;
  if (method === 'GET' && url.pathname === '/oauth/authorize') {
    reply = authorize(hub, url.searchParams);
  } else if (
    method === 'POST' &&
    (url.pathname === '/oauth/authorize/decision' || url.pathname === '/oauth/token')
  ) {
    const raw = await readBody(req);
    const parsed = parseBody(raw, req.headers['content-type']);
    const body: Record<string, string> = {};
    if (parsed && typeof parsed === 'object') {
      for (const [k, v] of Object.entries(parsed)) {
        if (typeof v === 'string') {
          body[k] = v;
        }
      }
    }
    if (url.pathname === '/oauth/token') {
      reply = await token(hub, req, body);
    } else {
      const pending = hub.oauth.takeRequest(body['request'] ?? '');
      reply = pending
        ? decide(hub, pending, body['action'] ?? '', body['userId'])
        : html(400, errorPage('This sign-in request has expired or was already used.'));
    }
  }
  if (!reply) {
    return false;
  }
  hub.log.add({ t: Date.now(), kind: 'oauth', method, path: url.pathname, status: reply.status });
  send(res, req, reply);
  return true;
}
