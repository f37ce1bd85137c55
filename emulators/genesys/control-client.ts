/**
 * Typed client for the emulator's control API (/_emulator/...), for tests, benchmarks and the demo.
 * Every method is one HTTP request with its own timeout.
 */
import type { Conversation, Outcome, PatchRecord, Wrapup } from './calls/model';
import type { MediaReport } from './calls/manager';
import type { FaultSnapshot } from './faults';
import type { LoggedRequest } from './request-log';
import type { PresenceChange } from './state';
import type { IceService } from './xmpp/stanzas';
import type { LiveSession } from './xmpp/streaming';

export interface PlaceCallOptions {
  /** User id, login (`agent1`) or username. */
  to: string;
  from?: string;
  fromName?: string;
  queue?: string;
  attributes?: Record<string, string>;
  autoAnswer?: boolean;
  alertTimeoutMs?: number;
  /** Route media through a relay that drops this share of RTP both ways. */
  packetLossPercent?: number;
}

export interface CallSummary {
  conversationId: string;
  direction: 'inbound' | 'outbound';
  agentUserId: string;
  agentState?: string;
  muted: boolean;
  held: boolean;
  customer?: string;
  queue?: string;
  sessionId?: string;
  legState?: string;
  startTime: string;
  endTime?: string;
  outcome?: Outcome;
}

export interface CallDetail extends CallSummary {
  conversation: Record<string, unknown>;
  dtmf: Conversation['dtmf'];
  transfers: Conversation['transfers'];
  patches: PatchRecord[];
  wrapup: Wrapup | null;
  attributes: Record<string, string>;
  eventsSent: number;
}

export interface DirectoryView {
  orgs: { id: string; name: string; domain: string }[];
  users: {
    id: string;
    orgId: string;
    name: string;
    username: string;
    jabberId: string;
    stationId: string;
    token: string;
  }[];
  stations: (Record<string, unknown> & { id: string; userId: string })[];
  queues: { id: string; orgId: string; name: string }[];
}

export interface SoftphoneSessionView {
  sessionId: string;
  userId: string;
  state: string;
  persistent: boolean;
  channelId?: string;
  conversationIds: string[];
  activeConversationId?: string;
}

export type EventFaultKind = 'malformed-json' | 'malformed-shape' | 'duplicate' | 'out-of-order';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`control API answered ${status}: ${JSON.stringify(body)}`);
  }
}

