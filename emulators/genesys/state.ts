/**
 * The emulator's directory: organisations, users and their softphone stations, seeded with two
 * orgs ("Acme Support" with agent1/agent2, "Globex" with agent3). Everything is in memory.
 */
export interface Org {
  id: string;
  name: string;
  /** XMPP domain of the org's users, e.g. `acme.orgspan.com`. */
  domain: string;
  thirdPartyOrgName: string;
}

export interface Presence {
  id: string;
  systemPresence: string;
  message: string;
  modifiedDate: string;
}

export interface RoutingStatus {
  status: string;
  startTime: string;
}

export interface User {
  id: string;
  orgId: string;
  name: string;
  username: string;
  email: string;
  jabberId: string;
  stationId: string;
  /** Fixed token that always works for this user (demo and tests). */
  demoToken: string;
  presence: Presence;
  routingStatus: RoutingStatus;
}

export interface Station {
  id: string;
  name: string;
  userId: string;
  type: string;
  webRtcPersistentEnabled: boolean;
  webRtcForceTurn: boolean;
  webRtcCallAppearances: number;
}

export interface Queue {
  id: string;
  orgId: string;
  name: string;
  /** After-call work: a wrap-up code is required (mandatory) or may be skipped (optional). */
  afterCallWork: 'mandatory' | 'optional';
  /** Ids of the wrap-up codes agents of this queue may choose (WRAPUP_CODES). */
  wrapupCodes: string[];
}

export interface PresenceChange {
  at: number;
  userId: string;
  kind: 'presence' | 'routingStatus';
  value: string;
  /** Set on changes the platform made itself (NOT_RESPONDING after a missed ACD call). */
  by?: 'platform';
}

export interface Directory {
  /** Every presence and routing-status change (over REST, or by the platform: `by`). */
  presenceChanges: PresenceChange[];
  orgs: Map<string, Org>;
  users: Map<string, User>;
  stations: Map<string, Station>;
  queues: Map<string, Queue>;
}

/** Stable ids of the seeded data, for tests and the demo. */
export const SEED = {
  acme: { orgId: '8f1c3a52-0000-4000-8000-00000000ac01', name: 'Acme Support' },
  globex: { orgId: '8f1c3a52-0000-4000-8000-00000000910b', name: 'Globex' },
  agent1: { userId: '5e0a0001-0000-4000-8000-0000000000a1', token: 'acme-agent1-token' },
  agent2: { userId: '5e0a0002-0000-4000-8000-0000000000a2', token: 'acme-agent2-token' },
  agent3: { userId: '5e0a0003-0000-4000-8000-0000000000a3', token: 'globex-agent3-token' },
} as const;

const AVAILABLE = '6a3af858-942f-489d-9700-5f9bcdcdae9b';

function user(
  org: Org,
  seed: { userId: string; token: string },
  login: string,
  name: string,
  stationId: string,
): User {
  const now = new Date(0).toISOString();
  return {
    id: seed.userId,
    orgId: org.id,
    name,
    username: `${login}@${org.domain}`,
    email: `${login}@${org.domain}`,
    jabberId: `${seed.userId.replaceAll('-', '').slice(0, 24)}@${org.domain}`,
    stationId,
    demoToken: seed.token,
    presence: { id: AVAILABLE, systemPresence: 'Available', message: '', modifiedDate: now },
    routingStatus: { status: 'OFF_QUEUE', startTime: now },
  };
}

function station(id: string, u: User): Station {
  return {
    id,
    name: `WebRTC - ${u.name}`,
    userId: u.id,
    type: 'inin_webrtc_softphone',
    webRtcPersistentEnabled: false,
    webRtcForceTurn: false,
    webRtcCallAppearances: 1,
  };
}

export function seedDirectory(): Directory {
  const acme: Org = {
    id: SEED.acme.orgId,
    name: SEED.acme.name,
    domain: 'acme.orgspan.com',
    thirdPartyOrgName: 'acmesupport',
  };
  const globex: Org = {
    id: SEED.globex.orgId,
    name: SEED.globex.name,
    domain: 'globex.orgspan.com',
    thirdPartyOrgName: 'globex',
  };
  const users = [
    user(acme, SEED.agent1, 'agent1', 'Agent One', '57a70001-0000-4000-8000-0000000000a1'),
    user(acme, SEED.agent2, 'agent2', 'Agent Two', '57a70002-0000-4000-8000-0000000000a2'),
    user(globex, SEED.agent3, 'agent3', 'Agent Three', '57a70003-0000-4000-8000-0000000000a3'),
  ];
  const queues: Queue[] = [
    queue('9a0e0001-0000-4000-8000-0000000000a1', acme.id, 'Support', 'mandatory', [1, 2, 3]),
    queue('9a0e0002-0000-4000-8000-0000000000a2', acme.id, 'Billing', 'optional', [1, 3]),
    queue('9a0e0003-0000-4000-8000-0000000000a3', globex.id, 'Sales', 'optional', [1, 2]),
  ];
  return {
    presenceChanges: [],
    orgs: new Map([acme, globex].map((o) => [o.id, o])),
    users: new Map(users.map((u) => [u.id, u])),
    stations: new Map(users.map((u) => [u.stationId, station(u.stationId, u)])),
    queues: new Map(queues.map((q) => [q.id, q])),
  };
}

export function findUserByJid(dir: Directory, bareJid: string): User | undefined {
  for (const u of dir.users.values()) {
    if (u.jabberId === bareJid) {
      return u;
    }
  }
  return undefined;
}

function queue(
  id: string,
  orgId: string,
  name: string,
  afterCallWork: Queue['afterCallWork'],
  codes: number[],
): Queue {
  const wrapupCodes = codes.map((n) => `3c0b4b0e-0000-4000-8000-00000000c00${String(n)}`);
  return { id, orgId, name, afterCallWork, wrapupCodes };
}

export function findQueueByName(dir: Directory, orgId: string, name: string): Queue | undefined {
  for (const q of dir.queues.values()) {
    if (q.orgId === orgId && q.name.toLowerCase() === name.toLowerCase()) {
      return q;
    }
  }
  return undefined;
}
