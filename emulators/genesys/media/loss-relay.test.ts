import { createSocket } from 'node:dgram';
import { describe, expect, it } from 'vitest';
import { isRtp, LossRelay, relayTarget, rewriteOffer, stripCandidates } from './loss-relay';

const SDP = [
  'v=0',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111',
  'a=candidate:1 1 udp 2122260223 192.0.2.2 40000 typ host generation 0',
  'a=candidate:2 1 udp 2122260223 127.0.0.1 40001 typ host generation 0',
  'a=candidate:3 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active',
  'a=candidate:4 1 udp 2122262783 ::1 40002 typ host generation 0',
  'a=mid:0',
  '',
].join('\r\n');

describe('loss relay SDP handling', () => {
  it('picks the loopback UDP candidate and advertises only the relay', () => {
    const target = relayTarget(SDP);
    expect(target).toEqual({ address: '127.0.0.1', port: 40001 });
    const out = rewriteOffer(SDP, target ?? { address: '', port: 0 }, 50000);
    const cands = out.split('\r\n').filter((l) => l.startsWith('a=candidate:'));
    expect(cands).toEqual(['a=candidate:2 1 udp 2122260223 127.0.0.1 50000 typ host generation 0']);
    expect(stripCandidates(SDP)).not.toContain('a=candidate');
  });

  it('tells RTP from STUN and DTLS', () => {
    expect(isRtp(Buffer.from([0x80, 111]))).toBe(true);
    expect(isRtp(Buffer.from([0x00, 0x01]))).toBe(false);
    expect(isRtp(Buffer.from([22, 254]))).toBe(false);
  });
});

describe('LossRelay', () => {
  it('forwards both ways and drops RTP at 100 % loss but never STUN', async () => {
    const peer = createSocket('udp4');
    await new Promise<void>((r) => peer.bind(0, '127.0.0.1', r));
    peer.on('message', (msg, from) => peer.send(msg, from.port, from.address)); // echo
    const relay = new LossRelay({ address: '127.0.0.1', port: peer.address().port }, 0);
    const port = await relay.start();
    const agent = createSocket('udp4');
    await new Promise<void>((r) => agent.bind(0, '127.0.0.1', r));
    const received: Buffer[] = [];
    agent.on('message', (m) => received.push(m));
    const roundTrip = async (msg: Buffer) => {
      const before = received.length;
      agent.send(msg, port, '127.0.0.1');
      for (let i = 0; i < 40 && received.length === before; i += 1) {
        await new Promise((r) => setTimeout(r, 10));
      }
      return received.length > before;
    };
    expect(await roundTrip(Buffer.from([0x80, 1, 2]))).toBe(true);
    relay.lossPercent = 100;
    expect(await roundTrip(Buffer.from([0x80, 1, 3]))).toBe(false);
    expect(await roundTrip(Buffer.from([0x00, 1, 0, 0]))).toBe(true);
    expect(relay.dropped).toBe(1);
    relay.close();
    agent.close();
    peer.close();
  });
});
