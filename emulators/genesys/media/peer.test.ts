import { describe, expect, it } from 'vitest';
import { parseTrickle } from './peer';

describe('parseTrickle', () => {
  it('reads mid and candidate from the SDK trickle format', () => {
    const c = parseTrickle(
      'm=0 9 RTP/AVP 0\r\na=candidate:1 1 udp 2122260223 127.0.0.1 49518 typ host generation 0',
    );
    expect(c).toEqual({
      sdpMid: '0',
      candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 49518 typ host generation 0',
    });
  });

  it('returns null for end-of-candidates', () => {
    expect(parseTrickle('a=end-of-candidates')).toBeNull();
  });
});
