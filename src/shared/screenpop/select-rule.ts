/**
 * Picks the rule for a call: the first enabled rule whose `when` is the trigger and whose
 * conditions (direction, queue, DNIS, attributes) all hold. Call data is untrusted text: it is
 * only compared, with admin patterns tested on capped input.
 */
import type { CallSnapshot } from '../session/snapshot';
import { DNIS_ATTRIBUTE_KEYS, type PhoneContext, type PhoneFacts } from './phone-facts';
import { testPattern } from './regex-guard';
import type { Rule, Trigger } from './rules';

export { DNIS_ATTRIBUTE_KEYS } from './phone-facts';

export interface SelectOptions extends PhoneContext {
  /** The dialled number, when known; otherwise read from DNIS_ATTRIBUTE_KEYS. */
  dnis?: string;
}

function samePhone(a: string, b: string, phones: PhoneFacts): boolean {
  const left = phones.e164(a);
  const right = phones.e164(b);
  if (left !== undefined && right !== undefined) {
    return left === right;
  }
  return a.trim() === b.trim();
}

function dnisOf(call: CallSnapshot, options: SelectOptions): string | undefined {
  if (options.dnis !== undefined) {
    return options.dnis;
  }
  for (const key of DNIS_ATTRIBUTE_KEYS) {
    const value = Object.hasOwn(call.attributes, key) ? call.attributes[key] : undefined;
    if (value !== undefined && value !== '') {
      return value;
    }
  }
  return undefined;
}

function attributeOf(call: CallSnapshot, key: string): string | undefined {
  return Object.hasOwn(call.attributes, key) ? call.attributes[key] : undefined;
}

export function ruleMatches(rule: Rule, call: CallSnapshot, options: SelectOptions): boolean {
  const { direction, queues, dnis, attributes } = rule.match;
  if (direction !== undefined && call.direction !== direction) {
    return false;
  }
  if (queues !== undefined && queues.length > 0) {
    const queue = call.queue?.trim().toLowerCase();
    if (queue === undefined || !queues.some((q) => q.trim().toLowerCase() === queue)) {
      return false;
    }
  }
  if (dnis !== undefined && dnis.length > 0) {
    const dialled = dnisOf(call, options);
    if (dialled === undefined || !dnis.some((d) => samePhone(d, dialled, options.phones))) {
      return false;
    }
  }
  for (const condition of attributes ?? []) {
    const value = attributeOf(call, condition.key);
    if (value === undefined) {
      return false;
    }
    if (condition.equals !== undefined && value !== condition.equals) {
      return false;
    }
    if (condition.matches !== undefined && !testPattern(condition.matches, value)) {
      return false;
    }
  }
  return true;
}

/** The first enabled rule for this trigger that matches the call, or null. */
export function selectRule(
  rules: readonly Rule[],
  call: CallSnapshot,
  trigger: Trigger,
  options: SelectOptions,
): Rule | null {
  for (const rule of rules) {
    if (rule.enabled && rule.when === trigger && ruleMatches(rule, call, options)) {
      return rule;
    }
  }
  return null;
}
