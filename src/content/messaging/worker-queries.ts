/**
 * The questions this script asks the worker, with every answer checked before use: the current
 * calls (content.ready), the screen-pop configuration and pop-target flag, pop claims, the
 * page's own token for Table API lookups, which texts are phone numbers (click-to-dial), and a
 * call's numbers with their search variants (screen pop). A malformed answer is an error, never
 * trusted data.
 */
import { AppError } from '../../shared/errors';
import type { ContentConfig, PopTrigger } from '../../shared/protocol/messages/content';
import type { ParsedPhone } from '../../shared/screenpop/phone-facts';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { isContentConfig, isSessionSnapshot } from './guards';
import type { RequestWorker } from './worker-link';

const E164 = /^\+\d{3,20}$/;
/** Search variants are built from digits and fixed separators only (phone.ts). */
const VARIANT = /^[+\d\s().-]{1,40}$/;
const MAX_VARIANTS = 20;
/** Texts per question (the worker's schema takes at most 100). */
const BATCH = 100;

function isParsedPhone(value: unknown): value is ParsedPhone {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { e164, variants } = value as { e164?: unknown; variants?: unknown };
  return (
    typeof e164 === 'string' &&
    E164.test(e164) &&
    Array.isArray(variants) &&
    variants.length <= MAX_VARIANTS &&
    variants.every((v) => typeof v === 'string' && VARIANT.test(v))
  );
}
const bad = (what: string) => new AppError('protocol.bad-reply', `Invalid ${what} from the worker`);

export function createWorkerQueries(request: RequestWorker) {
  return {
    async ready(url: string): Promise<SessionSnapshot | null> {
      const { snapshot } = (await request('content.ready', { url })) as { snapshot: unknown };
      if (snapshot !== null && !isSessionSnapshot(snapshot)) {
        throw bad('snapshot');
      }
      return snapshot;
    },
    async config(): Promise<{ config: ContentConfig; popTarget: boolean }> {
      const answer: unknown = await request('content.config', null);
      const { config, popTarget } = (answer ?? {}) as { config?: unknown; popTarget?: unknown };
      if (!isContentConfig(config) || typeof popTarget !== 'boolean') {
        throw bad('configuration');
      }
      return { config, popTarget };
    },
    async claim(conversationId: string, trigger: PopTrigger): Promise<boolean> {
      const answer: unknown = await request('content.claim', { conversationId, trigger });
      return (answer as { granted?: unknown } | null)?.granted === true;
    },
    async pageToken(): Promise<string | null> {
      const answer: unknown = await request('content.pageToken', null);
      const token = (answer as { token?: unknown } | null)?.token;
      return typeof token === 'string' ? token : null;
    },
    /** Each text's number in E.164, or null; the answer must match the question one for one. */
    async numbers(texts: string[]): Promise<(string | null)[]> {
      const answer: unknown = await request('content.numbers', { texts });
      const numbers = (answer as { numbers?: unknown } | null)?.numbers;
      if (
        !Array.isArray(numbers) ||
        numbers.length !== texts.length ||
        !numbers.every((n) => n === null || (typeof n === 'string' && E164.test(n)))
      ) {
        throw bad('numbers');
      }
      return numbers as (string | null)[];
    },
    /** Each text with its parsed number (or null), asked in batches; one for one with `texts`. */
    async phones(texts: string[]): Promise<[string, ParsedPhone | null][]> {
      const entries: [string, ParsedPhone | null][] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const batch = texts.slice(i, i + BATCH);
        const answer: unknown = await request('content.phones', { texts: batch });
        const phones = (answer as { phones?: unknown } | null)?.phones;
        if (
          !Array.isArray(phones) ||
          phones.length !== batch.length ||
          !phones.every((p) => p === null || isParsedPhone(p))
        ) {
          throw bad('phones');
        }
        batch.forEach((text, k) => entries.push([text, phones[k] as ParsedPhone | null]));
      }
      return entries;
    },
  };
}

export type WorkerQueries = ReturnType<typeof createWorkerQueries>;
