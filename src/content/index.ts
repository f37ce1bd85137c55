/**
 * Content script entry (ServiceNow pages, top frame). Composition only: the page lifetime, the
 * link to the worker, the state store and its shadow-root UI, screen pops and click-to-dial.
 *
 *   worker ──content.snapshot {snapshot, popTarget}──▶ store (newer seq only) ──▶ UI
 *                                                        └──▶ pop controller (target tab only)
 *   UI: the connection chip in plain DOM (shell.ts) until there is a call, record or notice to
 *       show; then the Preact UI chunk (full-ui.ts) loads and takes over for the page's lifetime
 *   start / page restored from the back-forward cache ──▶ content.ready + content.config
 *   start ──▶ click-to-dial scanner (phone-shaped text; the worker says which are numbers)
 *   a call to pop ──▶ logic chunk (pop controller, rules, lookup), loaded then, not before; the
 *     call's numbers come parsed from the worker (content.phones): no number parser in the page
 *   the logger (and its redaction) loads with the first message logged
 *
 * The lifetime ends, taking UI, listeners and observers with it, when the extension context goes
 * away (update, reload, removal). Workspace navigation never re-runs this script: the UI stays
 * mounted once and nothing is registered twice.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { AppError } from '../shared/errors';
import { createTranslator } from '../shared/i18n';
import type { CallCommand } from '../shared/protocol/schemas';
import { classifySender, policyFromRuntime } from '../shared/protocol/sender';
import type { SessionSnapshot } from '../shared/session/snapshot';
import { startClickToDial } from './dial/click-to-dial';
import { createDialAction } from './dial/dial-action';
import { createDialOrigins } from './dial/origins';
import { createLifetime } from './lifetime';
import { lazyLogger } from './log';
import { loadLogic, type Logic } from './logic/load';
import { contentGuards } from './messaging/content-guards';
import { createContentReceiver, createWorkerRequester } from './messaging/worker-link';
import { createWorkerQueries } from './messaging/worker-queries';
import { navigateTo } from './pop/navigate';
import type { PopController, PopControllerDeps } from './pop/pop-controller';
import { createPresenceLink } from './presence/presence-link';
import { agentStatus } from './presence/status-store';
import { createRecordsLink } from './records/records-link';
import type { RecordSummary } from '../shared/records/types';
import { mountShadowUi } from './screen-pop/mount';
import { createShell, needsFullUi } from './screen-pop/shell';
import { createStore } from './state/store';

const log = lazyLogger('content');
const t = createTranslator((key, subs) => browser.i18n.getMessage(key, subs));
const lifetime = createLifetime(
  () => Boolean(browser.runtime.id),
  window,
  (reason) => log.info('content script retired', { reason }),
);
const { signal } = lifetime;
const request = createWorkerRequester(
  (message) => browser.runtime.sendMessage(message),
  () => lifetime.end('extension context invalidated'),
);
const queries = createWorkerQueries(request);
const store = createStore();
const { container } = mountShadowUi(signal, document, () =>
  lifetime.end('replaced by a newer copy'),
);
const shell = createShell(container, t);
const origins = createDialOrigins();

function open(url: string): void {
  navigateTo(url);
}

function command(cmd: CallCommand): void {
  if (!lifetime.check()) {
    return;
  }
  request('call.command', cmd).catch((error: unknown) => {
    store.setNotice({ kind: 'error', text: t('commandFailed'), code: AppError.from(error).code });
  });
}

/** A Table API client with this page's session, for the writes the worker hands this tab. */
async function pageClient() {
  const [logic, token] = await Promise.all([loadLogic(), queries.pageToken()]);
  return logic.createTableClient({
    fetch: (input, init) => fetch(input, init),
    baseUrl: location.origin,
    userToken: token ?? '',
  });
}

let recordJobs: RecordSummary[] = [];
const records = createRecordsLink({
  request,
  client: pageClient,
  origin: location.origin,
  onJobs(jobs) {
    recordJobs = jobs;
    render();
  },
  onError: (error) => log.warn('records request failed', { error: String(error) }),
});
const presence = createPresenceLink({
  request,
  client: pageClient,
  store: agentStatus,
  onError: (error) => log.warn('presence request failed', { error: String(error) }),
});

type FullUi = (view: { state: ReturnType<typeof store.get>; jobs: RecordSummary[] }) => void;
let fullUi: FullUi | null = null;
let loadingUi: Promise<void> | null = null;

/** The Preact UI, loaded (once) when there is first more to show than the connection chip. */
function loadFullUi(): Promise<void> {
  loadingUi ??= import('./screen-pop/full-ui').then(
    ({ createFullUi }) => {
      shell.handOver();
      fullUi = createFullUi({ container, signal, t, onCommand: command, onOpen: open, records });
      render();
    },
    (error: unknown) => {
      loadingUi = null;
      log.warn('could not load the call UI', { error: String(error) });
    },
  );
  return loadingUi;
}

