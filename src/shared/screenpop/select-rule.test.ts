import { describe, expect, it } from 'vitest';
import { makeCall } from './call-fixture';
import { parsedPhones } from './phone';
import { ruleSchema } from './rules';
import type { Rule, RuleInput } from './rules';
import { selectRule } from './select-rule';

const rule = (id: string, extra: Partial<RuleInput> = {}): Rule =>
  ruleSchema.parse({
    id,
    name: id,
    action: { type: 'url', template: `https://crm.example.com/${id}` },
    ...extra,
  });

describe('selectRule', () => {
  const phones = parsedPhones();
  const call = makeCall({
    queue: 'Support',
    attributes: { tier: 'gold', dnis: '+1 800 555 0199', note: '<img src=x onerror=alert(1)>' },
  });

  it('returns the first enabled rule for the trigger', () => {
    const rules = [
      rule('off', { enabled: false }),
      rule('alert', { when: 'alert' }),
      rule('never', { when: 'never' }),
      rule('first'),
      rule('second'),
    ];
    expect(selectRule(rules, call, 'answer', { phones })?.id).toBe('first');
    expect(selectRule(rules, call, 'alert', { phones })?.id).toBe('alert');
  });

  it('returns null when nothing matches', () => {
    expect(selectRule([rule('never', { when: 'never' })], call, 'answer', { phones })).toBeNull();
    expect(selectRule([], call, 'alert', { phones })).toBeNull();
  });

  it('matches direction and queues (case-insensitively)', () => {
    const rules = [
      rule('outbound', { match: { direction: 'outbound' } }),
      rule('sales', { match: { queues: ['Sales'] } }),
      rule('support', { match: { direction: 'inbound', queues: ['Sales', ' support '] } }),
    ];
    expect(selectRule(rules, call, 'answer', { phones })?.id).toBe('support');
    expect(selectRule(rules, makeCall({ direction: 'outbound' }), 'answer', { phones })?.id).toBe(
      'outbound',
    );
    const noQueue = makeCall();
    delete noQueue.queue;
    expect(selectRule(rules.slice(1), noQueue, 'answer', { phones })).toBeNull();
  });

  it('matches the dialled number in any written form', () => {
    const rules = [
      rule('other', { match: { dnis: ['+18005550100'] } }),
      rule('hotline', { match: { dnis: ['800-555-0199'] } }),
    ];
    expect(
      selectRule(rules, call, 'answer', { phones: parsedPhones({ defaultRegion: 'US' }) })?.id,
    ).toBe('hotline');
    expect(selectRule(rules, call, 'answer', { dnis: '+18005550100', phones })?.id).toBe('other');
    expect(selectRule(rules, makeCall(), 'answer', { phones })).toBeNull();
  });

  it('matches attributes by equality or pattern', () => {
    const rules = [
      rule('silver', { match: { attributes: [{ key: 'tier', equals: 'silver' }] } }),
      rule('missing', { match: { attributes: [{ key: 'nope', matches: '.*' }] } }),
      rule('gold', { match: { attributes: [{ key: 'tier', matches: '^(gold|platinum)$' }] } }),
    ];
    expect(selectRule(rules, call, 'answer', { phones })?.id).toBe('gold');
  });

  it('treats hostile attribute text as text', () => {
    const rules = [
      rule('html', {
        match: { attributes: [{ key: 'note', equals: '<img src=x onerror=alert(1)>' }] },
      }),
    ];
    expect(selectRule(rules, call, 'answer', { phones })?.id).toBe('html');
  });

  it('tests patterns on capped input only', () => {
    const late = makeCall({ attributes: { blob: `${'a'.repeat(5000)}NEEDLE` } });
    const rules = [rule('needle', { match: { attributes: [{ key: 'blob', matches: 'NEEDLE' }] } })];
    expect(selectRule(rules, late, 'answer', { phones })).toBeNull();
    const early = makeCall({ attributes: { blob: `NEEDLE${'a'.repeat(5000)}` } });
    expect(selectRule(rules, early, 'answer', { phones })?.id).toBe('needle');
  });

  it('does not read inherited properties as attributes', () => {
    const rules = [
      rule('proto', { match: { attributes: [{ key: 'toString', matches: 'function' }] } }),
    ];
    expect(selectRule(rules, call, 'answer', { phones })).toBeNull();
  });
});