export class ControlClient {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      throw new ControlError(res.status, parsed);
    }
    return parsed as T;
  }

  directory = () => this.request<DirectoryView>('GET', '/directory');
  placeCall = (o: PlaceCallOptions) =>
    this.request<{ conversationId: string; sessionId: string }>('POST', '/calls', o);
  calls = () => this.request<CallSummary[]>('GET', '/calls');
  call = (id: string) => this.request<CallDetail>('GET', `/calls/${encodeURIComponent(id)}`);
  hangUp = (id: string) =>
    this.request<{ ended: boolean }>('POST', `/calls/${encodeURIComponent(id)}/hangup`);
  media = (id: string) =>
    this.request<MediaReport>('GET', `/calls/${encodeURIComponent(id)}/media`);
  softphoneSessions = () => this.request<SoftphoneSessionView[]>('GET', '/softphone-sessions');
  sessions = (user?: string) =>
    this.request<LiveSession[]>(
      'GET',
      `/sessions${user ? `?user=${encodeURIComponent(user)}` : ''}`,
    );
  /** What of an organisation is still live: streaming sockets, channels with a socket, softphone legs. */
  orgSessions = (orgId: string) =>
    this.request<{
      streaming: LiveSession[];
      channels: { id: string; userId: string; sockets: number }[];
      softphone: SoftphoneSessionView[];
    }>('GET', `/orgs/${encodeURIComponent(orgId)}/sessions`);
  channels = () =>
    this.request<
      { id: string; userId: string; topics: string[]; serverPings: boolean; sockets: number }[]
    >('GET', '/channels');
  requests = (since?: number) =>
    this.request<{ entries: LoggedRequest[]; counts: Record<string, number> }>(
      'GET',
      `/requests${since ? `?since=${since}` : ''}`,
    );
  clearRequests = () => this.request<object>('POST', '/requests/clear');
  presenceChanges = () => this.request<PresenceChange[]>('GET', '/presence-changes');

  faults = () => this.request<FaultSnapshot>('GET', '/faults');
  clearFaults = () => this.request<FaultSnapshot>('POST', '/faults/clear');
  /** `destroy` = TCP reset, `close` = clean close. */
  dropSockets = (mode: 'destroy' | 'close' = 'destroy', user?: string) =>
    this.request<{ dropped: number; t: number }>('POST', '/faults/drop', {
      mode,
      ...(user ? { user } : {}),
    });
  /** Upgrades during the black hole are held (default) or opened and then ignored (`open`). */
  blackhole = (seconds: number, upgrades?: 'hold' | 'open') =>
    this.request<{ until: number; t: number }>('POST', '/faults/blackhole', {
      seconds,
      ...(upgrades ? { upgrades } : {}),
    });
  restore = () => this.request<{ t: number }>('POST', '/faults/restore');
  refuseUpgrades = (seconds: number) =>
    this.request<{ until: number; t: number }>('POST', '/faults/refuse-upgrades', { seconds });
  latency = (o: { restMs?: number; wsMs?: number }) =>
    this.request<FaultSnapshot>('POST', '/faults/latency', o);
  restFault = (o: {
    status: number;
    count?: number;
    seconds?: number;
    retryAfterSec?: number;
    pathPrefix?: string;
  }) => this.request<FaultSnapshot>('POST', '/faults/rest', o);
  failSasl = (o: { count?: number; seconds?: number } = {}) =>
    this.request<FaultSnapshot>('POST', '/faults/sasl', o);
  noLongerSubscribed = (user?: string) =>
    this.request<{ sent: number }>('POST', '/faults/no-longer-subscribed', user ? { user } : {});
  /** Packet loss for new calls' media (null: none, no relay); also updates relayed calls. */
  packetLoss = (percent: number | null) =>
    this.request<FaultSnapshot>('POST', '/faults/packet-loss', { percent });
  setCallPacketLoss = (id: string, percent: number) =>
    this.request<{ lossPercent: number }>('POST', `/calls/${encodeURIComponent(id)}/packet-loss`, {
      percent,
    });
  injectEvent = (conversationId: string, kind: EventFaultKind) =>
    this.request<{ sent: number }>('POST', '/faults/event', { conversationId, kind });

  /** What XEP-0215 discovery offers from now on (a list left out stays as it is). */
  setIceServers = (o: { stun?: IceService[]; turn?: IceService[] }) =>
    this.request<{ stun: IceService[]; turn: IceService[] }>('POST', '/ice-servers', o);
  iceServers = () =>
    this.request<{ stun: IceService[]; turn: IceService[] }>('GET', '/ice-servers');
  /** Access tokens that still authenticate (a user's, or everyone's). */
  liveTokens = (user?: string) =>
    this.request<{ token: string; source: string; expiresAt: number | null }[]>(
      'GET',
      `/tokens${user ? `?user=${encodeURIComponent(user)}` : ''}`,
    );

  issueToken = (user: string, expiresInSec?: number) =>
    this.request<{ token: string; userId: string; expiresAt: number | null }>('POST', '/tokens', {
      user,
      ...(expiresInSec ? { expiresInSec } : {}),
    });
  expireToken = (token: string) =>
    this.request<{ found: boolean }>('POST', '/tokens/expire', { token });
  revokeToken = (token: string) =>
    this.request<{ found: boolean }>('POST', '/tokens/revoke', { token });
  revokeUserTokens = (user: string) =>
    this.request<{ revoked: number }>('POST', '/tokens/revoke-user', { user });
  setStation = (
    stationOrUser: string,
    patch: {
      webRtcPersistentEnabled?: boolean;
      webRtcForceTurn?: boolean;
      webRtcCallAppearances?: number;
    },
  ) =>
    this.request<Record<string, unknown>>(
      'PATCH',
      `/stations/${encodeURIComponent(stationOrUser)}`,
      patch,
    );

  registerOAuthClient = (o: {
    org: string;
    redirectUris: string[];
    clientId?: string;
    name?: string;
    refreshTokens?: boolean;
  }) =>
    this.request<{ clientId: string; orgId: string; redirectUris: string[] }>(
      'POST',
      '/oauth/clients',
      o,
    );
  autoApprove = (user: string | null) =>
    this.request<{ autoApproveUserId: string | null }>('POST', '/oauth/auto-approve', { user });
  /** The next approval redirects with a forged `state` or a code already redeemed (one-shot). */
  oauthRedirectFault = (kind: 'wrong-state' | 'replay-code') =>
    this.request<{ redirectFault: string }>('POST', '/oauth/redirect-fault', { kind });
  oauthSettings = (o: { tokenExpiresInSec: number }) =>
    this.request<{ tokenExpiresInSec: number }>('POST', '/oauth/settings', o);

  /** Polls `fn` until it returns a truthy value; throws after `timeoutMs`. */
  async waitFor<T>(
    what: string,
    fn: () => Promise<T | undefined | null | false>,
    timeoutMs = 10_000,
    everyMs = 100,
  ): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    while (Date.now() < deadline) {
      try {
        const v = await fn();
        if (v) {
          return v;
        }
      } catch (err) {
        last = err;
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
    throw new Error(
      `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : JSON.stringify(last)})` : ''}`,
    );
  }
}
