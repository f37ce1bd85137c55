/**
 * Presence (presences/purecloud, with a `presence` alias), presence definitions and routing status.
 * Setting a presence moves the routing status with it (On Queue → IDLE, otherwise OFF_QUEUE) as a
 * platform change; both are published on `v2.users.{id}.presence` / `.routingStatus`.
 */
import { z } from 'zod';
import type { Hub } from '../hub';
import type { User } from '../state';
import { apiError, ok, type Reply, type Req, type Router } from './http';
import { setRoutingStatus } from './routing';

const DEFINITIONS = [
  { id: '6a3af858-942f-489d-9700-5f9bcdcdae9b', systemPresence: 'Available' },
  { id: '31fe3bac-dea6-44b7-bed7-47f91660a1a0', systemPresence: 'Busy' },
  { id: 'e08eaf1b-ee47-4fa9-a231-1200e284798f', systemPresence: 'Away' },
  { id: '3fd96123-badb-4f69-bc03-1b1ccc6d8014', systemPresence: 'Break' },
  { id: '2c0f3ad3-fcc4-4aac-8d74-e7ab4b0f3a2b', systemPresence: 'Meal' },
  { id: 'c3a9d9a0-5a3e-4b8b-a3d8-0b3d0f4e4a2e', systemPresence: 'Meeting' },
  { id: 'ccf3c10a-aa2c-4845-8e8d-f59fa48c58e5', systemPresence: 'Offline' },
  { id: '227c4d95-25a8-4c8b-a7fa-0f5c2a3e4d8e', systemPresence: 'On Queue' },
];

const PresenceBody = z.looseObject({
  presenceDefinition: z.looseObject({
    id: z.string().optional(),
    systemPresence: z.string().optional(),
  }),
  message: z.string().optional(),
});

const RoutingBody = z.looseObject({ status: z.string() });

function presenceJson(user: User) {
  return {
    source: 'PURECLOUD',
    primary: true,
    presenceDefinition: { id: user.presence.id, systemPresence: user.presence.systemPresence },
    message: user.presence.message,
    modifiedDate: user.presence.modifiedDate,
  };
}

export function registerPresenceRoutes(router: Router, hub: Hub): void {
  const target = (req: Req): User | undefined => {
    const id = req.params['id'] === 'me' ? req.user?.id : req.params['id'];
    const user = hub.dir.users.get(id ?? '');
    return user && user.orgId === req.user?.orgId ? user : undefined;
  };
  const notFound = () => apiError(404, 'not.found', 'user not found');

  const getPresence = (req: Req): Reply => {
    const user = target(req);
    return user ? ok(presenceJson(user)) : notFound();
  };
  const setPresence = (req: Req): Reply => {
    const user = target(req);
    const body = PresenceBody.safeParse(req.body);
    if (!user) {
      return notFound();
    }
    const def = body.success
      ? DEFINITIONS.find(
          (d) =>
            d.id === body.data.presenceDefinition.id ||
            d.systemPresence === body.data.presenceDefinition.systemPresence,
        )
      : undefined;
    if (!body.success || !def) {
      return apiError(400, 'bad.request', 'unknown presenceDefinition');
    }
    user.presence = {
      id: def.id,
      systemPresence: def.systemPresence,
      message: body.data.message ?? user.presence.message,
      modifiedDate: new Date().toISOString(),
    };
    hub.dir.presenceChanges.push({
      at: Date.now(),
      userId: user.id,
      kind: 'presence',
      value: def.systemPresence,
    });
    hub.streaming.publish(`v2.users.${user.id}.presence`, {
      source: 'PURECLOUD',
      presenceDefinition: presenceJson(user).presenceDefinition,
      message: user.presence.message,
      modifiedDate: user.presence.modifiedDate,
    });
    // Going on queue makes the agent routable (IDLE); any other presence takes them off queue.
    const routing = def.systemPresence === 'On Queue' ? 'IDLE' : 'OFF_QUEUE';
    if (user.routingStatus.status !== routing) {
      setRoutingStatus(hub, user, routing, 'platform');
    }
    return ok(presenceJson(user));
  };
  for (const path of ['/users/:id/presences/purecloud', '/users/:id/presence']) {
    router.add('GET', path, getPresence);
    router.add('PATCH', path, setPresence);
  }

  const getRouting = (req: Req): Reply => {
    const user = target(req);
    return user ? ok(user.routingStatus) : notFound();
  };
  const setRouting = (req: Req): Reply => {
    const user = target(req);
    const body = RoutingBody.safeParse(req.body);
    if (!user) {
      return notFound();
    }
    if (!body.success) {
      return apiError(400, 'bad.request', 'status is required');
    }
    setRoutingStatus(hub, user, body.data.status, 'client');
    return ok(user.routingStatus);
  };
  router.add('GET', '/users/:id/routingstatus', getRouting);
  router.add('PUT', '/users/:id/routingstatus', setRouting);
  router.add('PATCH', '/users/:id/routingstatus', setRouting);
  router.add('GET', '/presencedefinitions', () =>
    ok({
      entities: DEFINITIONS.map((d) => ({ ...d, languageLabels: { en_US: d.systemPresence } })),
    }),
  );
  router.add('GET', '/presence/definitions', () => ok({ entities: DEFINITIONS }));
}
