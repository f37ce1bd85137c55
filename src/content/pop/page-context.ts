/**
 * What the page tells about the agent right now: whether they are typing into a field (then the
 * pop does not navigate on its own), and which record an element belongs to (for click-to-dial).
 * Shadow roots are followed for focus; our own UI never counts as editing.
 */
import { SYS_ID, isTableName } from '../../shared/servicenow/encoded-query';
import { pageKind } from '../../shared/servicenow/urls';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'password', '']);
export const OWN_TAGS = new Set(['SWITCHBOARD-ROOT', 'SWITCHBOARD-DIAL']);

function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) {
    if (OWN_TAGS.has(active.tagName)) {
      return active;
    }
    active = active.shadowRoot.activeElement;
  }
  return active;
}

export function isEditable(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement) {
    return !element.readOnly && !element.disabled;
  }
  if (element instanceof HTMLInputElement) {
    return TEXT_INPUTS.has(element.type) && !element.readOnly && !element.disabled;
  }
  return element instanceof HTMLElement && element.isContentEditable;
}

export function isEditing(doc: Document = document): boolean {
  const active = deepActiveElement(doc);
  return active !== null && !OWN_TAGS.has(active.tagName) && isEditable(active);
}

export interface RecordRef {
  table: string;
  sysId: string;
}

function valid(
  table: string | null | undefined,
  sysId: string | null | undefined,
): RecordRef | null {
  return table && sysId && isTableName(table) && SYS_ID.test(sysId) ? { table, sysId } : null;
}

/** The record of a list row or form around `element`, else the record the page shows. */
export function recordAround(element: Element, pageUrl: string): RecordRef | null {
  const row = element.closest('[data-sys-id]');
  const table = row?.closest('[data-table]')?.getAttribute('data-table');
  const fromDom = valid(table, row?.getAttribute('data-sys-id'));
  if (fromDom) {
    return fromDom;
  }
  const url = new URL(pageUrl);
  const kind = pageKind(url);
  if (kind.kind === 'workspace') {
    const [view, recordTable, sysId] = url.pathname.slice(kind.prefix.length + 1).split('/');
    return view === 'record' ? valid(recordTable, sysId) : null;
  }
  return valid(/^\/([a-z0-9_]+)\.do$/.exec(url.pathname)?.[1], url.searchParams.get('sys_id'));
}
