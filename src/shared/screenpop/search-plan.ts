/**
 * Turns a search rule and a call into Table API queries, one per table in rule order. The
 * caller's number becomes its written variants (digits and fixed separators only); an attribute
 * value is neutralised by the query builder. No usable term means no query at all.
 */
import type { CallSnapshot } from '../session/snapshot';
import { equalsAnyQuery } from '../servicenow/encoded-query';
import type { PhoneContext } from './phone-facts';
import type { SearchAction } from './rules';

export interface TableSearch {
  table: string;
  query: string;
  /** Fields to fetch: sys_id, the matched fields, then display fields. */
  fields: string[];
  displayFields: string[];
}

function searchTerms(
  search: SearchAction['search'],
  call: CallSnapshot,
  options: PhoneContext,
): string[] {
  if (search.by === 'caller-number') {
    return options.phones.variants(call.remote.number);
  }
  const key = search.attribute ?? '';
  const value = Object.hasOwn(call.attributes, key) ? call.attributes[key] : undefined;
  return value !== undefined && value.trim() !== '' ? [value] : [];
}

/** The queries to run, in order; empty when the call has nothing to search by. */
export function planSearch(
  action: SearchAction,
  call: CallSnapshot,
  options: PhoneContext,
): TableSearch[] {
  const terms = searchTerms(action.search, call, options);
  if (terms.length === 0) {
    return [];
  }
  const plans: TableSearch[] = [];
  for (const spec of action.search.tables) {
    const matchFields =
      action.search.by === 'caller-number'
        ? (spec.phoneFields ?? [])
        : spec.matchField !== undefined
          ? [spec.matchField]
          : [];
    const query = equalsAnyQuery(matchFields, terms);
    if (query === '') {
      continue;
    }
    plans.push({
      table: spec.table,
      query,
      fields: [...new Set(['sys_id', ...matchFields, ...spec.displayFields])],
      displayFields: spec.displayFields,
    });
  }
  return plans;
}
