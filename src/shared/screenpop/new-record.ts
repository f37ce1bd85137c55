/**
 * What to create when a search finds nothing: an interaction (default fields below) or a record
 * of the rule's table, with field values expanded from the call as plain text. Values reach
 * ServiceNow either JSON-encoded (Table API) or neutralised in a prefill query (form URL).
 */
import type { CallSnapshot } from '../session/snapshot';
import { expandTemplate } from '../servicenow/url-template';
import type { PhoneContext } from './phone-facts';
import type { SearchAction } from './rules';
import { templateValuesFromCall } from './template-values';

export interface NewRecordPlan {
  table: string;
  fields: Record<string, string>;
}

export const INTERACTION_TABLE = 'interaction';

export const DEFAULT_INTERACTION_FIELDS: Readonly<Record<string, string>> = {
  type: 'phone',
  direction: '{{direction}}',
  short_description: 'Call from {{name}} {{number}}',
};

/** The record to create for `onNone`, or null when the rule says 'nothing'. */
export function newRecordPlan(
  action: SearchAction,
  call: CallSnapshot,
  options: PhoneContext,
): NewRecordPlan | null {
  if (action.onNone === 'nothing') {
    return null;
  }
  const isInteraction = action.onNone === 'new-interaction';
  const table = action.create?.table ?? (isInteraction ? INTERACTION_TABLE : undefined);
  if (table === undefined) {
    return null;
  }
  const templates = action.create?.fields ?? (isInteraction ? DEFAULT_INTERACTION_FIELDS : {});
  const values = templateValuesFromCall(call, options);
  const fields: Record<string, string> = {};
  for (const [field, template] of Object.entries(templates)) {
    const text = expandTemplate(template, values, (value) => value)
      .replace(/\s+/g, ' ')
      .trim();
    if (text !== '') {
      fields[field] = text;
    }
  }
  return { table, fields };
}
