/**
 * The far end of every softphone call: a WebRTC peer the emulator drives. It offers audio, takes
 * the agent's answer and candidates, and reports RTP counters so tests can tell who hears whom.
 */
export interface PeerStats {
  connectionState: string;
  /** RTP from the agent. */
  packetsReceived: number;
  bytesReceived: number;
  /** RTP to the agent. */
  packetsSent: number;
  bytesSent: number;
  /** Packets per second over the last sampling window. */
  receiveRate: number;
  sendRate: number;
  /** The peer is currently sending its tone (false while held). */
  sending: boolean;
}

export interface MediaPeer {
  readonly id: string;
  /** A complete offer SDP (all candidates gathered, no trickle needed). */
  createOffer(): Promise<string>;
  setAnswer(sdp: string): Promise<void>;
  addCandidate(candidate: { candidate: string; sdpMid: string }): Promise<void>;
  /** Starts or stops sending audio to the agent (hold). */
  setSending(on: boolean): Promise<void>;
  stats(): Promise<PeerStats>;
  close(): Promise<void>;
}

export interface PeerOptions {
  /** Send back what the agent sends (the echo test number) instead of the tone. */
  echo?: boolean;
}

export interface MediaPeerFactory {
  readonly kind: string;
  /** Whether the peer establishes real media; if not, calls connect as soon as the answer arrives. */
  readonly realMedia: boolean;
  create(id: string, options?: PeerOptions): Promise<MediaPeer>;
  close(): Promise<void>;
}

/** Parses the SDK's trickle format: `m=<mid> 9 RTP/AVP 0\r\na=candidate:…`, or end-of-candidates. */
export function parseTrickle(sdp: string): { candidate: string; sdpMid: string } | null {
  const mid = /m=([^\s]+)/.exec(sdp)?.[1];
  const cand = /a=(candidate:[^\r\n]+)/.exec(sdp)?.[1];
  if (mid === undefined || cand === undefined) {
    return null;
  }
  return { candidate: cand, sdpMid: mid };
}

/** Whether a remote packet counter suggests audio is flowing right now. */
export function flowing(rate: number): boolean {
  return rate > 5;
}
