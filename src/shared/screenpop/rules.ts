/**
 * Screen-pop rules: types, the default rule set (search customer_contact, then sys_user, by the
 * caller's number), the whole configuration (time budget, rules, URL host allowlist) and its
 * validation with a path and a plain message per problem.
 */
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';
import type { searchAction, searchTable } from './rule-schema';
import { ruleSchema } from './rule-schema';
import { parseWith } from './validate';
import type { ParseResult } from './validate';

const HOST = /^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::\d{1,5})?$/;

export { ruleSchema };

export type Rule = z.output<typeof ruleSchema>;
export type RuleInput = z.input<typeof ruleSchema>;
export type SearchAction = z.output<typeof searchAction>;
export type SearchTable = z.output<typeof searchTable>;
export type Trigger = 'alert' | 'answer';

export const PHONE_FIELDS = ['phone', 'mobile_phone', 'business_phone'];

export const DEFAULT_RULES: Rule[] = [
  {
    id: 'default-caller-lookup',
    name: 'Find the caller by phone number',
    enabled: true,
    when: 'answer',
    match: {},
    action: {
      type: 'search',
      search: {
        by: 'caller-number',
        tables: [
          {
            table: 'customer_contact',
            phoneFields: PHONE_FIELDS,
            displayFields: ['name', 'email'],
          },
          { table: 'sys_user', phoneFields: PHONE_FIELDS, displayFields: ['name', 'email'] },
        ],
      },
      onOne: 'open',
      onMany: 'chooser',
      onNone: 'new-interaction',
    },
  },
];

export const screenPopConfigSchema = z
  .object({
    /** Lookup time budget in ms; answering never waits for it. */
    budgetMs: z.number().int().min(250).max(15000).default(3000),
    /** Records offered in the chooser at most. */
    maxResults: z.number().int().min(1).max(50).default(10),
    /** Region for caller numbers written without a country code. */
    defaultRegion: z
      .string()
      .refine((r) => isSupportedCountry(r), 'not a supported ISO 3166 region code, e.g. "US"')
      .optional(),
    /** Hosts other than the ServiceNow instance that URL templates may open. */
    allowedUrlHosts: z
      .array(z.string().toLowerCase().regex(HOST, 'not a host name'))
      .max(20)
      .default([]),
    rules: z
      .array(ruleSchema)
      .max(50, 'at most 50 rules')
      .default(() => structuredClone(DEFAULT_RULES)),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.rules.forEach((rule, i) => {
      if (seen.has(rule.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'id'],
          message: `duplicate rule id "${rule.id}"`,
        });
      }
      seen.add(rule.id);
    });
  });

export type ScreenPopConfig = z.output<typeof screenPopConfigSchema>;
export type ScreenPopConfigInput = z.input<typeof screenPopConfigSchema>;
export const DEFAULT_SCREEN_POP_CONFIG: ScreenPopConfig = screenPopConfigSchema.parse({});

/** Validates a whole screen-pop configuration (missing fields take their defaults). */
export function parseScreenPopConfig(input: unknown): ParseResult<ScreenPopConfig> {
  return parseWith(screenPopConfigSchema, input);
}

/** Validates one rule, e.g. while an administrator edits it. */
export function parseRule(input: unknown): ParseResult<Rule> {
  return parseWith(ruleSchema, input);
}

export { selectRule } from './select-rule';
export type { ValidationIssue, ParseResult } from './validate';
