/** Display values for reference fields: any 32-hex value that names a record in some table. */
import type { SnRecord, TableStore } from '../store/table-store';
import { TABLES, type TableName } from '../store/tables';

export interface ReferenceTarget {
  table: TableName;
  display: string;
}

const SYS_ID = /^[0-9a-f]{32}$/;

export function referenceMap(
  store: TableStore,
  records: readonly SnRecord[],
): Record<string, ReferenceTarget> {
  const refs: Record<string, ReferenceTarget> = {};
  for (const record of records) {
    for (const [field, value] of Object.entries(record)) {
      if (field === 'sys_id' || !SYS_ID.test(value) || refs[value]) {
        continue;
      }
      const found = store.locate(value);
      if (found) {
        const display = found.record[TABLES[found.table].displayField] ?? value;
        refs[value] = { table: found.table, display };
      }
    }
  }
  return refs;
}
