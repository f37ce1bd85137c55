import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings/schema';
import { exportSettings, importSettings, withoutSecrets } from './io';

describe('settings import and export', () => {
  it('exports the settings as JSON that imports back unchanged', () => {
    const text = exportSettings(DEFAULT_SETTINGS);
    expect(importSettings(text)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it('never exports anything that looks like a secret, at any depth', () => {
    const withSecrets = {
      ...DEFAULT_SETTINGS,
      accessToken: 'at-123',
      genesys: { ...DEFAULT_SETTINGS.genesys, refresh_token: 'rt-456', clientSecret: 's' },
      audio: { ...DEFAULT_SETTINGS.audio, password: 'pw', apiKey: 'k' },
    };
    const text = exportSettings(withSecrets);
    expect(text).not.toMatch(/at-123|rt-456|"pw"|clientSecret|apiKey|Token/);
    expect(JSON.parse(text)).toEqual(DEFAULT_SETTINGS);
  });

  it('drops secrets on the way in as well', () => {
    const result = importSettings(JSON.stringify({ ...DEFAULT_SETTINGS, sessionToken: 'x' }));
    expect(result).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(withoutSecrets([{ cookie: 1, keep: 2 }])).toEqual([{ keep: 2 }]);
  });

  it('refuses a file that is not JSON or not valid settings, with the reason', () => {
    expect(importSettings('{nope')).toMatchObject({ ok: false, issues: [{ path: '' }] });
    const result = importSettings(
      JSON.stringify({ ...DEFAULT_SETTINGS, servicenow: { popTarget: 'nobody' } }),
    );
    expect(result).toMatchObject({ ok: false, issues: [{ path: 'servicenow.popTarget' }] });
  });
});
