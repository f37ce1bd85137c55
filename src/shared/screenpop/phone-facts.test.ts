/**
 * The page's phone facts (the worker's answers for the texts `callPhoneTexts` names) give the
 * rules exactly what the parser gives them: same rule, same searches, same template number.
 */
import { describe, expect, it } from 'vitest';
import { makeCall } from './call-fixture';
import { parsePhone, parsedPhones } from './phone';
import { callPhoneTexts, knownPhones, MAX_PHONE_TEXT } from './phone-facts';
import { DEFAULT_RULES, ruleSchema, type Rule, type RuleInput } from './rules';
import { planSearch } from './search-plan';
import { selectRule } from './select-rule';
import { templateValuesFromCall } from './template-values';

const rule = (id: string, extra: Partial<RuleInput> = {}): Rule =>
  ruleSchema.parse({ id, name: id, action: { type: 'url', template: '/x' }, ...extra });

/** What a page holds after asking the worker (content.phones) about one call. */
const answered = (texts: string[], region?: string) => {
  const options = region === undefined ? {} : { defaultRegion: region };
  return knownPhones(texts.map((text) => [text, parsePhone(text, options)]));
};

const rules = [
  rule('other', { match: { dnis: ['+1 800 555 0100'] } }),
  rule('hotline', { match: { dnis: ['800-555-0199', 'tel:+18005550199'] } }),
  rule('fallback'),
];

const calls = [
  makeCall({ attributes: { dnis: '(800) 555-0199' } }),
  makeCall({ attributes: { calledAddress: 'sip:+18005550100@example.com' } }),
  makeCall({ remote: { number: 'tel:+44 20 7946 0018' }, attributes: { toAddress: '555 0199' } }),
  makeCall({ remote: { name: 'Anonymous' }, attributes: {} }),
  makeCall({ remote: { number: 'anonymous' }, attributes: { dnis: 'not a number' } }),
];

describe('phone facts from the worker', () => {
  it.each(['US', 'GB', undefined])(
    'give the rules what the parser gives them (region %s)',
    (region) => {
      const parser = parsedPhones(region === undefined ? {} : { defaultRegion: region });
      const search = DEFAULT_RULES.find((r) => r.action.type === 'search')?.action;
      for (const call of calls) {
        const page = answered(callPhoneTexts(call, rules), region);
        expect(selectRule(rules, call, 'answer', { phones: page })?.id).toBe(
          selectRule(rules, call, 'answer', { phones: parser })?.id,
        );
        expect(templateValuesFromCall(call, { phones: page })).toEqual(
          templateValuesFromCall(call, { phones: parser }),
        );
        if (search?.type === 'search') {
          expect(planSearch(search, call, { phones: page })).toEqual(
            planSearch(search, call, { phones: parser }),
          );
        }
      }
    },
  );

  it('names each text once: caller, dialled number, then the rules’ DNIS entries', () => {
    const call = makeCall({
      remote: { number: '+14155550101' },
      attributes: { dnis: '800-555-0199', DNIS: '800-555-0199', x: '+15550000000' },
    });
    expect(callPhoneTexts(call, rules)).toEqual([
      '+14155550101',
      '800-555-0199',
      '+1 800 555 0100',
      'tel:+18005550199',
    ]);
    expect(callPhoneTexts(call, [], '+18005550100')).toEqual([
      '+14155550101',
      '+18005550100',
      '800-555-0199',
    ]);
  });

  it('leaves out texts too long to be numbers, and treats unknown texts as no number', () => {
    const long = `+1 ${'5'.repeat(MAX_PHONE_TEXT)}`;
    expect(callPhoneTexts(makeCall({ remote: { number: long } }), [])).not.toContain(long);
    const page = answered(['+14155550101']);
    expect(page.e164('+14155550101')).toBe('+14155550101');
    expect(page.variants('+14155550101')).toContain('415-555-0101');
    expect(page.e164('+14155550102')).toBeUndefined();
    expect(page.variants(undefined)).toEqual([]);
  });
});
