/**
 * The caller lookup, bounded by a time budget so it can never hold up the call:
 *
 *   searching ──(budget × slowShare)──▶ slow ──▶ one | many | none | error
 *        └──────────────(budgetMs)─────────────▶ timeout   ("not found in time")
 *
 * Tables are searched in rule order and the first table with matches wins. Records matched more
 * than once are kept once; `many` is capped at maxResults. An aborted signal ends the lookup as
 * 'cancelled' without further states. Timers go through an injectable clock.
 */
import type { CallSnapshot } from '../session/snapshot';
import { badResponseError, ServiceNowError } from '../servicenow/errors';
import type { SnRecord, TableClient } from '../servicenow/table-client';
import type { PhoneContext } from './phone-facts';
import type { Rule } from './rules';
import { planSearch } from './search-plan';
import type { TableSearch } from './search-plan';

export interface FoundRecord {
  table: string;
  sysId: string;
  /** Plain text for the chooser; never markup. */
  label: string;
  fields: Record<string, string>;
}

export type LookupResult =
  | { kind: 'one'; record: FoundRecord }
  | { kind: 'many'; records: FoundRecord[]; truncated: boolean }
  | { kind: 'none' }
  | { kind: 'timeout' }
  | { kind: 'error'; code: string; retryAfterMs?: number }
  | { kind: 'cancelled' };

export type LookupState =
  { kind: 'searching' } | { kind: 'slow' } | Exclude<LookupResult, { kind: 'cancelled' }>;

export interface Clock {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface LookupOptions extends PhoneContext {
  signal?: AbortSignal;
  budgetMs?: number;
  /** Share of the budget after which 'slow' is reported; default 1/3. */
  slowShare?: number;
  maxResults?: number;
  onState?: (state: LookupState) => void;
  clock?: Clock;
}

export const DEFAULT_BUDGET_MS = 3000;
export const DEFAULT_MAX_RESULTS = 10;
const LABEL_FIELDS = ['name', 'number', 'short_description', 'email', 'user_name'];

function toFound(plan: TableSearch, record: SnRecord): FoundRecord {
  const candidates = [...plan.displayFields, ...LABEL_FIELDS];
  const label = candidates.map((f) => record[f]?.trim() ?? '').find((text) => text !== '');
  return { table: plan.table, sysId: record.sys_id, label: label ?? record.sys_id, fields: record };
}

/** Searches the tables in order; resolves with the first table's matches, or none/error. */
async function search(
  plans: TableSearch[],
  client: TableClient,
  limit: number,
  signal: AbortSignal,
): Promise<FoundRecord[] | ServiceNowError> {
  let skipped: ServiceNowError | undefined;
  for (const plan of plans) {
    let records: SnRecord[];
    try {
      records = await client.query(plan.table, plan.query, { limit, fields: plan.fields, signal });
    } catch (error) {
      const failure =
        error instanceof ServiceNowError ? error : badResponseError(String(error), error);
      // A table hidden by ACLs (or absent) must not hide the next one.
      if (failure.code === 'servicenow.acl-denied' || failure.code === 'servicenow.not-found') {
        skipped ??= failure;
        continue;
      }
      return failure;
    }
    const unique = new Map<string, FoundRecord>();
    for (const record of records) {
      const key = `${plan.table}:${record.sys_id}`;
      if (!unique.has(key)) {
        unique.set(key, toFound(plan, record));
      }
    }
    if (unique.size > 0) {
      return [...unique.values()];
    }
  }
  return skipped ?? [];
}

export function runLookup(
  rule: Rule,
  call: CallSnapshot,
  client: TableClient,
  options: LookupOptions,
): Promise<LookupResult> {
  const { signal, onState, clock = systemClock } = options;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const maxResults = Math.max(1, options.maxResults ?? DEFAULT_MAX_RESULTS);
  const emit = (state: LookupState): void => {
    try {
      onState?.(state);
    } catch {
      // A failing listener must not break the lookup.
    }
  };

  return new Promise<LookupResult>((resolve) => {
    const controller = new AbortController();
    let done = false;
    const timers: unknown[] = [];
    const finish = (result: LookupResult): void => {
      if (done) {
        return;
      }
      done = true;
      timers.forEach((handle) => clock.clearTimeout(handle));
      signal?.removeEventListener('abort', onAbort);
      controller.abort();
      if (result.kind !== 'cancelled') {
        emit(result);
      }
      resolve(result);
    };
    const onAbort = (): void => finish({ kind: 'cancelled' });

    if (signal?.aborted) {
      return finish({ kind: 'cancelled' });
    }
    if (rule.action.type !== 'search') {
      return finish({ kind: 'error', code: 'lookup.not-a-search' });
    }
    const plans = planSearch(rule.action, call, options);
    if (plans.length === 0) {
      return finish({ kind: 'none' });
    }

    signal?.addEventListener('abort', onAbort, { once: true });
    emit({ kind: 'searching' });
    const slowAfter = Math.max(0, Math.floor(budgetMs * (options.slowShare ?? 1 / 3)));
    timers.push(
      clock.setTimeout(() => {
        if (!done) {
          emit({ kind: 'slow' });
        }
      }, slowAfter),
    );
    timers.push(clock.setTimeout(() => finish({ kind: 'timeout' }), budgetMs));

    search(plans, client, maxResults + 1, controller.signal).then(
      (outcome) => {
        if (outcome instanceof ServiceNowError) {
          const { code, retryAfterMs } = outcome;
          return finish({
            kind: 'error',
            code,
            ...(retryAfterMs !== undefined && { retryAfterMs }),
          });
        }
        if (outcome.length === 0) {
          return finish({ kind: 'none' });
        }
        const [first] = outcome;
        if (outcome.length === 1 && first) {
          return finish({ kind: 'one', record: first });
        }
        const truncated = outcome.length > maxResults;
        finish({ kind: 'many', records: outcome.slice(0, maxResults), truncated });
      },
      () => finish({ kind: 'error', code: 'lookup.failed' }),
    );
  });
}
