/** The stand-in over real HTTP: page session, Table API auth, queries, writes and injected faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEED_NUMBERS, startServiceNow, type ServiceNowStandIn } from './index';

let sn: ServiceNowStandIn;
let cookie = '';
let token = '';

/** Opens a page like a browser would and keeps its session cookie and g_ck. */
async function openPage(path = '/now/workspace/agent/home') {
  const res = await fetch(sn.url + path);
  const html = await res.text();
  return {
    res,
    html,
    setCookie: res.headers.get('set-cookie') ?? '',
    gck: /window\.g_ck = "([0-9a-f]+)"/.exec(html)?.[1] ?? '',
  };
}

function api(path: string, init: RequestInit & { auth?: boolean } = {}) {
  const { auth = true, headers, ...rest } = init;
  return fetch(`${sn.url}/api/now/table/${path}`, {
    ...rest,
    headers: {
      Accept: 'application/json',
      ...(auth ? { Cookie: cookie, 'X-UserToken': token } : {}),
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(headers as Record<string, string> | undefined),
    },
  });
}

const q = (query: string): string => `sysparm_query=${encodeURIComponent(query)}`;

beforeAll(async () => {
  sn = await startServiceNow({ port: 0, lookupLatencyMs: 0 });
  const page = await openPage();
  cookie = page.setCookie.split(';')[0] ?? '';
  token = page.gck;
});
afterAll(() => sn.close());
beforeEach(() => sn.control.reset());

describe('page session', () => {
  it('sets an HttpOnly SameSite=Lax session cookie and exposes g_ck', async () => {
    const page = await openPage('/customer_contact.do?sys_id=' + SEED_NUMBERS.singleMatch.sysId);
    expect(page.res.status).toBe(200);
    expect(page.setCookie).toMatch(
      /^glide_user_session=[0-9A-F]{32}; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    expect(page.gck).toMatch(/^[0-9a-f]{64}$/);
    expect(page.html).toContain('value="+1 (415) 555-0101"');
  });

  it('renders markup in data as text', async () => {
    const page = await openPage('/customer_contact.do?sys_id=' + SEED_NUMBERS.htmlNameMatch.sysId);
    expect(page.html).not.toContain('<img src=x');
    expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt; Mallory');
  });
});

describe('Table API authentication', () => {
  it('answers 401 without the token, with a wrong token, or without the cookie', async () => {
    for (const headers of [
      { Cookie: cookie },
      { Cookie: cookie, 'X-UserToken': 'f'.repeat(64) },
      { 'X-UserToken': token },
    ]) {
      const res = await api('customer_contact', { auth: false, headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: {
          message: 'User Not Authenticated',
          detail: 'Required to provide Auth information',
        },
        status: 'failure',
      });
    }
  });

  it('rejects cross-origin writes', async () => {
    const res = await api('interaction', {
      method: 'POST',
      body: '{}',
      headers: { Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(await sn.control.records('interaction')).toEqual([]);
  });
});

describe('Table API', () => {
  it('finds both contacts of the duplicate number, ordered, with selected fields', async () => {
    const { stored, names } = SEED_NUMBERS.duplicateMatch;
    const res = await api(
      `customer_contact?${q(`phone=${stored}^ORmobile_phone=${stored}^ORDERBYDESCname`)}&sysparm_fields=name,phone&sysparm_display_value=true`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('2');
    expect(await res.json()).toEqual({
      result: [...names]
        .sort()
        .reverse()
        .map((name) => ({ name, phone: stored })),
    });
  });

  it('pages with sysparm_limit and sysparm_offset', async () => {
    const res = await api(`customer_contact?${q('ORDERBYname')}&sysparm_limit=2&sysparm_offset=1`);
    const body = (await res.json()) as { result: { name: string }[] };
    expect(body.result.map((r) => r.name)).toEqual(['Chris Lee', 'Emma Wilson']);
  });

  it('creates and updates an interaction, visible through the control API', async () => {
    const created = await api('interaction', {
      method: 'POST',
      body: JSON.stringify({ u_conversation_id: 'conv-1', u_caller_phone: '+14155550101' }),
    });
    expect(created.status).toBe(201);
    const { result } = (await created.json()) as { result: Record<string, string> };
    expect(result['sys_id']).toMatch(/^[0-9a-f]{32}$/);
    expect(result['number']).toBe('INT0010001');
    expect(result['sys_created_on']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    const patched = await api(`interaction/${result['sys_id']}`, {
      method: 'PATCH',
      body: JSON.stringify({ u_recording_id: 'rec-9' }),
    });
    expect(patched.status).toBe(200);
    const stored = await sn.control.interactionsFor('conv-1');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ u_recording_id: 'rec-9', sys_mod_count: '1' });
  });

  it('answers 400 in ServiceNow shape for an unknown table, 404 for a missing record', async () => {
    const bad = await api('cmdb_ci');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { message: 'Invalid table cmdb_ci', detail: null },
      status: 'failure',
    });
    expect((await api(`incident/${'0'.repeat(32)}`)).status).toBe(404);
  });
});

describe('injected behaviour', () => {
  it('answers 429 with Retry-After for the next N requests', async () => {
    await sn.control.rateLimit({ requests: 2, retryAfterSec: 7 });
    for (let i = 0; i < 2; i++) {
      const res = await api('customer_contact');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
    }
    expect((await api('customer_contact')).status).toBe(200);
    expect((await sn.control.requests({ kind: 'table' })).counts.byStatus).toEqual({
      '429': 2,
      '200': 1,
    });
  });

  it('answers 403 for a denied table and 5xx once', async () => {
    await sn.control.denyTable('interaction', ['POST']);
    await sn.control.serverError({ status: 503 });
    expect((await api('customer_contact')).status).toBe(503);
    expect((await api('interaction', { method: 'POST', body: '{}' })).status).toBe(403);
    expect((await api('interaction')).status).toBe(200);
  });

  it('applies the configured latency to Table API GETs only', async () => {
    expect((await sn.control.state()).latencyMs).toBe(0);
    await sn.control.setLatency(25);
    await api(`customer_contact?${q(`phone=${SEED_NUMBERS.singleMatch.stored}`)}`);
    await api('interaction', { method: 'POST', body: '{}' });
    const { requests, counts } = await sn.control.requests({ kind: 'table' });
    expect(requests.map((r) => [r.method, r.latencyMs])).toEqual([
      ['GET', 25],
      ['POST', 0],
    ]);
    expect(requests[0]?.query['sysparm_query']).toBe(`phone=${SEED_NUMBERS.singleMatch.stored}`);
    expect(counts.byTable).toEqual({ customer_contact: { GET: 1 }, interaction: { POST: 1 } });
    const later = await sn.control.requests({ sinceSeq: requests[0]?.seq ?? 0, method: 'post' });
    expect(later.requests.map((r) => r.path)).toEqual(['/api/now/table/interaction']);
    await sn.control.reset();
    expect((await sn.control.state()).latencyMs).toBe(0);
  });

  it('expires sessions on request', async () => {
    const creds = await sn.control.createSession();
    await sn.control.expireSessions();
    const res = await api('incident', {
      auth: false,
      headers: { Cookie: creds.cookie, 'X-UserToken': creds.token },
    });
    expect(res.status).toBe(401);
    const page = await openPage();
    cookie = page.setCookie.split(';')[0] ?? '';
    token = page.gck;
  });
});
