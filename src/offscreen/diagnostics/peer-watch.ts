/**
 * Listens to an RTCPeerConnection during a check: the candidates it gathers (by type), the
 * icecandidateerror codes (401 bad TURN credentials, 701 server unreachable…) and a way to wait for
 * a condition with a deadline. Listeners are removed by `stop()`.
 */

export interface WatchedCandidate {
  type: string | null;
  at: number;
}

export interface PeerWatch {
  readonly candidates: WatchedCandidate[];
  readonly errorCodes: number[];
  /** Resolves when `done()` holds after an event, or after `ms`; true when it held. */
  until(done: () => boolean, ms: number): Promise<boolean>;
  stop(): void;
}

function candidateType(candidate: RTCIceCandidate): string | null {
  return candidate.type ?? / typ (\w+)/.exec(candidate.candidate)?.[1] ?? null;
}

export function watchPeer(pc: RTCPeerConnection, now: () => number): PeerWatch {
  const candidates: WatchedCandidate[] = [];
  const errorCodes: number[] = [];
  const wakers = new Set<() => void>();
  const wake = () => wakers.forEach((w) => w());
  const onCandidate = (event: RTCPeerConnectionIceEvent) => {
    if (event.candidate !== null && event.candidate.candidate !== '') {
      candidates.push({ type: candidateType(event.candidate), at: now() });
    }
    wake();
  };
  const onError = (event: Event) => {
    const code = (event as RTCPeerConnectionIceErrorEvent).errorCode;
    if (typeof code === 'number' && !errorCodes.includes(code)) {
      errorCodes.push(code);
    }
    wake();
  };
  pc.addEventListener('icecandidate', onCandidate);
  pc.addEventListener('icecandidateerror', onError);
  pc.addEventListener('icegatheringstatechange', wake);
  pc.addEventListener('iceconnectionstatechange', wake);
  return {
    candidates,
    errorCodes,
    until(done, ms) {
      if (done()) {
        return Promise.resolve(true);
      }
      return new Promise((resolve) => {
        const finish = (held: boolean) => {
          clearTimeout(timer);
          wakers.delete(check);
          resolve(held);
        };
        const check = () => {
          if (done()) {
            finish(true);
          }
        };
        const timer = setTimeout(() => finish(false), ms);
        wakers.add(check);
      });
    },
    stop() {
      pc.removeEventListener('icecandidate', onCandidate);
      pc.removeEventListener('icecandidateerror', onError);
      pc.removeEventListener('icegatheringstatechange', wake);
      pc.removeEventListener('iceconnectionstatechange', wake);
      wakers.clear();
    },
  };
}
