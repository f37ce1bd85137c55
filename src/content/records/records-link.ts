/**
 * The tab's side of the interaction records: asks the worker for the records state (on start,
 * when told it changed, after an action), sends the agent's wrap-up and retries, tells the worker
 * which record a pop opened, and carries out the worker's writes with this page's own session.
 */
import type { RecordSummary } from '../../shared/records/types';
import type { TableClient } from '../../shared/servicenow/table-client';
import type { RequestWorker } from '../messaging/worker-link';
import { isRecordsState, type WriteRequestData } from './guards';

export interface RecordsLinkOptions {
  request: RequestWorker;
  /** A Table API client with the page's session (loads the logic chunk and the page token). */
  client: () => Promise<TableClient>;
  origin: string;
  onJobs: (jobs: RecordSummary[]) => void;
  onError: (error: unknown) => void;
}

export function createRecordsLink(options: RecordsLinkOptions) {
  const { request, onJobs, onError } = options;
  const apply = (state: unknown) => {
    if (isRecordsState(state)) {onJobs(state.jobs);}
  };
  return {
    refresh(): void {
      request('records.state', null).then(apply, onError);
    },
    wrapup(input: { conversationId: string; code?: string; notes?: string; skip?: boolean }): void {
      const data = {
        conversationId: input.conversationId,
        ...(input.code !== undefined && { code: input.code }),
        ...(input.notes !== undefined && input.notes !== '' && { notes: input.notes }),
        ...(input.skip === true && { skip: true }),
      };
      request('records.wrapup', data).then(apply, onError);
    },
    retry(conversationId: string): void {
      request('records.retry', { conversationId }).then(apply, onError);
    },
    matched(conversationId: string, url: string): void {
      request('records.matched', { conversationId, url }).catch(onError);
    },
    async write(data: WriteRequestData) {
      // The write code loads with the first write, not with the page.
      const [{ writeInteraction }, client] = await Promise.all([
        import('./write'),
        options.client(),
      ]);
      return writeInteraction(client, options.origin, data);
    },
  };
}

export type RecordsLink = ReturnType<typeof createRecordsLink>;
