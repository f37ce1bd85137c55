/**
 * Agent sessions: any page visit without a valid cookie opens one for the seeded agent. A session
 * is a random cookie value plus its own g_ck token, as on a real instance.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'glide_user_session';

export interface AgentSession {
  id: string;
  /** The page's `g_ck`; Table API calls must send it as `X-UserToken`. */
  token: string;
  userSysId: string;
  userName: string;
}

export interface SessionRegistry {
  create(): AgentSession;
  /** The session named by the request's cookie, if it still exists. */
  fromRequest(req: IncomingMessage): AgentSession | undefined;
  clear(): void;
  readonly size: number;
}

export function setCookieHeader(session: AgentSession): string {
  return `${SESSION_COOKIE}=${session.id}; Path=/; HttpOnly; SameSite=Lax`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return part.slice(eq + 1).trim();
    }
  }
  return undefined;
}

export function createSessionRegistry(agent: { sysId: string; userName: string }): SessionRegistry {
  const sessions = new Map<string, AgentSession>();
  return {
    create() {
      const session: AgentSession = {
        id: randomBytes(16).toString('hex').toUpperCase(),
        token: randomBytes(32).toString('hex'),
        userSysId: agent.sysId,
        userName: agent.userName,
      };
      sessions.set(session.id, session);
      return session;
    },
    fromRequest(req) {
      const id = readCookie(req.headers.cookie, SESSION_COOKIE);
      return id === undefined ? undefined : sessions.get(id);
    },
    clear() {
      sessions.clear();
    },
    get size() {
      return sessions.size;
    },
  };
}
