/**
 * Packet loss for a call's media: a UDP relay put between the agent and the media peer. The
 * peer's offer advertises only the relay, the peer learns the agent only through it, and RTP/RTCP
 * is dropped at the configured rate in both directions (STUN and DTLS always pass).
 */
import { createSocket, type Socket } from 'node:dgram';

export interface Endpoint {
  address: string;
  port: number;
}

/** RTP and RTCP start with version 2 (first byte 128..191); STUN is 0..3 and DTLS 20..63. */
export function isRtp(msg: Buffer): boolean {
  const b = msg[0] ?? 0;
  return b >= 128 && b <= 191;
}

function bind(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => resolve(s));
  });
}

export class LossRelay {
  lossPercent: number;
  dropped = 0;
  forwarded = 0;
  readonly #target: Endpoint;
  readonly #backs = new Map<string, Socket>();
  #front: Socket | undefined;

  constructor(target: Endpoint, lossPercent: number) {
    this.#target = target;
    this.lossPercent = lossPercent;
  }

  /** Binds the agent-facing socket and returns its port. */
  async start(): Promise<number> {
    const front = await bind();
    this.#front = front;
    front.on('message', (msg, from) => {
      void this.#back(from.address, from.port).then((back) =>
        this.#pass(msg, () => back.send(msg, this.#target.port, this.#target.address)),
      );
    });
    return front.address().port;
  }

  async #back(address: string, port: number): Promise<Socket> {
    const key = `${address}:${port}`;
    let back = this.#backs.get(key);
    if (!back) {
      back = await bind();
      this.#backs.set(key, back);
      back.on('message', (msg) => this.#pass(msg, () => this.#front?.send(msg, port, address)));
    }
    return back;
  }

  #pass(msg: Buffer, forward: () => void): void {
    if (isRtp(msg) && Math.random() * 100 < this.lossPercent) {
      this.dropped += 1;
      return;
    }
    this.forwarded += 1;
    forward();
  }

  close(): void {
    this.#front?.close();
    for (const b of this.#backs.values()) {
      b.close();
    }
    this.#backs.clear();
  }
}

const CANDIDATE = /^a=candidate:\S+ \d+ (\S+) \d+ (\S+) (\d+) typ /;

/** The UDP IPv4 candidate to relay to (loopback preferred). */
export function relayTarget(sdp: string): Endpoint | undefined {
  const found: Endpoint[] = [];
  for (const line of sdp.split(/\r?\n/)) {
    const m = CANDIDATE.exec(line);
    if (m && m[1]?.toLowerCase() === 'udp' && /^\d+\.\d+\.\d+\.\d+$/.test(m[2] ?? '')) {
      found.push({ address: m[2] ?? '', port: Number(m[3]) });
    }
  }
  return found.find((e) => e.address === '127.0.0.1') ?? found[0];
}

/** Keeps one candidate, pointed at the relay; drops every other candidate line. */
export function rewriteOffer(sdp: string, target: Endpoint, relayPort: number): string {
  let kept = false;
  const lines = sdp.split('\r\n').flatMap((line) => {
    const m = CANDIDATE.exec(line);
    if (!m) {
      return [line];
    }
    if (
      !kept &&
      m[2] === target.address &&
      Number(m[3]) === target.port &&
      m[1]?.toLowerCase() === 'udp'
    ) {
      kept = true;
      return [
        line.replace(` ${target.address} ${target.port} typ `, ` 127.0.0.1 ${relayPort} typ `),
      ];
    }
    return [];
  });
  return lines.join('\r\n');
}

/** Removes candidates from an answer so the peer can reach the agent only through the relay. */
export function stripCandidates(sdp: string): string {
  return sdp
    .split('\r\n')
    .filter((l) => !l.startsWith('a=candidate:'))
    .join('\r\n');
}