function render(): void {
  const state = store.get();
  if (fullUi) {
    fullUi({ state, jobs: recordJobs });
    return;
  }
  shell.render(state);
  if (needsFullUi(state, recordJobs.length)) {
    void loadFullUi();
  }
}

store.subscribe(render);

const LIVE = new Set(['alerting', 'connecting', 'connected']);
let pops: PopController | null = null;
let loadingPops: Promise<void> | null = null;

const popDeps = (logic: Logic): PopControllerDeps => ({
  signal,
  logic: loadLogic,
  async config() {
    return (await queries.config()).config;
  },
  claim: (conversationId, trigger) => queries.claim(conversationId, trigger),
  phones: async (call, rules) =>
    logic.knownPhones(await queries.phones(logic.callPhoneTexts(call, rules))),
  async client(logic) {
    const token = await queries.pageToken();
    return logic.createTableClient({
      fetch: (input, init) => fetch(input, init),
      baseUrl: location.origin,
      userToken: token ?? '',
    });
  },
  pageUrl: () => location.href,
  navigate: open,
  isEditing: () => logic.isEditing(document),
  origins,
  show: (conversationId, view) => {
    store.setPop(conversationId, view);
    if (view.status === 'opened' || view.status === 'created') {
      records.matched(conversationId, view.url);
    }
  },
  log,
});

/**
 * Hands the current snapshot to the pop controller, which comes with the logic chunk: loaded at
 * the first call this tab pops. Snapshots that arrive meanwhile are not lost: the newest one is
 * handed over on load, and a call's triggers follow from its state in it.
 */
function popCalls(): void {
  const { snapshot, popTarget } = store.get();
  if (pops) {
    if (snapshot) {
      pops.onSnapshot(snapshot, popTarget);
    }
    return;
  }
  loadingPops ??= loadLogic().then(
    (logic) => {
      pops = logic.createPopController(popDeps(logic));
      popCalls();
    },
    (error: unknown) => {
      loadingPops = null;
      log.warn('screen pop failed', { error: String(error) });
      for (const call of store.get().snapshot?.calls ?? []) {
        if (LIVE.has(call.state)) {
          store.setPop(call.conversationId, { status: 'error', code: 'screenpop.failed' });
        }
      }
    },
  );
}

function accept(snapshot: SessionSnapshot, popTarget: boolean): void {
  if (!store.applySnapshot(snapshot, popTarget)) {
    return;
  }
  if (pops !== null || (popTarget && snapshot.calls.some((call) => LIVE.has(call.state)))) {
    popCalls();
  }
}

const receive = createContentReceiver(
  contentGuards,
  {
    'session.changed': (snapshot) => {
      accept(snapshot, false);
      return null;
    },
    'content.snapshot': ({ snapshot, popTarget }) => {
      accept(snapshot, popTarget);
      return null;
    },
    'records.write': (data) => records.write(data),
    'records.changed': () => {
      records.refresh();
      return null;
    },
    'presence.changed': (view) => presence.changed(view),
    'presence.write': (data) => presence.write(data),
    'presence.read': () => presence.read(),
  },
  (sender) =>
    classifySender(
      sender,
      policyFromRuntime(browser.runtime, () => false),
    ),
  (code, detail) => log.warn('message refused', { code, detail }),
);
const listener = (message: unknown, sender: Runtime.MessageSender) => receive(message, sender);
browser.runtime.onMessage.addListener(listener);
signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener));

const FORBIDDEN = 'protocol.forbidden-sender';

/** Current calls and configuration; the calls show even if the configuration cannot be had. */
function sync(): void {
  void Promise.allSettled([queries.ready(location.href), queries.config()]).then(
    ([ready, setup]) => {
      // The worker takes content scripts only on configured instances: elsewhere, leave the page.
      if (ready.status === 'rejected' && AppError.from(ready.reason).code === FORBIDDEN) {
        lifetime.end('not a configured ServiceNow instance');
        return;
      }
      const popTarget = setup.status === 'fulfilled' && setup.value.popTarget;
      if (ready.status === 'fulfilled' && ready.value) {
        accept(ready.value, popTarget);
      }
      for (const result of [ready, setup]) {
        if (result.status === 'rejected') {
          log.warn('could not reach the worker', { error: String(result.reason) });
        }
      }
    },
  );
}

window.addEventListener('pageshow', (event) => event.persisted && sync(), { signal });
render();
sync();
records.refresh();
presence.start();
startClickToDial({
  doc: document,
  signal,
  numbers: (texts) => queries.numbers(texts),
  t,
  dial: createDialAction({
    request,
    origins,
    pageUrl: () => location.href,
    doc: document,
    t,
    notify: (notice) => store.setNotice(notice),
  }),
  onError: (error) => log.warn('click-to-dial: numbers unavailable', { error: String(error) }),
});
