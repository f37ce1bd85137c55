/**
 * The console's browser script (sent as text). It renders everything with textContent, so
 * values coming from calls (attributes, numbers, names) are never interpreted as markup.
 */
export const CONSOLE_SCRIPT = String.raw`
const $ = (id) => document.getElementById(id);
const api = async (method, path, body) => {
  const res = await fetch('/_emulator' + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(json.message || res.status);
  return json;
};
const say = (text) => { $('status').textContent = new Date().toLocaleTimeString() + ' ' + text; };
const act = (fn) => async (ev) => {
  ev.preventDefault();
  try { say(JSON.stringify(await fn())); refresh(); } catch (e) { say('error: ' + e.message); }
};
function cell(tr, text) { const td = document.createElement('td'); td.textContent = text == null ? '' : String(text); tr.appendChild(td); return td; }
function button(td, label, fn) { const b = document.createElement('button'); b.textContent = label; b.onclick = act(fn); td.appendChild(b); }
function table(id, rows, cols, extra) {
  const body = $(id);
  body.replaceChildren();
  for (const r of rows) {
    const tr = document.createElement('tr');
    for (const c of cols) cell(tr, typeof c === 'function' ? c(r) : r[c]);
    if (extra) extra(tr, r);
    body.appendChild(tr);
  }
}
async function refresh() {
  try {
    const [calls, sessions, faults, requests] = await Promise.all([
      api('GET', '/calls'), api('GET', '/sessions'), api('GET', '/faults'), api('GET', '/requests'),
    ]);
    table('calls', calls.slice().reverse(), ['conversationId', 'direction', 'agentState', (c) => (c.muted ? 'muted ' : '') + (c.held ? 'held' : ''), 'customer', 'queue', 'legState', 'outcome'], (tr, c) => {
      const td = cell(tr, '');
      if (!c.endTime) button(td, 'Hang up', () => api('POST', '/calls/' + encodeURIComponent(c.conversationId) + '/hangup'));
      button(td, 'Media', async () => api('GET', '/calls/' + encodeURIComponent(c.conversationId) + '/media'));
    });
    table('sessions', sessions, ['userId', 'fullJid', 'state', 'channelId', (s) => (s.paused ? 'paused' : ''), (s) => (s.current ? 'current' : '')]);
    $('faults').textContent = JSON.stringify(faults, null, 1);
    table('requests', Object.entries(requests.counts).sort((a, b) => b[1] - a[1]).map(([k, n]) => ({ k, n })), ['k', 'n']);
  } catch (e) { say('refresh failed: ' + e.message); }
}
async function loadDirectory() {
  const dir = await api('GET', '/directory');
  for (const u of dir.users) {
    const o = document.createElement('option');
    o.value = u.id; o.textContent = u.name + ' (' + u.username + ')';
    $('to').appendChild(o);
  }
  for (const q of dir.queues) {
    const o = document.createElement('option');
    o.value = q.name; o.textContent = q.name;
    $('queue').appendChild(o);
  }
}
$('place').onsubmit = act(() => {
  const attrs = $('attributes').value.trim();
  const body = { to: $('to').value, from: $('from').value || undefined, autoAnswer: $('autoAnswer').checked };
  if ($('queue').value) body.queue = $('queue').value;
  if (attrs) body.attributes = JSON.parse(attrs);
  if ($('alert').value) body.alertTimeoutMs = Number($('alert').value);
  return api('POST', '/calls', body);
});
const secs = () => Number($('secs').value) || 10;
$('drop').onclick = act(() => api('POST', '/faults/drop', { mode: 'destroy' }));
$('close').onclick = act(() => api('POST', '/faults/drop', { mode: 'close' }));
$('blackhole').onclick = act(() => api('POST', '/faults/blackhole', { seconds: secs() }));
$('refuse').onclick = act(() => api('POST', '/faults/refuse-upgrades', { seconds: secs() }));
$('latency').onclick = act(() => api('POST', '/faults/latency', { restMs: Number($('lat').value) || 0, wsMs: Number($('lat').value) || 0 }));
$('r429').onclick = act(() => api('POST', '/faults/rest', { status: 429, retryAfterSec: 5, seconds: secs() }));
$('r503').onclick = act(() => api('POST', '/faults/rest', { status: 503, seconds: secs() }));
$('sasl').onclick = act(() => api('POST', '/faults/sasl', { seconds: secs() }));
$('nls').onclick = act(() => api('POST', '/faults/no-longer-subscribed', {}));
$('clear').onclick = act(() => api('POST', '/faults/clear'));
loadDirectory().catch((e) => say('directory failed: ' + e.message));
refresh();
setInterval(refresh, 1500);
`;
