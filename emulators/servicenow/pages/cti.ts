/**
 * The legacy CTI URL pop `/cti.do?sysparm_caller_phone=…`: finds people whose phone, mobile or
 * business number ends with the caller's national digits and redirects to the one record, or to
 * a list of the candidates (empty when nobody matches).
 */
import type { TableStore } from '../store/table-store';
import { TABLES, type TableName } from '../store/tables';

const PEOPLE: readonly TableName[] = ['customer_contact', 'sys_user'];
const digits = (s: string): string => s.replace(/\D/g, '');

export function ctiTarget(store: TableStore, callerPhone: string): string {
  const wanted = digits(callerPhone).slice(-10);
  const matches = PEOPLE.flatMap((table) =>
    wanted.length < 4
      ? []
      : store
          .query(table)
          .records.filter((r) =>
            TABLES[table].phoneFields.some((f) => digits(r[f] ?? '').endsWith(wanted)),
          )
          .map((r) => ({ table, sysId: r['sys_id'] ?? '' })),
  );
  const [first] = matches;
  if (matches.length === 1 && first) {
    return `/${first.table}.do?sys_id=${first.sysId}`;
  }
  const table = first?.table ?? 'customer_contact';
  const ids = matches.filter((m) => m.table === table).map((m) => m.sysId);
  return `/${table}_list.do?sysparm_query=${encodeURIComponent(`sys_idIN${ids.join(',')}`)}`;
}
