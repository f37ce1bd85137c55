import { describe, expect, it, vi } from 'vitest';
import type { OrgProfile } from '../../shared/auth/profile';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';
import type { LeaveSession } from './leave-session';
import { createWorkerOrgSwitch, type OrgSwitchWiring } from './org-switch-wiring';
import { createSwitchProgress, type SwitchRecord } from './switch-progress';

const GLOBEX: OrgProfile = {
  id: 'globex',
  name: 'Globex',
  customEnvironment: 'http://127.0.0.1:1',
  clientId: '0b3c5f1e-1111-4222-8333-444455556666',
  targetOrgId: '8f1c3a52-0000-4000-8000-00000000910b',
};

function call(state: CallSnapshot['state']): CallSnapshot {
  return {
    conversationId: 'c1',
    direction: 'inbound',
    state,
    remote: {},
    muted: false,
    held: false,
    attributes: {},
    attributesTruncated: false,
  };
}

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (keys: string[]) => Promise.resolve(Object.fromEntries(keys.map((k) => [k, data.get(k)]))),
    set: (items: Record<string, unknown>) =>
      Promise.resolve(Object.entries(items).forEach(([k, v]) => data.set(k, v))),
    remove: (key: string | string[]) =>
      Promise.resolve([key].flat().forEach((k) => data.delete(k))),
  };
}

function setup(options: { calls?: CallSnapshot[]; connects?: boolean } = {}) {
  const actions: string[] = [];
  let calls = options.calls ?? [];
  let connection: SessionSnapshot['connection'] = { state: 'connected', since: 0, attempt: 0 };
  const connect = () => {
    connection =
      options.connects === false
        ? { state: 'failed', since: 0, attempt: 1, error: { code: 'x', message: 'refused' } }
        : { state: 'connected', since: 0, attempt: 0 };
  };
  let clock = 0;
  const toOffscreen = vi.fn((type: string, data: unknown) => {
    actions.push(type === 'call.command' ? `call ${(data as { type: string }).type}` : type);
    if (type === 'call.command') {
      calls = calls.map((c) => ({ ...c, state: 'ended' as const }));
    }
    return Promise.resolve({ calls, connection });
  });
  const leave = {
    stopSoftphone: vi.fn(() => {
      actions.push('stop');
      connection = { state: 'signed-out', since: 0, attempt: 0 };
      return Promise.resolve(true);
    }),
    clearBackoff: vi.fn(() => (actions.push('clear-backoff'), Promise.resolve(1))),
    forget: vi.fn(() => (actions.push('forget'), Promise.resolve(null))),
  } as unknown as LeaveSession;
  const signIn = vi.fn((o: unknown) => {
    actions.push(`sign-in ${JSON.stringify(o).includes('"prompt"') ? 'prompt' : 'target'}`);
    connect();
    return Promise.resolve();
  });
  const area = memoryArea();
  const progress = createSwitchProgress(area);
  const saved: SwitchRecord[] = [];
  const wiring: OrgSwitchWiring = {
    toOffscreen: toOffscreen as unknown as OrgSwitchWiring['toOffscreen'],
    leave,
    signIn,
    activate: vi.fn((id: string) => (actions.push(`activate ${id}`), Promise.resolve())),
    progress: {
      ...progress,
      save: (r: SwitchRecord) => (saved.push(r), progress.save(r)),
    },
    notify: vi.fn(),
    now: () => clock,
    sleep: (ms) => Promise.resolve(void (clock += ms)),
  };
  return { actions, wiring, area, saved, connect, signIn, sw: createWorkerOrgSwitch(wiring) };
}

describe('worker organisation switch', () => {
  it('stops the old softphone before it forgets the tokens and signs in to the target', async () => {
    const { actions, sw, saved, area } = setup();
    const result = await sw.switchTo(GLOBEX, false);
    expect(result).toMatchObject({ status: 'switched', profileId: 'globex' });
    expect(actions.filter((a) => !a.startsWith('session.'))).toEqual([
      'stop',
      'clear-backoff',
      'forget',
      'sign-in target',
      'activate globex',
    ]);
    expect(saved.map((r) => r.step)).toEqual([
      'stopping-softphone',
      'forgetting-tokens',
      'signing-in',
      'starting',
    ]);
    expect(area.data.has('auth.switch')).toBe(false);
  });

  it('refuses while a call is live unless ending it was confirmed, then hangs it up first', async () => {
    const first = setup({ calls: [call('connected')] });
    await expect(first.sw.switchTo(GLOBEX, false)).resolves.toMatchObject({
      status: 'refused',
      activeCalls: 1,
    });
    expect(first.actions).toEqual(['session.snapshot']);
    const second = setup({ calls: [call('connected')] });
    await expect(second.sw.switchTo(GLOBEX, true)).resolves.toMatchObject({ status: 'switched' });
    expect(second.actions.indexOf('call hangup')).toBeLessThan(second.actions.indexOf('stop'));
  });

  it('declines a ringing call rather than hanging it up', async () => {
    const { actions, sw } = setup({ calls: [call('alerting')] });
    await sw.switchTo(GLOBEX, true);
    expect(actions).toContain('call decline');
  });

  it('names the failed step and keeps it for the pages', async () => {
    const { sw, wiring } = setup({ connects: false });
    const result = await sw.switchTo(GLOBEX, false);
    expect(result).toMatchObject({ status: 'failed', step: 'starting' });
    expect(await wiring.progress.view()).toEqual({
      switchFailure: {
        profileId: 'globex',
        step: 'starting',
        message: expect.stringContaining('starting the softphone') as string,
      },
    });
  });

  it('refuses a second switch while one is recorded as running', async () => {
    const { sw, wiring, actions } = setup();
    await wiring.progress.save({
      kind: 'running',
      profileId: 'acme',
      profileName: 'Acme',
      step: 'signing-in',
      at: Date.now(),
    });
    await expect(sw.switchTo(GLOBEX, false)).resolves.toMatchObject({ status: 'busy' });
    expect(actions).toEqual([]);
  });

  it('refuses a second switch started while the first runs', async () => {
    const { sw, signIn, connect } = setup();
    let release: () => void = () => undefined;
    signIn.mockImplementationOnce(() => new Promise<void>((resolve) => (release = resolve)));
    const first = sw.switchTo(GLOBEX, false);
    await vi.waitFor(() => expect(signIn).toHaveBeenCalled());
    await expect(sw.switchTo(GLOBEX, false)).resolves.toMatchObject({ status: 'busy' });
    connect();
    release();
    await expect(first).resolves.toMatchObject({ status: 'switched' });
  });
});
