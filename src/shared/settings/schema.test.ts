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
