// @ts-check
/**
 * Agent Workspace stand-in, client side: a history.pushState router over three views (home,
 * list, record). Data comes from /api/now/ui/… with the page's g_ck; every value is rendered as
 * text (createElement/append, never innerHTML). `#sn-main` carries data-sn-state
 * (loading | ready | error), data-sn-view and data-sn-route for tests to wait on.
 */
(() => {
  const main = /** @type {HTMLElement} */ (document.getElementById('sn-main'));
  const workspace = /** @type {HTMLElement} */ (document.getElementById('sn-workspace'));
  const base = workspace.dataset['snBase'] ?? '/now/workspace/agent';
  const root = document.documentElement;
  let renderSeq = 0;

  /**
   * @param {string} tag
   * @param {Record<string, string>} [attrs]
   * @param {...(Node | string | null)} children
   */
  function h(tag, attrs = {}, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    for (const c of children) if (c !== null) el.append(c);
    return el;
  }

  /** @param {string} path */
  async function api(path) {
    const res = await fetch(path, {
      headers: { Accept: 'application/json', 'X-UserToken': String(Reflect.get(window, 'g_ck')) },
      credentials: 'same-origin',
    });
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    return (await res.json()).result;
  }

  /** @param {string} table @param {string} id */
  const recordPath = (table, id) =>
    `${base}/record/${encodeURIComponent(table)}/${encodeURIComponent(id)}`;

  /** @param {string} href @param {string} text @param {string} cls */
  const link = (href, text, cls) => h('a', { href, 'data-sn-link': '', class: cls }, text);

  /** @param {any} refs @param {string} value */
  function cellContent(refs, value) {
    const ref = refs[value];
    return ref ? link(recordPath(ref.table, value), ref.display, 'sn-ref-link') : value;
  }

  /** @param {{table: any, records: any[], references: any}} data @param {string} title */
  function listSection(data, title) {
    const t = data.table;
    const head = h(
      'tr',
      {},
      ...t.listColumns.map((/** @type {string} */ c) =>
        h('th', { scope: 'col', 'data-field': c }, t.labels[c] ?? c),
      ),
    );
    const rows = data.records.map((r) =>
      h(
        'tr',
        { class: 'sn-list-row', 'data-sys-id': r.sys_id },
        ...t.listColumns.map((/** @type {string} */ c, /** @type {number} */ i) => {
          const value = r[c] ?? '';
          const content =
            i === 0
              ? link(recordPath(t.name, r.sys_id), value || '(empty)', 'sn-record-link')
              : cellContent(data.references, value);
          const cls = t.phoneFields.includes(c) ? 'sn-cell sn-phone' : 'sn-cell';
          return h('td', { class: cls, 'data-field': c }, content);
        }),
      ),
    );
    const empty = rows.length === 0 ? h('p', { class: 'sn-empty' }, 'No records to display') : null;
    return h(
      'section',
      { class: 'sn-list-section', 'data-table': t.name },
      h('h2', { class: 'sn-section-title' }, title),
      h(
        'table',
        { class: 'sn-list', 'data-table': t.name },
        h('thead', {}, head),
        h('tbody', {}, ...rows),
      ),
      empty,
    );
  }

  /** @param {any} data */
  function recordView(data) {
    const { table: t, record, references } = data;
    const title = record[t.displayField] || record.sys_id;
    document.title = `${title} | ${t.label} | Agent Workspace`;
    const phones = t.phoneFields.filter((/** @type {string} */ f) => record[f]);
    const highlights = h(
      'dl',
      { class: 'sn-highlights', id: 'sn-highlights' },
      ...phones.flatMap((/** @type {string} */ f) => [
        h('dt', {}, t.labels[f] ?? f),
        h('dd', {}, h('span', { class: 'sn-phone-text', 'data-field': f }, record[f])),
      ]),
    );
    const fields = t.formFields.map((/** @type {string} */ f) => {
      const value = record[f] ?? '';
      const ref = references[value];
      const id = `sn-field-${f}`;
      const input = h('input', {
        id,
        name: f,
        class: 'sn-input',
        autocomplete: 'off',
        type: t.phoneFields.includes(f) ? 'tel' : 'text',
        value: ref ? ref.display : value,
      });
      if (ref) input.setAttribute('readonly', '');
      return h(
        'div',
        { class: 'sn-form-field', 'data-field': f },
        h('label', { for: id }, t.labels[f] ?? f),
        input,
        ref ? link(recordPath(ref.table, value), 'Open record', 'sn-ref-link') : null,
      );
    });
    return h(
      'article',
      { id: 'sn-record', class: 'sn-record', 'data-table': t.name, 'data-sys-id': record.sys_id },
      h(
        'header',
        { class: 'sn-record-header' },
        h('span', { class: 'sn-record-type' }, t.label),
        h('h1', { id: 'sn-record-title', class: 'sn-record-title' }, title),
      ),
      highlights,
      h(
        'form',
        { id: 'sn-form', class: 'sn-form', 'data-table': t.name, 'data-sys-id': record.sys_id },
        ...fields,
      ),
      ...data.related.map((/** @type {any} */ rel) => listSection(rel, rel.title)),
    );
  }

  /** @param {string} pathname */
  function parseRoute(pathname) {
    const parts = pathname.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent);
    if (parts.length === 0 || parts[0] === 'home') return { view: 'home' };
    if (parts[0] === 'list' && parts[1]) return { view: 'list', table: parts[1] };
    if (parts[0] === 'record' && parts[1] && parts[2]) {
      return { view: 'record', table: parts[1], sysId: parts[2] };
    }
    return { view: 'not-found' };
  }

  /** @param {ReturnType<typeof parseRoute>} route */
  async function buildView(route) {
    const enc = encodeURIComponent;
    if (route.view === 'home') {
      document.title = 'Home | Agent Workspace';
      const [contacts, incidents] = await Promise.all([
        api('/api/now/ui/list/customer_contact'),
        api(`/api/now/ui/list/incident?sysparm_query=${enc('active=true')}`),
      ]);
      return h(
        'div',
        { class: 'sn-home', id: 'sn-home' },
        h('h1', { class: 'sn-page-title' }, 'Agent home'),
        listSection(contacts, 'Customer contacts'),
        listSection(incidents, 'Open incidents'),
      );
    }
    if (route.view === 'list' && route.table) {
      const data = await api(`/api/now/ui/list/${enc(route.table)}`);
      document.title = `${data.table.plural} | Agent Workspace`;
      return listSection(data, data.table.plural);
    }
    if (route.view === 'record' && route.table && route.sysId) {
      return recordView(await api(`/api/now/ui/record/${enc(route.table)}/${enc(route.sysId)}`));
    }
    throw new Error('Page not found');
  }

  async function render() {
    const seq = ++renderSeq;
    const route = parseRoute(location.pathname);
    Object.assign(main.dataset, {
      snState: 'loading',
      snView: route.view,
      snRoute: location.pathname,
    });
    for (const a of document.querySelectorAll('#sn-nav a')) {
      const current = a.getAttribute('href') === location.pathname;
      if (current) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
    try {
      const view = await buildView(route);
      if (seq !== renderSeq) return;
      main.replaceChildren(view);
      main.dataset['snState'] = 'ready';
    } catch (err) {
      if (seq !== renderSeq) return;
      const message = err instanceof Error ? err.message : String(err);
      main.replaceChildren(
        h('div', { class: 'sn-error', role: 'alert' }, `Could not load: ${message}`),
      );
      main.dataset['snState'] = 'error';
    }
  }

  /** Client-side navigation: a new history entry, no document load. @param {string} path */
  function navigate(path) {
    if (path !== location.pathname + location.search) history.pushState(null, '', path);
    root.dataset['snNavigations'] = String(Number(root.dataset['snNavigations'] ?? '0') + 1);
    void render();
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const a = event.target instanceof Element ? event.target.closest('a[data-sn-link]') : null;
    if (!(a instanceof HTMLAnchorElement)) return;
    const url = new URL(a.href);
    if (url.origin !== location.origin || !url.pathname.startsWith(base)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  window.addEventListener('popstate', () => void render());
  Reflect.set(window, 'snWorkspace', { navigate });
  void render();
})();
