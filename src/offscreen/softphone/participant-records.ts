/**
 * Platform API calls for interaction records, on a conversation's participants: who the agent
 * is, participant attributes (the ServiceNow record's sys_id and number, on the customer's
 * participant, where Genesys analytics and other agents see them), the queue's wrap-up codes and
 * whether after-call work is required, and the agent's wrap-up. The HTTP call is injected (the
 * adapter routes it through the SDK's authenticated client); answers are read leniently.
 */
import { z } from 'zod';
import type { ApiRequest } from './rest-actions';
import { SoftphoneError } from './softphone-error';

const participantSchema = z.object({
  id: z.string(),
  purpose: z.string().optional().catch(undefined),
  userId: z.string().optional().catch(undefined),
  name: z.string().optional().catch(undefined),
  wrapupRequired: z.boolean().optional().catch(undefined),
});
const conversationSchema = z.object({
  participants: z.array(participantSchema.nullable().catch(null)).catch([]),
});
const codesSchema = z.array(
  z
    .object({ id: z.string().max(128), name: z.string().max(256) })
    .nullable()
    .catch(null),
);

type Participant = z.infer<typeof participantSchema>;

const conversationPath = (id: string) => `/conversations/calls/${encodeURIComponent(id)}`;
const participantPath = (id: string, pid: string) =>
  `${conversationPath(id)}/participants/${encodeURIComponent(pid)}`;

async function participants(request: ApiRequest, conversationId: string): Promise<Participant[]> {
  const parsed = conversationSchema.safeParse(
    await request(conversationPath(conversationId), 'get'),
  );
  if (!parsed.success) {
    throw new SoftphoneError('no-call', 'Genesys did not describe the call.');
  }
  return parsed.data.participants.filter((p): p is Participant => p !== null);
}

function agentOf(list: Participant[], userId: string): Participant {
  const agent = list.findLast((p) => p.userId === userId);
  if (agent === undefined) {
    throw new SoftphoneError('no-call', 'This agent is not on the conversation.');
  }
  return agent;
}

export async function agentOnCall(request: ApiRequest, conversationId: string, userId: string) {
  const agent = agentOf(await participants(request, conversationId), userId);
  return { userId, ...(agent.name !== undefined && { name: agent.name.slice(0, 256) }) };
}

/** On the customer's (or external) participant; the agent's own when there is none. */
export async function writeAttributes(
  request: ApiRequest,
  conversationId: string,
  userId: string,
  attributes: Record<string, string>,
): Promise<void> {
  const list = await participants(request, conversationId);
  const target =
    list.find((p) => p.purpose === 'customer' || p.purpose === 'external') ?? agentOf(list, userId);
  await request(`${participantPath(conversationId, target.id)}/attributes`, 'patch', {
    attributes,
  });
}

export async function wrapupCodes(request: ApiRequest, conversationId: string, userId: string) {
  const agent = agentOf(await participants(request, conversationId), userId);
  const raw = await request(`${participantPath(conversationId, agent.id)}/wrapupcodes`, 'get');
  const listed = codesSchema.safeParse(raw);
  const codes = listed.success
    ? listed.data.filter((c): c is { id: string; name: string } => c !== null).slice(0, 100)
    : [];
  return { required: agent.wrapupRequired === true, codes };
}

export async function submitWrapup(
  request: ApiRequest,
  conversationId: string,
  userId: string,
  wrapup: { code: string; notes?: string },
): Promise<void> {
  const agent = agentOf(await participants(request, conversationId), userId);
  await request(participantPath(conversationId, agent.id), 'patch', { wrapup });
}
