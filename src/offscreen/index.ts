/**
 * Offscreen document composition root: the one softphone, its supervisor, and the answers to the
 * worker. Only chrome.runtime exists here; storage, identity and tabs go through the worker.
 * On boot it asks the worker for the start configuration and the last published snapshot (so the
 * calls a previous document had are settled truthfully), then follows every `session.configure`.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { createLogger, isLogLevel, registerSecret, setLogLevel } from '../shared/logger';
import { offscreenApi, type WorkerApi } from '../shared/protocol/contract';
import { isEnvelope } from '../shared/protocol/envelope';
import { createReceiver, createRequester, type Handlers } from '../shared/protocol/messenger';
import type { SessionConfig } from '../shared/protocol/schemas';
import { classifySender, policyFromRuntime } from '../shared/protocol/sender';
import { createDiagnostics } from './diagnostics';
import { exposeDiagnostics } from './session/diagnostics-handle';
import { browserMicrophoneEnv, MicrophoneWatch } from './session/microphone';
import { MicrophoneRecovery, watchMicrophone } from './session/microphone-recovery';
import { isReachable } from './session/reachability';
import { WebAudioRinger } from './session/ringtone';
import { SessionSupervisor } from './session/session-supervisor';
import { sessionStopHandlers } from './session-stop';
import { createSnapshotPublisher } from './snapshot-publisher';
import { GenesysSoftphone } from './softphone/genesys-softphone';
import { watchPresence } from './presence/presence-stream';

const log = createLogger('offscreen');
const bootId = crypto.randomUUID();

const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);
const publisher = createSnapshotPublisher((snapshot) => toWorker('session.changed', snapshot));

const remoteAudio = document.getElementById('remote-audio');
const ringerElement = document.getElementById('ringer');
const port = new GenesysSoftphone({
  ...(remoteAudio instanceof HTMLAudioElement ? { audioElement: remoteAudio } : {}),
  // Live presence for the worker over this document's streaming connection (no polling).
  onStreaming: (client, userId) =>
    watchPresence(
      client,
      userId,
      (event) => void toWorker('presence.event', event).catch(() => undefined),
    ),
});
const microphone = new MicrophoneWatch(browserMicrophoneEnv(), (access) => {
  supervisor.setMicrophone(access);
});
const supervisor = new SessionSupervisor({
  port,
  log: log.child('session'),
  publish: (view) => {
    publisher
      .update((snapshot) => ({ ...snapshot, ...diagnostics.decorate(micRecovery.decorate(view)) }))
      .catch((error: unknown) => {
        log.debug('snapshot not delivered', { error: String(error) });
      });
  },
  reachable: (url, timeoutMs) => isReachable(url, timeoutMs),
  renewToken: () => toWorker('auth.unauthorized', null),
  recheckMicrophone: () => void microphone.check(),
  ...(ringerElement instanceof HTMLAudioElement && {
    ringer: new WebAudioRinger(ringerElement, (error) => {
      log.warn('ringtone failed', { error: String(error) });
    }),
  }),
  registerSecret,
});

// A microphone unplugged mid-call: taken again, or the call says it has none (microphone-recovery.ts).
const micRecovery = new MicrophoneRecovery({
  peers: () => port.health().peerConnections,
  restore: (conversationId) => port.restoreMicrophone(conversationId),
  changed: () => void current().catch(() => undefined),
  now: () => Date.now(),
  log: log.child('microphone'),
});
watchMicrophone(micRecovery, navigator.mediaDevices);
const viewNow = () => micRecovery.decorate(supervisor.view());

let applied: SessionConfig | null = null;
/** The profile's log level applies to this document's log as well as to the SDK's. */
function apply(config: SessionConfig | null): void {
  applied = config;
  const level = config?.network['logLevel'];
  setLogLevel(isLogLevel(level) ? level : 'info');
  supervisor.configure(config);
}
const current = () =>
  publisher.update((snapshot) => ({ ...snapshot, ...diagnostics.decorate(viewNow()) }));
// Connectivity check, call quality and the support bundle; decorates every published view.
const diagnostics = createDiagnostics({
  port,
  view: () => supervisor.view(),
  config: () => applied,
  republish: () => void current().catch(() => undefined),
  log: log.child('diagnostics'),
});

/**
 * Boot: the worker answers with the start configuration and the last snapshot. Until then this
 * document knows nothing worth telling, so every message waits for the boot (a failed handshake
 * ends the wait too: the worker then configures this document by itself).
 */
const booted: Promise<void> = toWorker('offscreen.ready', { bootId }).then(
  ({ config, snapshot }) => {
    supervisor.inherit(snapshot ?? null);
    apply(config);
  },
  (error: unknown) => {
    log.error('worker did not answer the ready handshake', { error: String(error) });
  },
);

const handlers: Handlers<typeof offscreenApi> = {
  'session.configure': async (config) => {
    await booted;
    apply(config);
    return current();
  },
  'session.snapshot': async () => {
    await booted;
    return { ...publisher.current(), ...diagnostics.decorate(viewNow()) };
  },
  'session.publish': async () => {
    await booted;
    return current();
  },
  'call.command': async (command) => {
    await booted;
    await supervisor.command(command);
    return null;
  },
  // Interaction records: Platform API calls on the conversation's participants.
  'records.agent': async ({ conversationId }) => {
    await booted;
    return port.records.agentOnCall(conversationId);
  },
  'records.attributes': async ({ conversationId, attributes }) => {
    await booted;
    await port.records.writeAttributes(conversationId, attributes);
    return null;
  },
  'records.wrapupCodes': async ({ conversationId }) => {
    await booted;
    return port.records.wrapupCodes(conversationId);
  },
  'records.wrapup': async ({ conversationId, code, notes }) => {
    await booted;
    await port.records.submitWrapup(conversationId, {
      code,
      ...(notes !== undefined && { notes }),
    });
    return null;
  },
  // The worker saw the machine wake up: the same check as a late timer here.
  'session.revalidate': ({ gapMs }) => {
    supervisor.send({ type: 'wake', gapMs });
    return null;
  },
  ...diagnostics.handlers,
  // Sign-out and organisation switch: stop the SDK (bounded), forget the streaming backoff.
  ...sessionStopHandlers(
    {
      configure: async (config) => {
        await booted;
        apply(config);
      },
      settled: () => supervisor.settled(),
    },
    () => globalThis.sessionStorage,
  ),
};

const policy = policyFromRuntime(browser.runtime, () => false);
const receive = createReceiver('offscreen', offscreenApi, handlers, (sender) =>
  classifySender(sender, policy),
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isEnvelope(message) || message.to !== 'offscreen') {
    return undefined;
  }
  return receive(message, sender);
});

window.addEventListener('online', () => supervisor.setOnline(true));
window.addEventListener('offline', () => supervisor.setOnline(false));
exposeDiagnostics(supervisor, port, () => applied);

void microphone.check().catch((error: unknown) => {
  log.warn('microphone check failed', { error: String(error) });
});
