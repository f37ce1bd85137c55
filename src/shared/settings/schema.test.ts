import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings } from './schema';

describe('loadSettings', () => {
  it('gives defaults when nothing is stored', () => {
    expect(loadSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('migrates a version-0 object', () => {
    const { settings, problem } = loadSettings({ servicenow: { popTarget: 'all' } });
    expect(problem).toBeUndefined();
    expect(settings.servicenow.popTarget).toBe('all');
  });

  it('replaces only the invalid section and keeps the others', () => {
    const { settings, problem } = loadSettings({
      version: 1,
      servicenow: { popTarget: 'everyone' },
      calls: { autoAnswer: true },
    });
    expect(problem).toMatch(/servicenow\.popTarget/);
    expect(settings.servicenow).toEqual(DEFAULT_SETTINGS.servicenow);
    expect(settings.calls.autoAnswer).toBe(true);
  });

  it('rejects an invalid custom network profile with the field named', () => {
    const { settings, problem } = loadSettings({
      version: 1,
      network: { kind: 'custom', heartbeatIntervalMs: 10_000, heartbeatTimeoutMs: 5_000 },
    });
    expect(problem).toMatch(/network\.heartbeatTimeoutMs/);
    expect(settings.network).toEqual({ kind: 'standard' });
  });

  it.each([
    ['a string', 'hello'],
    ['an array', []],
    ['a bad field', { version: 1, servicenow: { popTarget: 'everyone' } }],
    ['a bad instance', { version: 1, servicenow: { instances: ['http://evil.example'] } }],
    ['a future version', { version: 99 }],
  ])('reports %s and falls back to defaults', (_label, stored) => {
    const { settings, problem } = loadSettings(stored);
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(problem).toEqual(expect.any(String));
  });
});
