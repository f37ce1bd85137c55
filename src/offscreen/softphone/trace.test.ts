import { describe, expect, it } from 'vitest';
import { createTraceLogger, formatTrace, preview } from './trace';

describe('trace redaction and budget', () => {
  it('redacts secrets by key and inside text', () => {
    const text = formatTrace('Streaming client WebSocket connection options', {
      host: 'wss://streaming.mypurecloud.ie',
      authToken: 'abc123',
      credentials: { password: 'authKey:abc123' },
      note: 'sent Bearer abc123 and authKey:abc123',
    });
    expect(text).not.toContain('abc123');
    expect(text).toContain('wss://streaming.mypurecloud.ie');
    expect(text).toContain('[redacted]');
  });

  it('omits SDP bodies', () => {
    expect(preview({ sdp: 'v=0\r\no=- 1 1 IN IP4 127.0.0.1' })).toBe('{"sdp":"[omitted]"}');
  });

  it('stays within budget on huge and cyclic values', () => {
    const cyclic: Record<string, unknown> = { a: 'x'.repeat(1_000_000) };
    cyclic['self'] = cyclic;
    const huge = { list: Array.from({ length: 100_000 }, (_, i) => ({ i })) };
    expect(formatTrace('big', cyclic).length).toBeLessThan(1100);
    expect(formatTrace('big', huge).length).toBeLessThan(1100);
  });

  it('renders errors by name and message', () => {
    expect(formatTrace(new TypeError('boom'))).toBe('TypeError: boom');
  });
});

describe('createTraceLogger', () => {
  it('drops messages below the configured level', () => {
    const out: string[] = [];
    const logger = createTraceLogger('warn', (level, message) => out.push(`${level}:${message}`));
    logger.debug('d');
    logger.info('i');
    logger.log('l');
    logger.warn('w');
    logger.error('e', { token: 't' });
    expect(out).toEqual(['warn:w', 'error:e {"token":"[redacted]"}']);
  });
});
