/**
 * ServiceNow encoded queries (`sysparm_query`): parsing, record matching and ordering.
 *
 * Grammar: terms joined by `^` (AND); a term starting with `OR` joins the previous term as an
 * alternative (`^OR`); `^NQ` starts a new query whose results are added (OR of groups);
 * `ORDERBYfield` / `ORDERBYDESCfield` sort; `^^` is a literal caret inside a value.
 * String comparisons are case-insensitive, as on a default instance. A term that does not parse
 * matches nothing (like `glide.invalid_query.returns_no_rows=true`), so typos never return every row.
 */

export const OPERATORS = [
  'NOT LIKE',
  'NOT IN',
  'STARTSWITH',
  'ENDSWITH',
  'ISNOTEMPTY',
  'ISEMPTY',
  'LIKE',
  'IN',
  '!=',
  '<=',
  '>=',
  '=',
  '<',
  '>',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type Term =
  | { kind: 'condition'; field: string; op: Operator; value: string }
  | { kind: 'invalid'; raw: string };

/** Alternatives joined by `^OR`. */
export type Clause = Term[];
/** Clauses joined by `^` (AND). */
export type Group = Clause[];

export interface OrderBy {
  field: string;
  desc: boolean;
}

export interface EncodedQuery {
  /** Groups joined by `^NQ` (OR). No groups means "match everything". */
  groups: Group[];
  orderBy: OrderBy[];
}

export type RecordValues = Readonly<Record<string, string>>;

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TERM_RE = new RegExp(`^([A-Za-z0-9_.]+?)(${OPERATORS.map(escapeRe).join('|')})(.*)$`, 's');

/** Splits on single carets; `^^` stands for a literal caret. */
export function splitTerms(query: string): string[] {
  const terms: string[] = [];
  let current = '';
  for (let i = 0; i < query.length; i++) {
    const ch = query.charAt(i);
    if (ch !== '^') {
      current += ch;
    } else if (query[i + 1] === '^') {
      current += '^';
      i++;
    } else {
      terms.push(current);
      current = '';
    }
  }
  terms.push(current);
  return terms;
}

export function parseTerm(raw: string): Term {
  const m = TERM_RE.exec(raw);
  if (!m) {
    return { kind: 'invalid', raw };
  }
  const [, field = '', op = '=', value = ''] = m;
  return { kind: 'condition', field, op: op as Operator, value };
}

export function parseEncodedQuery(query: string): EncodedQuery {
  const groups: Group[] = [];
  const orderBy: OrderBy[] = [];
  let group: Group = [];
  for (const term of splitTerms(query)) {
    if (term === '' || term === 'EQ') {
      continue;
    }
    if (term.startsWith('ORDERBYDESC')) {
      orderBy.push({ field: term.slice('ORDERBYDESC'.length), desc: true });
    } else if (term.startsWith('ORDERBY')) {
      orderBy.push({ field: term.slice('ORDERBY'.length), desc: false });
    } else if (term.startsWith('NQ')) {
      if (group.length > 0) {
        groups.push(group);
      }
      group = [[parseTerm(term.slice(2))]];
    } else if (term.startsWith('OR') && group.length > 0) {
      group[group.length - 1]?.push(parseTerm(term.slice(2)));
    } else {
      group.push([parseTerm(term)]);
    }
  }
  if (group.length > 0) {
    groups.push(group);
  }
  return { groups, orderBy };
}

export function compareValues(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

function testTerm(term: Term, record: RecordValues): boolean {
  if (term.kind === 'invalid') {
    return false;
  }
  const actual = (record[term.field] ?? '').toLowerCase();
  const expected = term.value.toLowerCase();
  const list = (): string[] => expected.split(',').map((v) => v.trim());
  switch (term.op) {
    case '=':
      return actual === expected;
    case '!=':
      return actual !== expected;
    case 'LIKE':
      return actual.includes(expected);
    case 'NOT LIKE':
      return !actual.includes(expected);
    case 'STARTSWITH':
      return actual.startsWith(expected);
    case 'ENDSWITH':
      return actual.endsWith(expected);
    case 'IN':
      return list().includes(actual);
    case 'NOT IN':
      return !list().includes(actual);
    case 'ISEMPTY':
      return actual === '';
    case 'ISNOTEMPTY':
      return actual !== '';
    case '<':
      return compareValues(actual, expected) < 0;
    case '<=':
      return compareValues(actual, expected) <= 0;
    case '>':
      return compareValues(actual, expected) > 0;
    case '>=':
      return compareValues(actual, expected) >= 0;
  }
}

export function matchesQuery(query: EncodedQuery, record: RecordValues): boolean {
  if (query.groups.length === 0) {
    return true;
  }
  return query.groups.some((group) =>
    group.every((clause) => clause.some((term) => testTerm(term, record))),
  );
}

/** Returns a new array sorted by the query's ORDERBY terms (stable; unsorted when none). */
export function sortRecords<T extends RecordValues>(
  records: readonly T[],
  orderBy: OrderBy[],
): T[] {
  return [...records].sort((a, b) => {
    for (const { field, desc } of orderBy) {
      const c = compareValues(a[field] ?? '', b[field] ?? '');
      if (c !== 0) {
        return desc ? -c : c;
      }
    }
    return 0;
  });
}
