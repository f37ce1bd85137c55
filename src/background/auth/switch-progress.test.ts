import { describe, expect, it } from 'vitest';
import { createSwitchProgress, SWITCH_KEY } from './switch-progress';

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

const running = {
  kind: 'running',
  profileId: 'g',
  profileName: 'Globex',
  step: 'signing-in',
} as const;

describe('switch progress', () => {
  it('shows a switch under way, but not one a dead worker left behind', async () => {
    let now = 1_000_000;
    const progress = createSwitchProgress(memoryArea(), () => now);
    await progress.save({ ...running, at: now });
    expect(await progress.running()).toBe(true);
    expect(await progress.view()).toEqual({
      switching: { profileId: 'g', profileName: 'Globex', step: 'signing-in' },
    });
    now += 3 * 60_000;
    expect(await progress.running()).toBe(false);
    expect(await progress.view()).toEqual({});
  });

  it('keeps a failure until a sign-in or sign-out dismisses it, and never dismisses a running switch', async () => {
    const area = memoryArea();
    const progress = createSwitchProgress(area);
    await progress.save({ kind: 'failed', profileId: 'g', step: 'starting', message: 'm', at: 1 });
    expect(await progress.view()).toEqual({
      switchFailure: { profileId: 'g', step: 'starting', message: 'm' },
    });
    await progress.dismissFailure();
    expect(area.data.has(SWITCH_KEY)).toBe(false);
    await progress.save({ ...running, at: Date.now() });
    await progress.dismissFailure();
    expect(await progress.running()).toBe(true);
  });

  it('ignores a stored value of the wrong shape', async () => {
    const area = memoryArea();
    area.data.set(SWITCH_KEY, { kind: 'running', step: 3 });
    expect(await createSwitchProgress(area).view()).toEqual({});
  });
});
