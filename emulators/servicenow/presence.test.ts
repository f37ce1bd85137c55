/** Agent presence in the stand-in: seeded states, the agent's record found as "me", a PATCH. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_AGENT, SEED_AGENT_PRESENCE_ID, SEED_PRESENCE_STATES, startServiceNow } from './index';
import type { ServiceNowStandIn } from './index';
import { resolveMe } from './server/me-query';

let sn: ServiceNowStandIn;
let headers: Record<string, string> = {};

beforeAll(async () => {
  sn = await startServiceNow({ port: 0, lookupLatencyMs: 0 });
  const session = await sn.control.createSession();
  headers = { Cookie: session.cookie, 'X-UserToken': session.token, Accept: 'application/json' };
});
afterAll(() => sn.close());

const table = (path: string, init: RequestInit & { extra?: Record<string, string> } = {}) => {
  const { extra = {}, ...rest } = init;
  return fetch(`${sn.url}/api/now/table/${path}`, { ...rest, headers: { ...headers, ...extra } });
};

describe('agent presence tables', () => {
  it('resolves gs.getUserID() to the session user', () => {
    expect(resolveMe('agent=javascript:gs.getUserID()^active=true', 'u1')).toBe(
      'agent=u1^active=true',
    );
  });

  it("finds the session user's presence record and sets its state", async () => {
    const query = encodeURIComponent('agent=javascript:gs.getUserID()');
    const own = (await (await table(`awa_agent_presence?sysparm_query=${query}`)).json()) as {
      result: Record<string, string>[];
    };
    expect(own.result).toHaveLength(1);
    expect(own.result[0]).toMatchObject({
      sys_id: SEED_AGENT_PRESENCE_ID,
      agent: SEED_AGENT.sysId,
      current_presence_state: SEED_PRESENCE_STATES.Offline,
    });
    const patched = await table(`awa_agent_presence/${SEED_AGENT_PRESENCE_ID}`, {
      method: 'PATCH',
      extra: { 'Content-Type': 'application/json', Origin: sn.url },
      body: JSON.stringify({ current_presence_state: SEED_PRESENCE_STATES.Away }),
    });
    expect(patched.status).toBe(200);
    const [record] = await sn.control.records('awa_agent_presence');
    expect(record?.['current_presence_state']).toBe(SEED_PRESENCE_STATES.Away);
    expect((await sn.control.records('awa_presence_state')).map((r) => r['name']).sort()).toEqual([
      'Available',
      'Away',
      'Offline',
    ]);
  });
});
