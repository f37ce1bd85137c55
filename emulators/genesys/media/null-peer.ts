/**
 * A media peer with no media: a syntactically valid audio offer whose ICE never connects. Calls
 * reach `connected` when the answer arrives. For fast tests that don't need audio.
 */
import { randomBytes } from 'node:crypto';
import type { MediaPeer, MediaPeerFactory, PeerStats } from './peer';

function fingerprint(): string {
  return [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

export function staticOffer(): string {
  const id = Date.now();
  return [
    'v=0',
    `o=- ${id} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS emu',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=ice-ufrag:${randomBytes(3).toString('hex')}`,
    `a=ice-pwd:${randomBytes(12).toString('hex')}`,
    `a=fingerprint:sha-256 ${fingerprint()}`,
    'a=setup:actpass',
    'a=mid:0',
    'a=sendrecv',
    'a=msid:emu tone',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    `a=ssrc:${1000 + (id % 100000)} cname:emu`,
    '',
  ].join('\r\n');
}

class NullPeer implements MediaPeer {
  #sending = true;
  #closed = false;
  constructor(readonly id: string) {}
  createOffer(): Promise<string> {
    return Promise.resolve(staticOffer());
  }
  setAnswer(): Promise<void> {
    return Promise.resolve();
  }
  addCandidate(): Promise<void> {
    return Promise.resolve();
  }
  setSending(on: boolean): Promise<void> {
    this.#sending = on;
    return Promise.resolve();
  }
  stats(): Promise<PeerStats> {
    return Promise.resolve({
      connectionState: this.#closed ? 'closed' : 'new',
      packetsReceived: 0,
      bytesReceived: 0,
      packetsSent: 0,
      bytesSent: 0,
      receiveRate: 0,
      sendRate: 0,
      sending: this.#sending,
    });
  }
  close(): Promise<void> {
    this.#closed = true;
    return Promise.resolve();
  }
}

export class NullMediaPeers implements MediaPeerFactory {
  readonly kind = 'none';
  readonly realMedia = false;
  create(id: string): Promise<MediaPeer> {
    return Promise.resolve(new NullPeer(id));
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}
