/**
 * What a click on a dial button does: remember the record the number came from (so the pop of
 * that outbound call opens it), send call.command {type: 'dial'} through the worker, and tell the
 * agent how it went in the notice line (with the error code when the softphone refused).
 */
import { AppError } from '../../shared/errors';
import type { Translate } from '../../shared/i18n';
import { recordUrl } from '../../shared/servicenow/urls';
import type { RequestWorker } from '../messaging/worker-link';
import { recordAround } from '../pop/page-context';
import type { Notice } from '../state/store';
import type { DialOrigins } from './origins';

const MAX_LABEL = 120;

function labelAround(element: Element, doc: Document): string {
  const holder = element.closest('[data-sys-id]');
  const text = holder?.querySelector('a, h1')?.textContent ?? doc.querySelector('h1')?.textContent;
  return (text ?? doc.title).trim().slice(0, MAX_LABEL);
}

export function createDialAction(deps: {
  request: RequestWorker;
  origins: DialOrigins;
  pageUrl(): string;
  doc: Document;
  t: Translate;
  notify(notice: Notice): void;
}) {
  return (number: string, anchor: Node): void => {
    const element = anchor instanceof Element ? anchor : anchor.parentElement;
    const record = element ? recordAround(element, deps.pageUrl()) : null;
    if (element && record) {
      deps.origins.remember(number, {
        url: recordUrl(deps.pageUrl(), record.table, record.sysId),
        label: labelAround(element, deps.doc),
      });
    }
    deps.notify({ kind: 'info', text: deps.t('dialing', number) });
    deps.request('call.command', { type: 'dial', number }).then(
      () => deps.notify({ kind: 'info', text: deps.t('dialPlaced', number), code: 'ok' }),
      (error: unknown) =>
        deps.notify({
          kind: 'error',
          text: deps.t('dialFailed', number),
          code: AppError.from(error).code,
        }),
    );
  };
}
