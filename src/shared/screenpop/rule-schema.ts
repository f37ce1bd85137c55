/**
 * The zod schema of one screen-pop rule: when it applies, which calls it matches, and what it
 * does (search ServiceNow, or open a URL template). Names of tables and fields are restricted to
 * ServiceNow identifiers so configuration can never smuggle query syntax either.
 */
import { z } from 'zod';
import { FIELD_NAME, TABLE_NAME } from '../servicenow/encoded-query';
import { renderUrlTemplate, templateProblem } from '../servicenow/url-template';
import { regexProblem } from './regex-guard';

const fieldName = z
  .string()
  .max(80, 'field name is longer than 80 characters')
  .regex(
    FIELD_NAME,
    'must be a ServiceNow field name (lowercase letters, digits, _; . to dot-walk)',
  );
const tableName = z
  .string()
  .max(80, 'table name is longer than 80 characters')
  .regex(TABLE_NAME, 'must be a ServiceNow table name (lowercase letters, digits and _)');

const attributeCondition = z
  .object({
    key: z.string().min(1, 'attribute key is empty').max(128, 'attribute key is too long'),
    equals: z.string().max(1024, 'value is longer than 1024 characters').optional(),
    matches: z
      .string()
      .superRefine((source, ctx) => {
        const problem = regexProblem(source);
        if (problem !== null) {
          ctx.addIssue({ code: 'custom', message: problem });
        }
      })
      .optional(),
  })
  .refine((c) => (c.equals === undefined) !== (c.matches === undefined), {
    message: 'give exactly one of "equals" or "matches"',
  });

const match = z.object({
  direction: z.enum(['inbound', 'outbound']).optional(),
  queues: z.array(z.string().min(1).max(200)).max(100).optional(),
  dnis: z.array(z.string().min(1).max(64)).max(100).optional(),
  attributes: z.array(attributeCondition).max(20).optional(),
});

export const searchTable = z.object({
  table: tableName,
  phoneFields: z.array(fieldName).min(1, 'list at least one phone field').max(10).optional(),
  matchField: fieldName.optional(),
  /** Extra fields fetched to label the record in the chooser. */
  displayFields: z.array(fieldName).max(10).default([]),
});

const search = z
  .object({
    by: z.enum(['caller-number', 'attribute']),
    attribute: z.string().min(1).max(128).optional(),
    tables: z.array(searchTable).min(1, 'list at least one table').max(5, 'at most 5 tables'),
  })
  .superRefine((s, ctx) => {
    if (s.by === 'attribute' && s.attribute === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['attribute'],
        message: 'name the attribute to search by',
      });
    }
    s.tables.forEach((t, i) => {
      if (s.by === 'caller-number' && t.phoneFields === undefined) {
        const message = 'a caller-number search needs phoneFields';
        ctx.addIssue({ code: 'custom', path: ['tables', i, 'phoneFields'], message });
      }
      if (s.by === 'attribute' && t.matchField === undefined) {
        const message = 'an attribute search needs matchField';
        ctx.addIssue({ code: 'custom', path: ['tables', i, 'matchField'], message });
      }
    });
  });

const template = z
  .string()
  .max(512, 'template is longer than 512 characters')
  .superRefine((text, ctx) => {
    const problem = templateProblem(text);
    if (problem !== null) {
      ctx.addIssue({ code: 'custom', message: problem });
    }
  });

const create = z.object({
  table: tableName.optional(),
  fields: z.record(fieldName, template).optional(),
});

export const searchAction = z
  .object({
    type: z.literal('search'),
    search,
    onOne: z.literal('open').default('open'),
    onMany: z.literal('chooser').default('chooser'),
    onNone: z.enum(['new-interaction', 'new-record', 'nothing']).default('new-interaction'),
    create: create.optional(),
  })
  .refine((a) => a.onNone !== 'new-record' || a.create?.table !== undefined, {
    path: ['create', 'table'],
    message: 'onNone "new-record" needs create.table',
  });

const URL_REASONS: Record<string, string> = {
  'invalid-url': 'template does not give a valid URL',
  scheme: 'template must give an http or https URL',
  credentials: 'template must not contain a user name or password',
};

const urlAction = z.object({
  type: z.literal('url'),
  template: template.min(1, 'template is empty').superRefine((text, ctx) => {
    // Hosts are checked when the pop runs, against the instance and the allowlist.
    const rendered = renderUrlTemplate(text, {}, { pageUrl: 'https://instance.invalid/' });
    const message = rendered.ok ? undefined : URL_REASONS[rendered.reason];
    if (message !== undefined) {
      ctx.addIssue({ code: 'custom', message });
    }
  }),
});

export const ruleSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'id: 1-64 letters, digits, _ or -'),
  name: z.string().min(1, 'name is empty').max(100, 'name is longer than 100 characters'),
  enabled: z.boolean().default(true),
  when: z.enum(['alert', 'answer', 'never']).default('answer'),
  match: match.default({}),
  action: z.discriminatedUnion('type', [searchAction, urlAction], {
    error: 'action.type must be "search" or "url"',
  }),
});
