import { describe, expect, it, vi } from 'vitest';
import { createLogHub, createLogger, isLogLevel, logEntries, type LogLevel } from './logger';

function fakeConsole() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

function setup(minLevel: LogLevel = 'debug', capacity = 10) {
  const out = fakeConsole();
  let t = 1000;
  const hub = createLogHub({ capacity, minLevel, console: out, now: () => (t += 1) });
  return { hub, out, log: hub.createLogger('offscreen') };
}

describe('logger', () => {
  it('writes structured entries to the ring and the console', () => {
    const { hub, out, log } = setup();
    log.info('connected', { attempt: 2 });
    log.warn('slow');
    expect(hub.entries()).toEqual([
      { t: 1001, level: 'info', scope: 'offscreen', msg: 'connected', data: { attempt: 2 } },
      { t: 1002, level: 'warn', scope: 'offscreen', msg: 'slow' },
    ]);
    expect(out.info).toHaveBeenCalledWith('[offscreen] connected', { attempt: 2 });
    expect(out.warn).toHaveBeenCalledWith('[offscreen] slow');
  });

  it.each([
    ['debug', ['debug', 'info', 'warn', 'error']],
    ['info', ['info', 'warn', 'error']],
    ['warn', ['warn', 'error']],
    ['error', ['error']],
  ] as const)('minimum level %s keeps %j', (min, kept) => {
    const { hub, out, log } = setup();
    hub.setMinLevel(min);
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    expect(hub.entries().map((e) => e.level)).toEqual(kept);
    expect(out.debug).toHaveBeenCalledTimes(kept.includes('debug' as never) ? 1 : 0);
    expect(hub.getMinLevel()).toBe(min);
  });

  it('keeps only the newest entries', () => {
    const { hub, log } = setup('debug', 3);
    for (let i = 0; i < 5; i += 1) {
      log.info(`m${String(i)}`);
    }
    expect(hub.entries().map((e) => e.msg)).toEqual(['m2', 'm3', 'm4']);
  });

  it('child loggers extend the scope', () => {
    const { hub, log } = setup();
    log.child('heartbeat').info('tick');
    expect(hub.entries()[0]?.scope).toBe('offscreen:heartbeat');
  });

  it('never lets a registered secret reach the buffer or the console', () => {
    const { hub, out, log } = setup();
    const token = 'opaque-access-token-0123456789';
    const forget = hub.registerSecret(token);
    log.error(`request failed for https://api/x?t=${token}`, {
      headers: { 'X-Custom': `Bearer ${token}` },
      note: `embedded${token}here`,
      nested: [{ deep: token }],
    });
    const printed = JSON.stringify(out.error.mock.calls);
    const stored = JSON.stringify(hub.entries());
    expect(stored).not.toContain(token);
    expect(printed).not.toContain(token);
    expect(stored).toContain('[redacted]');
    forget();
    log.info(`after ${token}`);
    expect(hub.entries().at(-1)?.msg).toBe(`after ${token}`);
  });

  it('a secret registered twice stays hidden until both registrations are removed', () => {
    const { hub, log } = setup();
    const secret = 'secret-value-abcdef';
    const a = hub.registerSecret(secret);
    const b = hub.registerSecret(secret);
    a();
    a();
    log.info(secret);
    expect(hub.entries().at(-1)?.msg).toBe('[redacted]');
    b();
    log.info(secret);
    expect(hub.entries().at(-1)?.msg).toBe(secret);
  });

  it('redacts data by key and pattern', () => {
    const { hub, log } = setup();
    log.info('token refreshed', { access_token: 'x', caller: 'jane@example.com' });
    expect(hub.entries()[0]?.data).toEqual({ access_token: '[redacted]', caller: '[email]' });
  });

  it('survives a throwing console and throwing listeners', () => {
    const out = fakeConsole();
    out.error.mockImplementation(() => {
      throw new Error('console gone');
    });
    const hub = createLogHub({ console: out });
    const seen: string[] = [];
    hub.subscribe(() => {
      throw new Error('bad listener');
    });
    const off = hub.subscribe((e) => seen.push(e.msg));
    const log = hub.createLogger('worker');
    expect(() => log.error('boom', new Error('x'))).not.toThrow();
    off();
    log.error('second');
    expect(seen).toEqual(['boom']);
    expect(hub.entries()).toHaveLength(2);
  });

  it('the default hub backs createLogger and logEntries', () => {
    createLogger('test-default').error('visible');
    expect(logEntries().some((e) => e.scope === 'test-default' && e.msg === 'visible')).toBe(true);
  });

  it('isLogLevel', () => {
    expect(['debug', 'warn', 'trace', 1].map(isLogLevel)).toEqual([true, true, false, false]);
  });
});
