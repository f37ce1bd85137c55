/**
 * The questions this script asks the worker, with every answer checked before use: the current
 * calls (content.ready), the screen-pop configuration and pop-target flag, pop claims, the
 * page's own token for Table API lookups, and which texts are phone numbers (click-to-dial). A
 * malformed answer is an error, never trusted data.
 */
import { AppError } from '../../shared/errors';
import type { ContentConfig, PopTrigger } from '../../shared/protocol/messages/content';
import type { SessionSnapshot } from '../../shared/session/snapshot';
import { isContentConfig, isSessionSnapshot } from './guards';
import type { RequestWorker } from './worker-link';

const E164 = /^\+\d{3,20}$/;
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
  };
}

export type WorkerQueries = ReturnType<typeof createWorkerQueries>;
