/** Worker handlers of the records messages (sender and shape already checked by the receiver). */
import type { Handlers } from '../../shared/protocol/messenger';
import type { recordsToWorker } from '../../shared/protocol/messages/records';
import type { RecordsService } from './service';

export function recordsHandlers(records: RecordsService): Handlers<typeof recordsToWorker> {
  return {
    'records.state': async (_data, { from }) => {
      if (from === 'content') {
        await records.tabAppeared(); // a ServiceNow tab is there: waiting writes can go
      }
      return records.state();
    },
    'records.retry': ({ conversationId }) => records.retry(conversationId),
    'records.matched': async ({ conversationId, url }) => {
      await records.matched(conversationId, url);
      return null;
    },
    'records.wrapup': (input) => records.wrapup(input),
  };
}
