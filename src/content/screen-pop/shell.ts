/**
 * What a ServiceNow page shows while there is no call: the layer (its `data-seq` says which
 * snapshot the tab holds), an empty polite live region, and the connection chip. Plain DOM, so a
 * page load without calls never loads or runs Preact. The markup is the one ScreenPop renders for
 * the same state; `needsFullUi` says when ScreenPop must take over (a call or record to show, a
 * notice, a connection error), and `handOver` leaves the layer and its live region for Preact to
 * adopt, so the region that announces the first call is the one already in the page.
 */
import { messageKey, type Translate } from '../../shared/i18n';
import type { ContentState } from '../state/store';

const LIVE = new Set(['alerting', 'connecting', 'connected']);

/** True when the state shows more than the connection chip: the Preact UI is needed. */
export function needsFullUi(state: ContentState, records: number): boolean {
  const { snapshot } = state;
  return (
    records > 0 ||
    state.notice !== null ||
    Object.keys(state.pops).length > 0 ||
    snapshot?.connection.error !== undefined ||
    (snapshot?.calls ?? []).some((call) => LIVE.has(call.state))
  );
}

function element(doc: Document, tag: string, attributes: Record<string, string>): HTMLElement {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    node.setAttribute(name, value);
  }
  return node;
}

export interface Shell {
  render(state: ContentState): void;
  /** Leaves the layer and its live region in `container` for the full UI to adopt. */
  handOver(): void;
}

export function createShell(container: HTMLElement, t: Translate): Shell {
  const doc = container.ownerDocument;
  const layer = element(doc, 'div', { class: 'sb-layer' });
  const live = element(doc, 'div', { class: 'sb-sr-only', role: 'status', 'aria-live': 'polite' });
  const chip = element(doc, 'div', { class: 'sb-chip', role: 'status', 'aria-live': 'polite' });
  const dot = element(doc, 'span', { class: 'sb-dot', 'aria-hidden': 'true' });
  const name = element(doc, 'span', { class: 'sb-status' });
  const connection = element(doc, 'span', { class: 'sb-connection sb-muted' });
  name.textContent = t('extName');
  chip.append(dot, name, connection);
  layer.append(live, chip);
  container.replaceChildren(layer);
  return {
    render({ snapshot, popTarget }) {
      const state = snapshot?.connection.state ?? 'stopped';
      layer.setAttribute('data-seq', String(snapshot?.seq ?? 0));
      layer.setAttribute('data-pop-target', String(popTarget));
      dot.setAttribute('data-state', state);
      connection.setAttribute('data-state', state);
      connection.textContent = t(messageKey('connection', state));
    },
    handOver() {
      chip.remove();
    },
  };
}
