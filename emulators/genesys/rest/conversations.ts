/** Conversations API: read, place outbound calls, participant control, attributes, digits, transfer, wrap-up. */
import {
  recordWrapup,
  WRAPUP_CODES,
  ownParticipant,
  patchAttributes,
  patchParticipant,
  replaceParticipant,
  sendDigits,
  type OpResult,
} from '../calls/participant-ops';
import { dialTarget } from '../calls/build';
import { conversationJson, participantJson } from '../calls/events';
import type { Hub } from '../hub';
import { apiError, ok, type Reply, type Req, type Router } from './http';

function toReply(r: OpResult): Reply {
  return r.ok
    ? { status: r.status ?? 200, body: r.body ?? {} }
    : apiError(r.status, r.code, r.message);
}

export function registerConversationRoutes(router: Router, hub: Hub): void {
  const withParticipant =
    (fn: (req: Req, x: Exclude<ReturnType<typeof ownParticipant>, OpResult>) => OpResult) =>
    (req: Req): Reply => {
      const found = ownParticipant(
        hub,
        req.user?.id ?? '',
        req.params['cid'] ?? '',
        req.params['pid'] ?? '',
      );
      return 'conv' in found ? toReply(fn(req, found)) : toReply(found);
    };
  const readConv = (req: Req): Reply => {
    const conv = hub.calls.get(req.params['cid'] ?? '');
    return conv && conv.orgId === req.user?.orgId
      ? ok(conversationJson(conv))
      : apiError(404, 'not.found', 'conversation not found');
  };
  const listActive = (req: Req): Reply =>
    ok({ entities: hub.calls.activeFor(req.user?.id ?? '').map(conversationJson) });

  router.add('GET', '/conversations', listActive);
  router.add('GET', '/conversations/calls', listActive);
  router.add('GET', '/conversations/:cid', readConv);
  router.add('GET', '/conversations/calls/:cid', readConv);

  router.add('POST', '/conversations/calls', (req) => {
    const user = req.user;
    const body: unknown = req.body;
    const target =
      body && typeof body === 'object' ? dialTarget(body as Record<string, unknown>) : undefined;
    if (!user || !target) {
      return apiError(400, 'bad.request', 'phoneNumber, callUserId or callQueueId is required');
    }
    const conv = hub.calls.placeOutbound(user, target);
    return ok({ id: conv.id, selfUri: `/api/v2/conversations/calls/${conv.id}` });
  });

  const base = '/conversations/calls/:cid/participants/:pid';
  router.add(
    'PATCH',
    base,
    withParticipant((req, { conv, p }) =>
      patchParticipant(hub, req.user?.id ?? '', conv, p, req.body),
    ),
  );
  router.add(
    'PATCH',
    `${base}/attributes`,
    withParticipant((req, { conv, p }) => patchAttributes(hub, conv, p, req.body)),
  );
  router.add(
    'POST',
    `${base}/digits`,
    withParticipant((req, { conv, p }) => sendDigits(conv, p, req.body)),
  );
  router.add(
    'POST',
    `${base}/replace`,
    withParticipant((req, { conv, p }) => replaceParticipant(hub, conv, p, req.body)),
  );
  router.add(
    'GET',
    `${base}/wrapupcodes`,
    withParticipant((_req, { p }) => {
      // The codes of the participant's queue; a call without a queue has none.
      const queue = p.queueId === undefined ? undefined : hub.dir.queues.get(p.queueId);
      const codes = WRAPUP_CODES.filter((c) => queue?.wrapupCodes.includes(c.id) ?? false);
      return { ok: true, body: codes };
    }),
  );
  router.add(
    'GET',
    `${base}/wrapup`,
    withParticipant((_req, { conv, p }) => ({
      ok: true,
      body: participantJson(conv, p).wrapup ?? {},
    })),
  );
  router.add(
    'POST',
    `${base}/communications/:commId/wrapup`,
    withParticipant((req, { conv, p }) => {
      const body = (req.body ?? {}) as { code?: unknown; notes?: unknown };
      if (typeof body.code !== 'string') {
        return { ok: false, status: 400, code: 'bad.request', message: 'code is required' };
      }
      recordWrapup(p, body.code, typeof body.notes === 'string' ? body.notes : undefined);
      hub.calls.emit(conv);
      return { ok: true, status: 202 };
    }),
  );
  router.add('GET', '/routing/wrapupcodes', () =>
    ok({ entities: WRAPUP_CODES, pageSize: 25, pageNumber: 1, total: WRAPUP_CODES.length }),
  );
}
