import { describe, expect, it, vi } from 'vitest';
import { ServiceNowError } from '../../shared/servicenow/errors';
import type { TableClient } from '../../shared/servicenow/table-client';
import { writeInteraction } from './write';

const SYS = 'a'.repeat(32);

function client(found: { sys_id: string; number: string }[]) {
  const query = vi.fn(() => Promise.resolve(found));
  const create = vi.fn(() => Promise.resolve({ sys_id: SYS, number: 'INT1' }));
  const update = vi.fn((_t: string, sysId: string) =>
    Promise.resolve({ sys_id: sysId, number: 'INT7' }),
  );
  const api: TableClient = { query, create, update };
  return { api, query, create, update };
}

describe('interaction write in the tab', () => {
  it('finds the record by conversation id before creating, and updates it', async () => {
    const c = client([{ sys_id: SYS, number: 'INT7' }]);
    const out = await writeInteraction(c.api, 'https://x', {
      conversationId: 'c1',
      fields: { a: '1' },
    });
    expect(c.query).toHaveBeenCalledWith('interaction', 'u_conversation_id=c1', expect.anything());
    expect(c.create).not.toHaveBeenCalled();
    expect(out).toMatchObject({ ok: true, sysId: SYS, number: 'INT7', created: false });
  });

  it('creates when there is none, and updates by sys_id without a lookup', async () => {
    const c = client([]);
    expect(
      await writeInteraction(c.api, 'https://x', { conversationId: 'c1', fields: {} }),
    ).toMatchObject({ created: true });
    const d = client([]);
    await writeInteraction(d.api, 'https://x', { conversationId: 'c1', sysId: SYS, fields: {} });
    expect(d.query).not.toHaveBeenCalled();
    expect(d.update).toHaveBeenCalledWith('interaction', SYS, {});
  });

  it('keeps status and Retry-After of a failure', async () => {
    const c = client([]);
    c.create.mockRejectedValue(
      new ServiceNowError('servicenow.rate-limited', 'HTTP 429', {
        reason: 'http',
        status: 429,
        retryAfterMs: 3000,
      }),
    );
    expect(
      await writeInteraction(c.api, 'https://x', { conversationId: 'c1', fields: {} }),
    ).toMatchObject({
      ok: false,
      status: 429,
      retryAfterMs: 3000,
    });
  });
});
