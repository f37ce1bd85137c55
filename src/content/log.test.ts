/** The lazy logger loads the real one at the first message and keeps the order of messages. */
import { describe, expect, it, vi } from 'vitest';
import { createLogHub, type LogEntry, type Logger } from '../shared/logger';
import { lazyLogger } from './log';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('lazy content logger', () => {
  it('loads nothing until the first message, then passes every message on in order', async () => {
    const hub = createLogHub({ console: null });
    const entries: LogEntry[] = [];
    hub.subscribe((entry) => entries.push(entry));
    const createLogger = (scope: string) => hub.createLogger(scope);
    const load = vi.fn(() => Promise.resolve({ createLogger }));
    const log = lazyLogger('content', load);
    expect(load).not.toHaveBeenCalled();
    log.info('first', { n: 1 });
    log.warn('second');
    log.child('dial').error('third');
    await flush();
    log.info('fourth');
    await flush();
    expect(entries.map((e) => [e.scope, e.level, e.msg])).toEqual([
      ['content', 'info', 'first'],
      ['content', 'warn', 'second'],
      ['content:dial', 'error', 'third'],
      ['content', 'info', 'fourth'],
    ]);
    expect(load).toHaveBeenCalledTimes(2); // the logger and the child's own first message
  });

  it('tries again with the next message when loading failed', async () => {
    const hub = createLogHub({ console: null });
    const entries: LogEntry[] = [];
    hub.subscribe((entry) => entries.push(entry));
    const load = vi
      .fn<() => Promise<{ createLogger: (scope: string) => Logger }>>()
      .mockRejectedValueOnce(new Error('chunk unavailable'))
      .mockResolvedValue({ createLogger: (scope: string) => hub.createLogger(scope) });
    const log = lazyLogger('content', load);
    log.warn('lost');
    await flush();
    log.warn('kept');
    await flush();
    expect(entries.map((e) => e.msg)).toEqual(['kept']);
  });
});
