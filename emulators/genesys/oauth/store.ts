/**
 * OAuth state: registered clients per org (exact redirect URIs), pending authorisation requests,
 * single-use codes bound to a PKCE S256 challenge, and refresh tokens.
 */
import { calculatePKCECodeChallenge } from 'oauth4webapi';
import { randomToken } from '../ids';

export interface OAuthClient {
  clientId: string;
  orgId: string;
  name: string;
  redirectUris: string[];
  /** Issue refresh tokens with access tokens. */
  refreshTokens: boolean;
}

export interface AuthRequest {
  id: string;
  clientId: string;
  redirectUri: string;
  state?: string;
  codeChallenge?: string;
  orgId: string;
  createdAt: number;
}

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  codeChallenge?: string;
  expiresAt: number;
  used: boolean;
}

export type RedirectFault = 'wrong-state' | 'replay-code';

export type CodeCheck =
  | { ok: true; code: AuthCode }
  | { ok: false; error: 'invalid_grant' | 'invalid_client'; description: string };

export class OAuthStore {
  readonly clients = new Map<string, OAuthClient>();
  readonly #requests = new Map<string, AuthRequest>();
  readonly #codes = new Map<string, AuthCode>();
  readonly #refresh = new Map<string, { clientId: string; userId: string }>();
  /** When set, /oauth/authorize approves at once as this user (tests). */
  autoApproveUserId: string | null = null;
  /** A one-shot fault for the next approval's redirect (tests): a forged state, a used code. */
  redirectFault: RedirectFault | null = null;
  /** The last code issued, so a test can have it sent again. */
  lastCode: string | null = null;

  register(client: OAuthClient): OAuthClient {
    this.clients.set(client.clientId, client);
    return client;
  }

  startRequest(r: Omit<AuthRequest, 'id' | 'createdAt'>): AuthRequest {
    const req = { ...r, id: randomToken(12), createdAt: Date.now() };
    this.#requests.set(req.id, req);
    return req;
  }

  /** A pending request is used once: approve or deny consumes it. */
  takeRequest(id: string): AuthRequest | undefined {
    const req = this.#requests.get(id);
    this.#requests.delete(id);
    return req && Date.now() - req.createdAt < 10 * 60 * 1000 ? req : undefined;
  }

  issueCode(
    req: Pick<AuthRequest, 'clientId' | 'redirectUri' | 'codeChallenge'>,
    userId: string,
  ): string {
    const code = randomToken(24);
    this.#codes.set(code, {
      code,
      clientId: req.clientId,
      redirectUri: req.redirectUri,
      userId,
      ...(req.codeChallenge ? { codeChallenge: req.codeChallenge } : {}),
      expiresAt: Date.now() + 5 * 60 * 1000,
      used: false,
    });
    this.lastCode = code;
    return code;
  }

  /** Redeems a code: right client and redirect URI, unexpired, unused, verifier matching the challenge. */
  async redeem(p: {
    code: string;
    clientId: string;
    redirectUri: string | undefined;
    verifier: string | undefined;
  }): Promise<CodeCheck> {
    const c = this.#codes.get(p.code);
    if (!c || c.expiresAt <= Date.now()) {
      return { ok: false, error: 'invalid_grant', description: 'unknown or expired code' };
    }
    if (c.used) {
      return { ok: false, error: 'invalid_grant', description: 'code already used' };
    }
    c.used = true;
    if (c.clientId !== p.clientId) {
      return {
        ok: false,
        error: 'invalid_grant',
        description: 'code was issued to another client',
      };
    }
    if (p.redirectUri !== undefined && p.redirectUri !== c.redirectUri) {
      return { ok: false, error: 'invalid_grant', description: 'redirect_uri does not match' };
    }
    if (c.codeChallenge) {
      if (!p.verifier || (await calculatePKCECodeChallenge(p.verifier)) !== c.codeChallenge) {
        return {
          ok: false,
          error: 'invalid_grant',
          description: 'code_verifier does not match the challenge',
        };
      }
    }
    return { ok: true, code: c };
  }

  issueRefresh(clientId: string, userId: string): string {
    const token = randomToken(32);
    this.#refresh.set(token, { clientId, userId });
    return token;
  }

  useRefresh(token: string, clientId: string): { userId: string } | undefined {
    const r = this.#refresh.get(token);
    return r?.clientId === clientId ? { userId: r.userId } : undefined;
  }
}
