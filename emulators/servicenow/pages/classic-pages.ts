/**
 * Classic UI16 pages, rendered on the server: `/nav_to.do?uri=…` (banner, navigator and the
 * `gsft_main` frame), `/<table>.do?sys_id=…` (form) and `/<table>_list.do` (list). Element ids
 * follow UI16 (`<table>.<field>` inputs, hidden `sysparm_ck`).
 */
import type { SnRecord } from '../store/table-store';
import { TABLE_NAMES, TABLES, fieldLabel, type TableName } from '../store/tables';
import type { ReferenceTarget } from '../server/references';
import { html, type SafeHtml } from './html';

type Refs = Record<string, ReferenceTarget>;
const formHref = (table: string, sysId: string): string =>
  `/${table}.do?sys_id=${encodeURIComponent(sysId)}`;

function cell(value: string, refs: Refs): SafeHtml | string {
  const ref = refs[value];
  return ref
    ? html`<a class="sn-ref-link" href="${formHref(ref.table, value)}">${ref.display}</a>`
    : value;
}

export function navToBody(innerUri: string): SafeHtml {
  const items = TABLE_NAMES.map(
    (t) => html`<li><a href="/${t}_list.do" target="gsft_main">${TABLES[t].plural}</a></li>`,
  );
  return html`<div class="sn-classic" id="sn-classic">
    <nav id="gsft_nav" class="sn-nav" aria-label="Application navigator">
      <ul>
        ${items}
      </ul>
    </nav>
    <iframe
      id="gsft_main"
      name="gsft_main"
      class="sn-main-frame"
      title="Main content"
      src="${innerUri}"
    ></iframe>
  </div>`;
}

export function listBody(
  table: TableName,
  records: readonly SnRecord[],
  refs: Refs,
  query: string,
): SafeHtml {
  const def = TABLES[table];
  const head = def.listColumns.map(
    (c) => html`<th scope="col" data-field="${c}">${fieldLabel(c)}</th>`,
  );
  const rows = records.map((r) => {
    const id = r['sys_id'] ?? '';
    const cells = def.listColumns.map((c, i) => {
      const value = r[c] ?? '';
      const content =
        i === 0
          ? html`<a class="sn-record-link" href="${formHref(table, id)}">${value || '(empty)'}</a>`
          : cell(value, refs);
      const cls = def.phoneFields.includes(c) ? 'sn-cell sn-phone' : 'sn-cell';
      return html`<td class="${cls}" data-field="${c}">${content}</td>`;
    });
    return html`<tr class="sn-list-row list_row" data-sys-id="${id}">
      ${cells}
    </tr>`;
  });
  return html`<div class="sn-classic-content">
    <div class="sn-list-header">
      <h1 class="sn-page-title">${def.plural}</h1>
      <span class="sn-query" id="sn-list-query">${query}</span>
    </div>
    <table id="${table}_table" class="sn-list list2_body" data-table="${table}">
      <thead>
        <tr>
          ${head}
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
    ${records.length === 0 ? html`<p class="sn-empty">No records to display</p>` : ''}
  </div>`;
}

export function formBody(table: TableName, record: SnRecord, refs: Refs, token: string): SafeHtml {
  const def = TABLES[table];
  const id = record['sys_id'] ?? '';
  const display = record[def.displayField] ?? '';
  const title = display === '' ? id : display;
  const phones = def.phoneFields.filter((f) => record[f]);
  const highlights = phones.map(
    (f) =>
      html`<dt>${fieldLabel(f)}</dt>
        <dd>
          <span class="sn-phone-text" id="sys_readonly.${table}.${f}" data-field="${f}"
            >${record[f]}</span
          >
        </dd>`,
  );
  const fields = def.formFields.map((f) => {
    const value = record[f] ?? '';
    const ref = refs[value];
    const type = def.phoneFields.includes(f) ? 'tel' : 'text';
    return html`<div class="sn-form-field form-group" id="element.${table}.${f}" data-field="${f}">
      <label for="${table}.${f}">${fieldLabel(f)}</label>
      <input
        class="sn-input form-control"
        type="${type}"
        id="${table}.${f}"
        name="${table}.${f}"
        value="${ref ? ref.display : value}"
        ${ref ? html`readonly` : ''}
      />
      ${ref ? html`<a class="sn-ref-link" href="${formHref(ref.table, value)}">Open record</a>` : ''}
    </div>`;
  });
  return html`<div class="sn-classic-content">
    <header class="sn-form-header">
      <span class="sn-record-type">${def.label}</span>
      <h1 id="sn-record-title" class="sn-record-title">${title}</h1>
    </header>
    <dl class="sn-highlights" id="sn-highlights">${highlights}</dl>
    <form
      id="${table}.do"
      name="${table}.do"
      class="sn-form"
      data-table="${table}"
      data-sys-id="${id}"
    >
      <input type="hidden" name="sysparm_ck" id="sysparm_ck" value="${token}" />
      <input type="hidden" name="sys_id" id="sys_uniqueValue" value="${id}" />
      ${fields}
    </form>
  </div>`;
}

export function messageBody(title: string, message: string): SafeHtml {
  return html`<div class="sn-classic-content sn-message" role="alert">
    <h1 class="sn-page-title">${title}</h1>
    <p>${message}</p>
  </div>`;
}
