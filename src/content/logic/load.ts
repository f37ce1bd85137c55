/**
 * Loads the logic chunk once (single flight); a failed load may be retried by the next caller.
 * Nothing loads it before a call needs it (a screen pop, a records write): a page load without
 * calls never pays for rules, lookups or the number parser.
 */
import type * as LogicModule from './logic';

export type Logic = typeof LogicModule;

let loading: Promise<Logic> | null = null;

export function loadLogic(): Promise<Logic> {
  loading ??= import('./logic').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
