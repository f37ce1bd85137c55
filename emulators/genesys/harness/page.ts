/**
 * The harness page: loads the real SDK bundle and exposes `window.harness`, a thin driver that
 * records SDK events and reads RTP counters from the SDK's own peer connections.
 */
const SCRIPT = String.raw`
const h = {
  sdk: null,
  events: [],
  sessions: new Map(),
  record(name, data) { h.events.push({ t: Date.now(), name, data }); },
  async init(cfg) {
    const Sdk = window.GenesysCloudWebrtcSdk.default;
    const origin = location.origin;
    h.sdk = new Sdk({
      environment: origin,
      wsHost: origin.replace(/^http/, 'ws'),
      accessToken: cfg.token,
      optOutOfTelemetry: true,
      allowedSessionTypes: ['softphone'],
      logLevel: cfg.logLevel || 'warn',
      useServerSidePings: !!cfg.serverSidePings,
      ...(cfg.extra || {}),
    });
    const sdk = h.sdk;
    const summary = (s) => s ? { id: s.id, conversationId: s.conversationId, autoAnswer: s.autoAnswer, sessionType: s.sessionType, fromJid: s.fromJid } : s;
    sdk.on('ready', () => h.record('ready'));
    sdk.on('connected', (e) => h.record('connected', e));
    sdk.on('disconnected', (e) => h.record('disconnected', e));
    sdk.on('sdkError', (e) => h.record('sdkError', { type: e && e.type, message: e && e.message }));
    sdk.on('pendingSession', (p) => h.record('pendingSession', summary(p)));
    sdk.on('cancelPendingSession', (p) => h.record('cancelPendingSession', summary(p)));
    sdk.on('handledPendingSession', (p) => h.record('handledPendingSession', summary(p)));
    sdk.on('sessionStarted', (s) => { h.sessions.set(s.id, s); h.record('sessionStarted', summary(s)); });
    sdk.on('sessionEnded', (s, r) => h.record('sessionEnded', { ...summary(s), reason: r && r.condition }));
    sdk.on('conversationUpdate', (u) => h.record('conversationUpdate', {
      added: u.added.map((c) => c.conversationId), removed: u.removed.map((c) => c.conversationId),
      current: u.current.map((c) => ({ id: c.conversationId, state: c.mostRecentCallState && c.mostRecentCallState.state, muted: c.mostRecentCallState && c.mostRecentCallState.muted, held: c.mostRecentCallState && c.mostRecentCallState.held })),
    }));
    try {
      await sdk.initialize();
      return { ok: true };
    } catch (e) {
      return { ok: false, error: String(e && e.message || e) };
    }
  },
  count(name) { return h.events.filter((e) => e.name === name).length; },
  last(name) { const l = h.events.filter((e) => e.name === name); return l[l.length - 1]; },
  accept(conversationId) { return h.sdk.acceptPendingSession({ conversationId }); },
  decline(conversationId) { return h.sdk.rejectPendingSession({ conversationId }); },
  mute(conversationId, mute) { return h.sdk.setAudioMute({ conversationId, mute }); },
  hold(conversationId, held) { return h.sdk.setConversationHeld({ conversationId, held }); },
  end(conversationId) { return h.sdk.endSession({ conversationId }); },
  dial(phoneNumber) { return h.sdk.startSoftphoneSession({ phoneNumber }); },
  async destroy() { await h.sdk.destroy(); },
  async disconnect() { await h.sdk.disconnect(); },
  async rtp(sessionId) {
    const s = h.sessions.get(sessionId);
    if (!s || !s.peerConnection) return null;
    const out = { state: s.peerConnection.connectionState, packetsReceived: 0, packetsSent: 0, bytesReceived: 0, packetsLost: 0 };
    (await s.peerConnection.getStats()).forEach((r) => {
      if (r.type === 'inbound-rtp' && r.kind === 'audio') { out.packetsReceived += r.packetsReceived || 0; out.bytesReceived += r.bytesReceived || 0; out.packetsLost += r.packetsLost || 0; }
      if (r.type === 'outbound-rtp' && r.kind === 'audio') { out.packetsSent += r.packetsSent || 0; }
    });
    return out;
  },
};
window.harness = h;
`;

/**
 * In a loopback-only network namespace Chromium reports navigator.onLine === false, and the
 * streaming client then refuses every connection attempt (OfflineError). The harness reports
 * online there, unless the page is opened with ?realOnline.
 */
const ONLINE_SHIM = String.raw`
if (!navigator.onLine && !new URLSearchParams(location.search).has('realOnline')) {
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => true });
}
`;

export const HARNESS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SDK harness</title>
<script>${ONLINE_SHIM}</script>
<script src="/_emulator/harness/sdk.js"></script></head>
<body><p>Genesys Cloud WebRTC SDK harness.</p><script>${SCRIPT}</script></body></html>
`;
