/**
 * ServiceNow encoded queries (`sysparm_query`) built safely. Values are untrusted: carets,
 * equals signs, line breaks and control characters are neutralised, and `javascript:` prefixes
 * (which ServiceNow would evaluate) are defused, so a value can never add an operator or a clause.
 * Field and table names are checked against ServiceNow's identifier syntax and refused otherwise.
 */

export const FIELD_NAME = /^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*$/;
export const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
export const SYS_ID = /^[0-9a-f]{32}$/;
export const MAX_QUERY_VALUE = 256;

// ^ separates clauses, = starts operators, control and line/paragraph separators end them.
// eslint-disable-next-line no-control-regex
const HAZARDS = /[\^=\u0000-\u001f\u007f\u2028\u2029]/g;
const SCRIPT_PREFIX = /javascript\s*:/gi;

/** A value safe to place after an operator: same text, minus anything that could be syntax. */
export function neutraliseQueryValue(value: string, maxLength = MAX_QUERY_VALUE): string {
  const capped = value.length > maxLength ? value.slice(0, maxLength) : value;
  return capped.replace(HAZARDS, ' ').replace(SCRIPT_PREFIX, 'javascript ');
}

export function isFieldName(name: string): boolean {
  return name.length <= 80 && FIELD_NAME.test(name);
}

export function isTableName(name: string): boolean {
  return name.length <= 80 && TABLE_NAME.test(name);
}

export function assertFieldName(name: string): string {
  if (!isFieldName(name)) {
    throw new TypeError(`Not a ServiceNow field name: ${JSON.stringify(name)}`);
  }
  return name;
}

export function assertTableName(name: string): string {
  if (!isTableName(name)) {
    throw new TypeError(`Not a ServiceNow table name: ${JSON.stringify(name)}`);
  }
  return name;
}

export type QueryOperator = '=' | 'LIKE' | 'STARTSWITH';

export interface Clause {
  field: string;
  op?: QueryOperator;
  value: string;
}

export function encodeClause({ field, op = '=', value }: Clause): string {
  return `${assertFieldName(field)}${op}${neutraliseQueryValue(value)}`;
}

/** Clauses joined with ^OR: any of them matches. */
export function anyOf(clauses: readonly Clause[]): string {
  return clauses.map(encodeClause).join('^OR');
}

/** Clauses joined with ^: all of them match. */
export function allOf(clauses: readonly Clause[]): string {
  return clauses.map(encodeClause).join('^');
}

/** Every field against every value: `f1=v1^ORf1=v2^ORf2=v1…`; '' when either list is empty. */
export function equalsAnyQuery(fields: readonly string[], values: readonly string[]): string {
  const unique = [...new Set(values.map((v) => neutraliseQueryValue(v)))].filter((v) => v !== '');
  return anyOf(fields.flatMap((field) => unique.map((value) => ({ field, value }))));
}

export interface TableQuery {
  query: string;
  limit?: number;
  fields?: readonly string[];
}

/** Path of the Table API for a table or one of its records. */
export function tableApiPath(table: string, sysId?: string): string {
  const base = `/api/now/table/${assertTableName(table)}`;
  if (sysId === undefined) {
    return base;
  }
  if (!SYS_ID.test(sysId)) {
    throw new TypeError(`Not a sys_id: ${JSON.stringify(sysId)}`);
  }
  return `${base}/${sysId}`;
}

/** The query string for a Table API GET (raw values, no display values, no reference links). */
export function tableQueryParams({ query, limit, fields }: TableQuery): URLSearchParams {
  const params = new URLSearchParams();
  params.set('sysparm_query', query);
  if (limit !== undefined) {
    params.set('sysparm_limit', String(Math.max(1, Math.floor(limit))));
  }
  if (fields !== undefined && fields.length > 0) {
    params.set('sysparm_fields', [...new Set(fields.map(assertFieldName))].join(','));
  }
  params.set('sysparm_exclude_reference_link', 'true');
  return params;
}
