/**
 * The connectivity check's step model: six steps in order, what each measures and which steps it
 * needs. A step whose dependency failed (or was itself skipped) is skipped, so the report names
 * the first broken layer instead of a cascade of failures.
 *
 *   dns-tls → websocket → ice-servers ─┬→ stun ─┐
 *                                      └→ turn ─┴→ media (needs stun OR turn)
 */
import type { Layer } from './error-catalogue';
import type { MediaPath } from './stats-extract';

export type StepId = 'dns-tls' | 'websocket' | 'ice-servers' | 'stun' | 'turn' | 'media';
export type StepStatus = 'ok' | 'failed' | 'skipped';
export type RelayProtocol = 'udp' | 'tcp' | 'tls';

export interface HostProbe {
  host: string;
  role: 'api' | 'login' | 'streaming';
  ok: boolean;
  ms?: number;
  error?: string;
}

/** What each step measures; every number is optional (a step may fail before measuring it). */
export interface StepMetrics {
  'dns-tls': { hosts?: HostProbe[] };
  websocket: {
    /** False when the socket never opened (refused, reset, proxy); true when it opened. */
    opened?: boolean;
    connectMs?: number;
    pingRttMs?: number;
    timedOut?: boolean;
    closeCode?: number;
    /** Status of the HTTP request that creates the notification channel, when it failed. */
    httpStatus?: number;
  };
  'ice-servers': { stun?: number; turn?: number; timedOut?: boolean };
  stun: { srflx?: number; errorCodes?: number[]; gatherMs?: number };
  turn: { relayProtocols?: RelayProtocol[]; errorCodes?: number[]; allocateMs?: number };
  media: {
    packetsReceived?: number;
    packetsSent?: number;
    rttMs?: number;
    lossPct?: number;
    jitterMs?: number;
    path?: MediaPath;
  };
}

export type StepResult<K extends StepId = StepId> = {
  [P in K]: {
    id: P;
    status: StepStatus;
    durationMs?: number;
    error?: string;
    /** Set on skipped steps: the dependency that failed or was skipped. */
    skippedBecause?: StepId;
    metrics?: StepMetrics[P];
  };
}[K];

export type StepResults = { [K in StepId]?: StepResult<K> };

export interface StepDefinition {
  id: StepId;
  label: string;
  labelKey: string;
  layer: Layer;
  /** All of these must be ok. */
  requires: readonly StepId[];
  /** At least one of these must be ok (when present). */
  requiresAny: readonly StepId[];
}

function step(
  id: StepId,
  label: string,
  layer: Layer,
  requires: StepId[],
  requiresAny: StepId[] = [],
): StepDefinition {
  return {
    id,
    label,
    labelKey: `check_step_${id.replace(/-/g, '_')}`,
    layer,
    requires,
    requiresAny,
  };
}

export const CONNECTIVITY_STEPS: readonly StepDefinition[] = [
  step('dns-tls', 'Reach Genesys Cloud (DNS and TLS)', 'network', []),
  step('websocket', 'Signalling connection (WebSocket and XMPP ping)', 'signalling', ['dns-tls']),
  step('ice-servers', 'Media server discovery (ICE servers)', 'ice', ['websocket']),
  step('stun', 'Direct media path (STUN)', 'ice', ['ice-servers']),
  step('turn', 'Relayed media path (TURN allocation)', 'turn', ['ice-servers']),
  step('media', 'Audio flowing (RTP counters moving)', 'media', ['ice-servers'], ['stun', 'turn']),
];

export const STEP_IDS: readonly StepId[] = CONNECTIVITY_STEPS.map((s) => s.id);

export function stepDefinition(id: StepId): StepDefinition {
  const found = CONNECTIVITY_STEPS.find((s) => s.id === id);
  if (found === undefined) {
    throw new RangeError(`unknown connectivity step ${id}`);
  }
  return found;
}

const isOk = (results: StepResults, id: StepId) => results[id]?.status === 'ok';
const isDone = (results: StepResults, id: StepId) => results[id] !== undefined;

/** The dependency that stops `id` from running, once the dependencies have results. */
export function blockedBy(id: StepId, results: StepResults): StepId | undefined {
  const def = stepDefinition(id);
  const failed = def.requires.find((dep) => isDone(results, dep) && !isOk(results, dep));
  if (failed !== undefined) {
    return failed;
  }
  const any = def.requiresAny;
  if (
    any.length > 0 &&
    any.every((dep) => isDone(results, dep)) &&
    !any.some((dep) => isOk(results, dep))
  ) {
    return any[0];
  }
  return undefined;
}

/** The next step to run (its dependencies are all settled and sufficient), or null when done. */
export function nextStep(results: StepResults): StepId | null {
  for (const def of CONNECTIVITY_STEPS) {
    if (isDone(results, def.id)) {
      continue;
    }
    const settled = [...def.requires, ...def.requiresAny].every((dep) => isDone(results, dep));
    if (settled) {
      return def.id;
    }
  }
  return null;
}

/** All six steps in order; steps without a result are skipped (with the reason when blocked). */
export function resolveSteps(results: StepResults): StepResult[] {
  const resolved: StepResults = {};
  for (const def of CONNECTIVITY_STEPS) {
    const blocker = blockedBy(def.id, resolved);
    const given = results[def.id];
    const out: StepResult =
      blocker !== undefined
        ? { id: def.id, status: 'skipped', skippedBecause: blocker }
        : (given ?? { id: def.id, status: 'skipped' });
    Object.assign(resolved, { [def.id]: out });
  }
  return STEP_IDS.map((id) => resolved[id]).filter((r): r is StepResult => r !== undefined);
}
