import { describe, expect, it } from 'vitest';
import { KEEPALIVE_PERIOD_MS, WAKE_LATENESS_MS, sleepGap } from './wake-check';

describe('sleepGap', () => {
  it('sees nothing on the first tick or an ordinary one', () => {
    expect(sleepGap(null, 10_000)).toBeNull();
    expect(sleepGap(0, KEEPALIVE_PERIOD_MS)).toBeNull();
    expect(sleepGap(0, KEEPALIVE_PERIOD_MS + WAKE_LATENESS_MS)).toBeNull();
  });

  it('reports the gap when a tick came far too late', () => {
    expect(sleepGap(1_000, 1_000 + 120_000)).toBe(120_000);
    expect(sleepGap(0, KEEPALIVE_PERIOD_MS + WAKE_LATENESS_MS + 1)).toBe(
      KEEPALIVE_PERIOD_MS + WAKE_LATENESS_MS + 1,
    );
  });

  it('ignores a clock that moved backwards', () => {
    expect(sleepGap(500_000, 1_000)).toBeNull();
  });

  it('honours a custom period and lateness', () => {
    expect(sleepGap(0, 2_500, 1_000, 1_000)).toBe(2_500);
    expect(sleepGap(0, 1_900, 1_000, 1_000)).toBeNull();
  });
});
