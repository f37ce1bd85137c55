import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from './auth-error';
import { createOrgSwitcher, type OrgSwitchStep, type OrgSwitchSteps } from './org-switch';
import type { OrgProfile } from './profile';

const target: OrgProfile = {
  id: 'b',
  name: 'Beta Org',
  region: 'eu_west_1',
  clientId: '0b3c5f1e-2a4d-4c6e-8f10-123456789abc',
};

function fakeSteps(overrides: Partial<OrgSwitchSteps> = {}) {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(args.length > 0 ? `${name} ${JSON.stringify(args)}` : name);
      return Promise.resolve();
    };
  const steps: OrgSwitchSteps = {
    activeCallCount: () => Promise.resolve(0),
    endCalls: record('endCalls'),
    destroySoftphone: record('destroySoftphone'),
    clearStreamingBackoff: record('clearStreamingBackoff'),
    forgetTokens: record('forgetTokens'),
    signIn: record('signIn'),
    activateProfile: record('activateProfile'),
    startSoftphone: record('startSoftphone'),
    ...overrides,
  };
  return { steps, calls };
}

describe('org switch: happy path', () => {
  it('runs the steps in order and reports progress', async () => {
    const { steps, calls } = fakeSteps();
    const progress: OrgSwitchStep[] = [];
    const result = await createOrgSwitcher(steps).switchTo(target, {
      onProgress: (s) => progress.push(s),
    });
    expect(result).toEqual({ status: 'switched', profileId: 'b', warnings: [] });
    expect(calls).toEqual([
      'destroySoftphone',
      'clearStreamingBackoff',
      'forgetTokens',
      `signIn [${JSON.stringify(target)},{"prompt":"login"}]`,
      'activateProfile ["b"]',
      `startSoftphone [${JSON.stringify(target)}]`,
    ]);
    expect(progress).toEqual(['stopping-softphone', 'forgetting-tokens', 'signing-in', 'starting']);
  });

  it('signs in with the target organisation instead of prompt=login when one is set', async () => {
    const signIn = vi.fn(() => Promise.resolve());
    const { steps } = fakeSteps({ signIn });
    const withTarget = { ...target, targetOrgId: 'aa11bb22-cc33-4d44-8e55-66ff77889900' };
    await createOrgSwitcher(steps).switchTo(withTarget);
    expect(signIn).toHaveBeenCalledWith(withTarget, {});
  });
});

describe('org switch: active calls', () => {
  it('refuses without touching anything unless confirmed', async () => {
    const { steps, calls } = fakeSteps({ activeCallCount: () => Promise.resolve(2) });
    const result = await createOrgSwitcher(steps).switchTo(target);
    expect(result).toMatchObject({ status: 'refused', activeCalls: 2 });
    expect(result.status === 'refused' && result.message).toMatch(/2 calls are active/);
    expect(calls).toEqual([]);
  });

  it('ends the calls first when confirmed', async () => {
    const { steps, calls } = fakeSteps({ activeCallCount: () => Promise.resolve(1) });
    const progress: OrgSwitchStep[] = [];
    const result = await createOrgSwitcher(steps).switchTo(target, {
      confirmEndCalls: true,
      onProgress: (s) => progress.push(s),
    });
    expect(result.status).toBe('switched');
    expect(calls[0]).toBe('endCalls');
    expect(progress[0]).toBe('ending-calls');
  });
});

describe('org switch: failure cases', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('does not let a hanging destroy() block the switch', async () => {
    const { steps, calls } = fakeSteps({
      destroySoftphone: () => new Promise<void>(() => undefined),
    });
    const pending = createOrgSwitcher(steps).switchTo(target, { stepTimeoutMs: 60_000 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    const result = await pending;
    expect(result).toMatchObject({
      status: 'switched',
      warnings: [{ step: 'stopping-softphone', code: 'timeout' }],
    });
    expect(calls).toContain('forgetTokens');
    expect(calls.at(-1)).toMatch(/^startSoftphone/);
  });

  it('continues with a warning when destroy() rejects', async () => {
    const { steps } = fakeSteps({
      destroySoftphone: () => Promise.reject(new Error('already destroyed')),
    });
    const result = await createOrgSwitcher(steps).switchTo(target);
    expect(result).toMatchObject({
      status: 'switched',
      warnings: [
        {
          step: 'stopping-softphone',
          code: 'failed',
          message: expect.stringMatching(/already destroyed/) as unknown,
        },
      ],
    });
  });

  it('names the failing step and keeps the code of the error', async () => {
    const { steps, calls } = fakeSteps({
      signIn: () =>
        Promise.reject(new AuthError('auth.cancelled', 'The sign-in window was closed.')),
    });
    const result = await createOrgSwitcher(steps).switchTo(target);
    expect(result).toEqual({
      status: 'failed',
      step: 'signing-in',
      error: {
        code: 'auth.cancelled',
        message: 'Switching to "Beta Org" failed while signing in: The sign-in window was closed.',
      },
      warnings: [],
    });
    expect(calls).not.toContain('startSoftphone');
    expect(calls).not.toContain('activateProfile ["b"]');
  });

  it('fails at starting when the fresh softphone does not start', async () => {
    const { steps } = fakeSteps({
      startSoftphone: () => Promise.reject(new Error('no microphone')),
    });
    expect(await createOrgSwitcher(steps).switchTo(target)).toMatchObject({
      status: 'failed',
      step: 'starting',
    });
  });

  it('refuses a second switch while one is under way', async () => {
    const { steps } = fakeSteps({ destroySoftphone: () => new Promise<void>(() => undefined) });
    const switcher = createOrgSwitcher(steps);
    const first = switcher.switchTo(target);
    await vi.advanceTimersByTimeAsync(0);
    expect(switcher.switching).toBe(true);
    expect(await switcher.switchTo(target)).toMatchObject({ status: 'busy' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await first).status).toBe('switched');
    expect(switcher.switching).toBe(false);
  });
});
