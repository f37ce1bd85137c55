/**
 * In-memory tables of string records, queried with encoded queries. Inserts get a 32-hex sys_id,
 * a table number (INT0010001) and the sys_* audit fields; `reset()` restores the seed exactly.
 */
import { randomBytes } from 'node:crypto';
import { matchesQuery, parseEncodedQuery, sortRecords } from './encoded-query';
import { TABLE_NAMES, TABLES, type TableName } from './tables';

export type SnRecord = Record<string, string>;
export type SeedTables = Readonly<Record<TableName, readonly Readonly<SnRecord>[]>>;

export interface TableStoreOptions {
  now?: () => Date;
  newSysId?: () => string;
}

export interface QueryOptions {
  query?: string;
  limit?: number;
  offset?: number;
  fields?: readonly string[];
}

export interface QueryResult {
  records: SnRecord[];
  /** Matching records before limit/offset. */
  total: number;
}

export interface TableStore {
  query(table: TableName, options?: QueryOptions): QueryResult;
  get(table: TableName, sysId: string): SnRecord | undefined;
  insert(table: TableName, values: Readonly<SnRecord>, actor: string): SnRecord;
  update(
    table: TableName,
    sysId: string,
    values: Readonly<SnRecord>,
    actor: string,
  ): SnRecord | undefined;
  remove(table: TableName, sysId: string): boolean;
  /** Which table holds this sys_id, if any. */
  locate(sysId: string): { table: TableName; record: SnRecord } | undefined;
  reset(): void;
}

/** Fields the store owns: values sent for them on insert/update are ignored. */
export const SYSTEM_FIELDS = [
  'sys_id',
  'sys_created_on',
  'sys_created_by',
  'sys_updated_on',
  'sys_updated_by',
  'sys_mod_count',
  'sys_class_name',
] as const;

/** ServiceNow's GlideDateTime text form, UTC: `2024-03-01 09:00:00`. */
export function formatGlideDateTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

const randomSysId = (): string => randomBytes(16).toString('hex');

const isSystemField = (field: string): boolean =>
  (SYSTEM_FIELDS as readonly string[]).includes(field);

function withoutSystemFields(values: Readonly<SnRecord>): SnRecord {
  return Object.fromEntries(Object.entries(values).filter(([field]) => !isSystemField(field)));
}

function project(record: SnRecord, fields: readonly string[] | undefined): SnRecord {
  if (!fields || fields.length === 0) {
    return { ...record };
  }
  const out: SnRecord = {};
  for (const f of fields) {
    const v = record[f];
    if (v !== undefined) {
      out[f] = v;
    }
  }
  return out;
}

function highestNumber(records: readonly Readonly<SnRecord>[], prefix: string): number {
  let max = 10000;
  for (const r of records) {
    const n = r['number'];
    if (n?.startsWith(prefix)) {
      max = Math.max(max, Number.parseInt(n.slice(prefix.length), 10) || 0);
    }
  }
  return max;
}

export function createTableStore(seed: SeedTables, options: TableStoreOptions = {}): TableStore {
  const now = options.now ?? (() => new Date());
  const newSysId = options.newSysId ?? randomSysId;
  const tables = new Map<TableName, SnRecord[]>();
  const counters = new Map<TableName, number>();

  const rows = (table: TableName): SnRecord[] => {
    const list = tables.get(table);
    if (!list) {
      throw new Error(`Invalid table ${table}`);
    }
    return list;
  };

  const reset = (): void => {
    for (const name of TABLE_NAMES) {
      const seeded = seed[name].map((r) => ({ ...r }));
      tables.set(name, seeded);
      const prefix = TABLES[name].numberPrefix;
      counters.set(name, prefix ? highestNumber(seeded, prefix) : 0);
    }
  };

  const nextNumber = (table: TableName): string | undefined => {
    const prefix = TABLES[table].numberPrefix;
    if (!prefix) {
      return undefined;
    }
    const n = (counters.get(table) ?? 10000) + 1;
    counters.set(table, n);
    return `${prefix}${String(n).padStart(7, '0')}`;
  };

  reset();

  return {
    query(table, { query = '', limit, offset = 0, fields } = {}) {
      const parsed = parseEncodedQuery(query);
      const matching = sortRecords(
        rows(table).filter((r) => matchesQuery(parsed, r)),
        parsed.orderBy,
      );
      const end = limit === undefined ? undefined : offset + limit;
      return {
        records: matching.slice(offset, end).map((r) => project(r, fields)),
        total: matching.length,
      };
    },
    get(table, sysId) {
      const found = rows(table).find((r) => r['sys_id'] === sysId);
      return found ? { ...found } : undefined;
    },
    insert(table, values, actor) {
      const stamp = formatGlideDateTime(now());
      const number = nextNumber(table);
      const record: SnRecord = {
        ...TABLES[table].defaults,
        ...(number ? { number, opened_at: stamp } : {}),
        ...withoutSystemFields(values),
        sys_id: newSysId(),
        sys_class_name: table,
        sys_created_on: stamp,
        sys_created_by: actor,
        sys_updated_on: stamp,
        sys_updated_by: actor,
        sys_mod_count: '0',
      };
      rows(table).push(record);
      return { ...record };
    },
    update(table, sysId, values, actor) {
      const record = rows(table).find((r) => r['sys_id'] === sysId);
      if (!record) {
        return undefined;
      }
      Object.assign(record, withoutSystemFields(values), {
        sys_updated_on: formatGlideDateTime(now()),
        sys_updated_by: actor,
        sys_mod_count: String(Number(record['sys_mod_count'] ?? '0') + 1),
      });
      return { ...record };
    },
    remove(table, sysId) {
      const list = rows(table);
      const index = list.findIndex((r) => r['sys_id'] === sysId);
      if (index < 0) {
        return false;
      }
      list.splice(index, 1);
      return true;
    },
    locate(sysId) {
      for (const table of TABLE_NAMES) {
        const record = rows(table).find((r) => r['sys_id'] === sysId);
        if (record) {
          return { table, record: { ...record } };
        }
      }
      return undefined;
    },
    reset,
  };
}
