/**
 * Hand-written shape checks for what reaches the content script: envelopes, replies, snapshots
 * and the screen-pop configuration. They mirror the zod schemas in src/shared/protocol (a test
 * holds them to the same verdicts) without bringing zod into every ServiceNow page. The
 * configuration comes from the worker, which validated it fully; here its structure is checked.
 */
import type { SerializedError } from '../../shared/errors';
import type { ContentConfig } from '../../shared/protocol/messages/content';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';

/** Must equal PROTOCOL_VERSION in shared/protocol/envelope.ts (checked by a test). */
export const CONTENT_PROTOCOL_VERSION = 1;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length <= max && v.length >= min;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const optional = (o: Obj, key: string, check: (v: unknown) => boolean): boolean =>
  !(key in o) || check(o[key]);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);

const CONTEXTS = oneOf(['worker', 'offscreen', 'content', 'ui']);
const CALL_STATES = oneOf([
  'alerting',
  'connecting',
  'connected',
  'ended',
  'missed',
  'declined',
  'failed',
]);
const CONNECTION_STATES = oneOf([
  'signed-out',
  'stopped',
  'starting',
  'connected',
  'reconnecting',
  'backing-off',
  'failed',
  'mic-blocked',
]);
const PROFILES = oneOf(['standard', 'high-latency', 'custom']);

export interface EnvelopeLike {
  v: number;
  to: string;
  type: string;
  data: unknown;
}

export function isEnvelopeLike(v: unknown): v is EnvelopeLike {
  return (
    isObj(v) &&
    typeof v['v'] === 'number' &&
    Number.isInteger(v['v']) &&
    CONTEXTS(v['to']) &&
    isText(v['type'], 64, 1)
  );
}

const isError = (v: unknown): boolean =>
  isObj(v) && isText(v['code'], 64) && isText(v['message'], 1000);

function isAttributes(v: unknown): v is Record<string, string> {
  return (
    isObj(v) && Object.entries(v).every(([key, value]) => key.length <= 256 && isText(value, 4096))
  );
}

export function isCallSnapshot(v: unknown): v is CallSnapshot {
  if (!isObj(v) || !isObj(v['remote'])) {
    return false;
  }
  const remote = v['remote'];
  return (
    isText(v['conversationId'], 128, 1) &&
    (v['direction'] === 'inbound' || v['direction'] === 'outbound') &&
    CALL_STATES(v['state']) &&
    optional(remote, 'name', (x) => isText(x, 512)) &&
    optional(remote, 'number', (x) => isText(x, 128)) &&
    optional(v, 'queue', (x) => isText(x, 512)) &&
    typeof v['muted'] === 'boolean' &&
    typeof v['held'] === 'boolean' &&
    ['alertedAt', 'answeredAt', 'mediaConnectedAt', 'endedAt'].every((k) =>
      optional(v, k, isCount),
    ) &&
    isAttributes(v['attributes']) &&
    typeof v['attributesTruncated'] === 'boolean' &&
    optional(v, 'recordingId', (x) => isText(x, 128)) &&
    optional(v, 'error', isError)
  );
}

export function isSessionSnapshot(v: unknown): v is SessionSnapshot {
  if (!isObj(v) || !isObj(v['connection']) || !Array.isArray(v['calls'])) {
    return false;
  }
  const c = v['connection'];
  return (
    v['v'] === 1 &&
    CONNECTION_STATES(c['state']) &&
    isCount(c['since']) &&
    isCount(c['attempt']) &&
    optional(c, 'nextRetryAt', isCount) &&
    optional(c, 'lastRecoveryMs', (x) => typeof x === 'number' && x >= 0) &&
    optional(c, 'error', isError) &&
    v['calls'].length <= 64 &&
    v['calls'].every(isCallSnapshot) &&
    PROFILES(v['networkProfile']) &&
    isCount(v['seq']) &&
    isCount(v['updatedAt'])
  );
}

export function isContentSnapshot(
  v: unknown,
): v is { snapshot: SessionSnapshot; popTarget: boolean } {
  return isObj(v) && typeof v['popTarget'] === 'boolean' && isSessionSnapshot(v['snapshot']);
}

const isTextList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

function isRuleShape(v: unknown): boolean {
  if (!isObj(v) || !isObj(v['match']) || !isObj(v['action'])) {
    return false;
  }
  const action = v['action'];
  const search = action['search'];
  const validAction =
    action['type'] === 'url'
      ? typeof action['template'] === 'string'
      : action['type'] === 'search' &&
        isObj(search) &&
        Array.isArray(search['tables']) &&
        search['tables'].every((t) => isObj(t) && typeof t['table'] === 'string');
  return (
    typeof v['id'] === 'string' &&
    typeof v['name'] === 'string' &&
    typeof v['enabled'] === 'boolean' &&
    oneOf(['alert', 'answer', 'never'])(v['when']) &&
    validAction
  );
}

export function isContentConfig(v: unknown): v is ContentConfig {
  if (!isObj(v) || !isObj(v['screenPop'])) {
    return false;
  }
  const pop = v['screenPop'];
  return (
    isText(v['defaultRegion'], 2, 2) &&
    typeof pop['budgetMs'] === 'number' &&
    typeof pop['maxResults'] === 'number' &&
    isTextList(pop['allowedUrlHosts']) &&
    Array.isArray(pop['rules']) &&
    pop['rules'].every(isRuleShape)
  );
}

export type ReplyLike = { ok: true; value: unknown } | { ok: false; error: SerializedError };

export function isReply(v: unknown): v is ReplyLike {
  if (!isObj(v)) {
    return false;
  }
  if (v['ok'] === true) {
    return true;
  }
  const error = v['error'];
  return (
    v['ok'] === false &&
    isObj(error) &&
    typeof error['name'] === 'string' &&
    typeof error['code'] === 'string' &&
    typeof error['message'] === 'string'
  );
}
