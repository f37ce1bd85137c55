/** The presence rules: labels, change plans, event folding, parsing, the one-way mapping. */
import { describe, expect, it } from 'vitest';
import { applyPlan, mergeEvent, planChange } from './change';
import { parsePresence, parseRouting } from './parse';
import { statusLabel, type AgentStatus } from './status';
import { SYSTEM_PRESENCES } from './status';
import { presenceForStateName } from './servicenow';
import { genesysFor, planPull, planPush, pushes, servicenowFor } from './sync';

const status = (
  presence: AgentStatus['presence'],
  routing: AgentStatus['routing'],
): AgentStatus => ({
  presence,
  routing,
  updatedAt: 1,
});

describe('statusLabel', () => {
  it('reads On Queue through the routing status', () => {
    expect(statusLabel(status('On Queue', 'IDLE'))).toBe('on-queue');
    expect(statusLabel(status('On Queue', 'INTERACTING'))).toBe('interacting');
    expect(statusLabel(status('On Queue', 'COMMUNICATING'))).toBe('interacting');
    expect(statusLabel(status('On Queue', 'NOT_RESPONDING'))).toBe('not-responding');
  });
  it('shows other presences as they are', () => {
    expect(statusLabel(status('Break', 'OFF_QUEUE'))).toBe('break');
    expect(statusLabel(status('Offline', 'OFF_QUEUE'))).toBe('offline');
  });
});

describe('planChange', () => {
  it('sets a presence, and nothing when it is already set', () => {
    expect(planChange({ kind: 'set', presence: 'Busy' }, status('Available', 'OFF_QUEUE'))).toEqual(
      { kind: 'presence', presence: 'Busy' },
    );
    expect(planChange({ kind: 'set', presence: 'Busy' }, status('Busy', 'OFF_QUEUE'))).toEqual({
      kind: 'none',
    });
  });
  it('toggles the queue', () => {
    expect(planChange({ kind: 'toggle-queue' }, status('Available', 'OFF_QUEUE'))).toEqual({
      kind: 'presence',
      presence: 'On Queue',
    });
    expect(planChange({ kind: 'toggle-queue' }, status('On Queue', 'NOT_RESPONDING'))).toEqual({
      kind: 'presence',
      presence: 'Available',
    });
    expect(planChange({ kind: 'toggle-queue' }, null)).toEqual({
      kind: 'presence',
      presence: 'On Queue',
    });
  });
  it('recovers from not responding with the routing status only', () => {
    expect(planChange({ kind: 'recover' }, status('On Queue', 'NOT_RESPONDING'))).toEqual({
      kind: 'routing',
      status: 'IDLE',
    });
    expect(planChange({ kind: 'recover' }, status('On Queue', 'IDLE'))).toEqual({ kind: 'none' });
    expect(planChange({ kind: 'recover' }, null)).toEqual({ kind: 'none' });
  });
  it('applies an accepted plan', () => {
    expect(applyPlan(null, { kind: 'presence', presence: 'On Queue' }, 5)).toEqual({
      presence: 'On Queue',
      routing: 'IDLE',
      updatedAt: 5,
    });
    expect(
      applyPlan(status('On Queue', 'NOT_RESPONDING'), { kind: 'routing', status: 'IDLE' }, 5),
    ).toEqual({ presence: 'On Queue', routing: 'IDLE', updatedAt: 5 });
  });
});

describe('mergeEvent', () => {
  it('folds presence and routing events', () => {
    const onQueue = status('On Queue', 'IDLE');
    expect(mergeEvent(onQueue, { routing: 'NOT_RESPONDING' }, 2)).toEqual({
      presence: 'On Queue',
      routing: 'NOT_RESPONDING',
      updatedAt: 2,
    });
    expect(mergeEvent(onQueue, { presence: 'Meal' }, 2)?.routing).toBe('OFF_QUEUE');
    expect(mergeEvent(null, { routing: 'IDLE' }, 2)).toBeNull();
  });
});

describe('parse', () => {
  it('reads REST bodies and notification bodies', () => {
    expect(parsePresence({ presenceDefinition: { systemPresence: 'On Queue' } })).toBe('On Queue');
    expect(parsePresence({ presenceDefinition: { systemPresence: 'ON_QUEUE' } })).toBe('On Queue');
    expect(parseRouting({ status: 'IDLE' })).toBe('IDLE');
    expect(parseRouting({ routingStatus: { status: 'NOT_RESPONDING' } })).toBe('NOT_RESPONDING');
  });
  it('turns anything unknown into undefined', () => {
    expect(parsePresence(null)).toBeUndefined();
    expect(parsePresence({ presenceDefinition: { systemPresence: 'Dancing' } })).toBeUndefined();
    expect(parseRouting({ status: '<b>' })).toBeUndefined();
    expect(parseRouting('IDLE')).toBeUndefined();
  });
});

describe('ServiceNow mapping', () => {
  it('pushes only in the chosen direction', () => {
    expect(pushes('off', 'genesys')).toBe(false);
    expect(pushes('genesys-to-servicenow', 'genesys')).toBe(true);
    expect(pushes('genesys-to-servicenow', 'servicenow')).toBe(false);
    expect(pushes('servicenow-to-genesys', 'servicenow')).toBe(true);
    expect(pushes('servicenow-to-genesys', 'genesys')).toBe(false);
  });
  it('never makes both platforms route to the agent', () => {
    expect(servicenowFor({ presence: 'On Queue' })).toBe('away');
    expect(servicenowFor({ presence: 'Available' })).toBe('available');
    expect(genesysFor('available')).toBe('Available');
    expect(genesysFor('away')).toBe('Away');
  });
  it('never leaves ServiceNow Available while Genesys routes calls', () => {
    for (const presence of SYSTEM_PRESENCES) {
      const expected =
        presence === 'Available' ? 'available' : presence === 'Offline' ? 'offline' : 'away';
      expect(servicenowFor({ presence }), presence).toBe(expected);
    }
  });
  it('plans a ServiceNow write only under genesys-to-servicenow, for every change', () => {
    expect(planPush('genesys-to-servicenow', { presence: 'On Queue' })).toBe('away');
    expect(planPush('genesys-to-servicenow', { presence: 'Available' })).toBe('available');
    expect(planPush('genesys-to-servicenow', null)).toBeNull();
    expect(planPush('off', { presence: 'Available' })).toBeNull();
    expect(planPush('servicenow-to-genesys', { presence: 'Available' })).toBeNull();
  });
  it('plans a Genesys change from ServiceNow only when ServiceNow changed, never On Queue', () => {
    const onQueue = { presence: 'On Queue' } as const;
    expect(planPull('servicenow-to-genesys', 'available', null, onQueue)).toBe('Available');
    expect(planPull('servicenow-to-genesys', 'available', 'available', onQueue)).toBeNull();
    expect(planPull('servicenow-to-genesys', 'offline', 'available', onQueue)).toBe('Away');
    expect(planPull('servicenow-to-genesys', 'away', 'available', { presence: 'Away' })).toBeNull();
    expect(planPull('genesys-to-servicenow', 'away', 'available', onQueue)).toBeNull();
    expect(planPull('off', 'away', null, null)).toBeNull();
  });
  it('reads ServiceNow state names; unknown states count as away', () => {
    expect(presenceForStateName('Available')).toBe('available');
    expect(presenceForStateName(' offline ')).toBe('offline');
    expect(presenceForStateName('Lunch')).toBe('away');
  });
});
