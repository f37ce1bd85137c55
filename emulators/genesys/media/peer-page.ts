/**
 * The page that hosts the Chromium media peers (served at /_emulator/media-peer). Each peer sends a
 * 440 Hz tone (the echo test number's peer sends the agent's audio back) and samples its RTP counters twice a second; the emulator drives it through
 * `window.emu` with Playwright.
 */
export const PEER_PAGE_PATH = '/_emulator/media-peer';

const SCRIPT = String.raw`
const peers = new Map();
let audio;
function tone() {
  audio ??= new AudioContext();
  void audio.resume();
  const osc = audio.createOscillator();
  osc.frequency.value = 440;
  const gain = audio.createGain();
  gain.gain.value = 0.2;
  const dst = audio.createMediaStreamDestination();
  osc.connect(gain).connect(dst);
  osc.start();
  return dst.stream.getAudioTracks()[0];
}
// The agent's audio sent back: Chromium feeds a remote track into Web Audio only while a media
// element plays it, so a muted element keeps it flowing.
function echoOf(remote) {
  audio ??= new AudioContext();
  void audio.resume();
  const stream = new MediaStream([remote]);
  const sink = new Audio();
  sink.muted = true;
  sink.srcObject = stream;
  void sink.play().catch(() => undefined);
  const dst = audio.createMediaStreamDestination();
  audio.createMediaStreamSource(stream).connect(dst);
  return dst.stream.getAudioTracks()[0];
}
function gathered(pc, ms) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') { clearTimeout(t); resolve(); }
    });
  });
}
async function counters(pc) {
  const out = { packetsReceived: 0, bytesReceived: 0, packetsSent: 0, bytesSent: 0 };
  const stats = await pc.getStats();
  stats.forEach((s) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') {
      out.packetsReceived += s.packetsReceived || 0; out.bytesReceived += s.bytesReceived || 0;
    }
    if (s.type === 'outbound-rtp' && s.kind === 'audio') {
      out.packetsSent += s.packetsSent || 0; out.bytesSent += s.bytesSent || 0;
    }
  });
  return out;
}
async function sample() {
  for (const p of peers.values()) {
    if (p.pc.connectionState === 'closed') continue;
    const c = await counters(p.pc);
    const now = performance.now();
    if (p.last) {
      const dt = (now - p.last.t) / 1000;
      p.receiveRate = (c.packetsReceived - p.last.c.packetsReceived) / dt;
      p.sendRate = (c.packetsSent - p.last.c.packetsSent) / dt;
    }
    p.last = { t: now, c };
  }
}
setInterval(() => { void sample(); }, 500);
window.emu = {
  async create(id, echo) {
    const pc = new RTCPeerConnection({ iceServers: [] });
    const track = tone();
    const sender = pc.addTrack(track, new MediaStream([track]));
    if (echo) {
      pc.addEventListener('track', (e) => { void sender.replaceTrack(echoOf(e.track)); });
    }
    peers.set(id, { pc, track, sender, sending: true, receiveRate: 0, sendRate: 0, last: null });
    await pc.setLocalDescription(await pc.createOffer());
    await gathered(pc, 3000);
    return pc.localDescription.sdp;
  },
  async answer(id, sdp) { await peers.get(id).pc.setRemoteDescription({ type: 'answer', sdp }); },
  async candidate(id, c) { await peers.get(id).pc.addIceCandidate(c); },
  async sending(id, on) {
    const p = peers.get(id);
    p.sending = on;
    await p.sender.replaceTrack(on ? p.track : null);
  },
  async stats(id) {
    const p = peers.get(id);
    if (!p) return null;
    const c = await counters(p.pc);
    return { connectionState: p.pc.connectionState, ...c, receiveRate: p.receiveRate, sendRate: p.sendRate, sending: p.sending };
  },
  close(id) {
    const p = peers.get(id);
    if (!p) return;
    p.track.stop();
    p.pc.close();
    peers.delete(id);
  },
};
window.emuReady = true;
`;

export const PEER_PAGE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>Genesys emulator media peer</title></head>
<body><p>Media peer for the Genesys Cloud emulator.</p><script>${SCRIPT}</script></body></html>
`;
