/** Helpers shared by the control API routes: body validation, errors, user and call lookup. */
import type { z } from 'zod';
import type { Hub } from '../hub';
import type { Req } from '../rest/http';
import { resolveUser } from './resolve';

export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function body<T extends z.ZodType>(schema: T, req: Req): z.infer<T> {
  const parsed = schema.safeParse(req.body ?? {});
  if (!parsed.success) {
    throw new ControlError(400, parsed.error.message);
  }
  return parsed.data;
}

export function userResolver(hub: Hub) {
  return (ref: string) => {
    const u = resolveUser(hub.dir, ref);
    if (!u) {
      throw new ControlError(404, `unknown user ${ref}`);
    }
    return u;
  };
}

export function conversationOf(hub: Hub, req: Req) {
  const c = hub.calls.get(req.params['id'] ?? '');
  if (!c) {
    throw new ControlError(404, 'unknown conversation');
  }
  return c;
}
