/**
 * The Preact UI (call cards, records panel, notices), in its own chunk: it loads when the page
 * first has a call or record to show, not with the page. It takes over from the shell, adopting
 * the layer and live region the shell left, and unmounts (running effects' clean-up) when the
 * lifetime ends.
 */
import { h, render } from 'preact';
import type { Translate } from '../../shared/i18n';
import type { RecordSummary } from '../../shared/records/types';
import type { CallCommand } from '../../shared/protocol/schemas';
import { RecordsPanel, type RecordsActions } from '../records/RecordsPanel';
import type { ContentState } from '../state/store';
import { ScreenPop } from './ScreenPop';

export interface FullUiView {
  state: ContentState;
  jobs: RecordSummary[];
}

export interface FullUiOptions {
  container: HTMLElement;
  signal: AbortSignal;
  t: Translate;
  onCommand: (command: CallCommand) => void;
  onOpen: (url: string) => void;
  records: RecordsActions;
}

export function createFullUi({ container, signal, t, onCommand, onOpen, records }: FullUiOptions) {
  signal.addEventListener('abort', () => render(null, container), { once: true });
  return (view: FullUiView): void => {
    if (signal.aborted) {
      return;
    }
    const panel = h(RecordsPanel, { jobs: view.jobs, t, actions: records });
    render(h(ScreenPop, { state: view.state, t, onCommand, onOpen }, panel), container);
  };
}
