/**
 * Worker handlers for ServiceNow tabs: the screen-pop configuration (validated settings and
 * whether the asking tab is the pop target), pop claims (one pop per call), and the page's own
 * `g_ck` for lookups with the agent's ServiceNow session, and number parsing for click-to-dial and
 * the screen-pop rules (the page has no number parser). The sender is a content script on a configured instance (checked by
 * the receiver); its tab comes from what Chrome attests.
 */
import { AppError } from '../../shared/errors';
import { normalisePhone, parsePhone } from '../../shared/screenpop/phone';
import type { Handlers } from '../../shared/protocol/messenger';
import type { ContentConfig, contentToWorker } from '../../shared/protocol/messages/content';
import { claimKey, claimPop } from '../pop-claims';
import { readPageToken, senderDocumentId, type ExecuteInMainWorld } from '../page-token';
import { isPopTarget, type RelayPorts } from '../relay';
import type { WorkerDeps } from './deps';

export interface ContentHandlerOptions {
  ports?: RelayPorts;
  execute?: ExecuteInMainWorld;
}

function tabOf(sender: { tab?: { id?: number | undefined } | undefined }): number {
  const tabId = sender.tab?.id;
  if (tabId === undefined) {
    throw new AppError('protocol.forbidden-sender', 'Only a tab may ask for this');
  }
  return tabId;
}

function defaultRegion(settings: ReturnType<WorkerDeps['settings']>): string {
  return settings.screenPop.defaultRegion ?? settings.servicenow.defaultRegion;
}

export function contentHandlers(
  deps: Pick<WorkerDeps, 'settings'>,
  options: ContentHandlerOptions = {},
): Handlers<typeof contentToWorker> {
  return {
    'content.config': async (_data, { sender }) => {
      const settings = deps.settings();
      const config: ContentConfig = {
        defaultRegion: defaultRegion(settings),
        screenPop: settings.screenPop,
      };
      const popTarget = await isPopTarget(sender.tab?.id, settings.servicenow, options.ports);
      return { config, popTarget };
    },
    'content.claim': async ({ conversationId, trigger }, { sender }) => {
      const tabId = tabOf(sender);
      const perTab = deps.settings().servicenow.popTarget === 'all' ? { tabId } : null;
      return { granted: await claimPop(claimKey(conversationId, trigger, perTab)) };
    },
    'content.pageToken': async (_data, { sender }) => {
      const tabId = tabOf(sender);
      const documentId = senderDocumentId(sender);
      const token = await readPageToken(
        { tabId, ...(documentId !== undefined && { documentId }) },
        options.execute,
      );
      return { token };
    },
    'content.numbers': ({ texts }) => {
      const options = { defaultRegion: defaultRegion(deps.settings()) };
      return { numbers: texts.map((text) => normalisePhone(text, options)?.e164 ?? null) };
    },
    'content.phones': ({ texts }) => {
      const options = { defaultRegion: defaultRegion(deps.settings()) };
      return { phones: texts.map((text) => parsePhone(text, options)) };
    },
  };
}
