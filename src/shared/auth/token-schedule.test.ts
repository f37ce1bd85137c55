import { describe, expect, it } from 'vitest';
import {
  NO_UNAUTHORIZED,
  afterRenewFailure,
  firstRenewMethod,
  onUnauthorized,
  renewalTime,
  type UnauthorizedMemory,
} from './token-schedule';

const T0 = 1_000_000;
const min = 60_000;

describe('renewalTime', () => {
  it('renews a one-hour token at 80 % of its lifetime', () => {
    expect(renewalTime({ issuedAt: T0, expiresAt: T0 + 60 * min })).toBe(T0 + 48 * min);
  });

  it('renews a ten-minute token five minutes before expiry (earlier than 80 %)', () => {
    expect(renewalTime({ issuedAt: T0, expiresAt: T0 + 10 * min })).toBe(T0 + 5 * min);
  });

  it('never renews a token younger than the floor', () => {
    expect(renewalTime({ issuedAt: T0, expiresAt: T0 + 60_000 })).toBe(T0 + 30_000);
    expect(renewalTime({ issuedAt: T0, expiresAt: T0 + 5_000 })).toBe(T0 + 30_000);
  });
});

describe('renewal method chain', () => {
  it('starts with the refresh token when there is one', () => {
    expect(firstRenewMethod({ refreshToken: 'r' })).toBe('refresh');
    expect(firstRenewMethod({})).toBe('silent');
  });

  it('retries transient failures with doubling delays, then moves on', () => {
    const net = { code: 'auth.network', retryable: true } as const;
    expect(afterRenewFailure({ method: 'refresh', error: net, attempt: 0 })).toEqual({
      kind: 'retry-later',
      method: 'refresh',
      attempt: 1,
      delayMs: 30_000,
    });
    expect(afterRenewFailure({ method: 'refresh', error: net, attempt: 2 })).toMatchObject({
      delayMs: 120_000,
    });
    expect(afterRenewFailure({ method: 'silent', error: net, attempt: 4 })).toMatchObject({
      delayMs: 300_000,
    });
    expect(afterRenewFailure({ method: 'refresh', error: net, attempt: 5 })).toEqual({
      kind: 'try',
      method: 'silent',
      attempt: 0,
    });
    expect(afterRenewFailure({ method: 'silent', error: net, attempt: 5 })).toEqual({
      kind: 'ask-agent',
    });
  });

  it('falls back from a rejected refresh token to silent, then to the agent', () => {
    const grant = { code: 'auth.invalid-grant', retryable: false } as const;
    expect(afterRenewFailure({ method: 'refresh', error: grant, attempt: 0 })).toEqual({
      kind: 'try',
      method: 'silent',
      attempt: 0,
    });
    const interaction = { code: 'auth.interaction-required', retryable: false } as const;
    expect(afterRenewFailure({ method: 'silent', error: interaction, attempt: 0 })).toEqual({
      kind: 'ask-agent',
    });
  });
});

describe('onUnauthorized', () => {
  const issued = T0 - 20 * min;
  const at = (now: number, memory: UnauthorizedMemory = NO_UNAUTHORIZED, renewing = false) =>
    onUnauthorized(memory, { now, tokenIssuedAt: issued, renewing });

  it('renews now on the first 401', () => {
    expect(at(T0)).toEqual({ kind: 'renew-now', memory: { forced: 1, lastForcedAt: T0 } });
  });

  it('coalesces 401s while a renewal runs', () => {
    expect(at(T0, NO_UNAUTHORIZED, true)).toMatchObject({ kind: 'ignore', reason: 'renewing' });
  });

  it('a 401 with a fresh token waits until it is no longer fresh, counted, so the softphone is never left without a renewal', () => {
    const fresh = (memory: UnauthorizedMemory) =>
      onUnauthorized(memory, { now: T0, tokenIssuedAt: T0 - 2_000, renewing: false });
    expect(fresh(NO_UNAUTHORIZED)).toEqual({
      kind: 'wait',
      until: T0 + 8_000,
      memory: { forced: 1, lastForcedAt: T0 },
    });
    const many = { forced: 4, lastForcedAt: T0 - 1_000 };
    expect(fresh(many)).toEqual({ kind: 'ask-agent', memory: many });
  });

  it('backs off repeated forced renewals instead of storming', () => {
    let memory = NO_UNAUTHORIZED;
    const first = at(T0, memory);
    memory = first.memory;
    expect(at(T0 + 10_000, memory)).toEqual({ kind: 'wait', until: T0 + 30_000, memory });
    const second = at(T0 + 30_000, memory);
    expect(second.kind).toBe('renew-now');
    memory = second.memory;
    expect(at(T0 + 60_000, memory)).toMatchObject({ kind: 'wait', until: T0 + 90_000 });
  });

  it('asks the agent after too many forced renewals, and forgets after a quiet spell', () => {
    const memory = { forced: 4, lastForcedAt: T0 };
    expect(at(T0 + 5 * min, memory)).toEqual({ kind: 'ask-agent', memory });
    expect(at(T0 + 16 * min, memory)).toEqual({
      kind: 'renew-now',
      memory: { forced: 1, lastForcedAt: T0 + 16 * min },
    });
  });
});
