import { describe, expect, it } from 'vitest';
import { agentErrorText } from './agent-text';
import { ERROR_CODES, messageKey, remedyKey } from './error-catalogue';
import { errorKeys, localisedError } from './error-keys';

const german: Record<string, string> = {
  err_signalling_timeout: 'Genesys Cloud hat nicht rechtzeitig geantwortet.',
};
const translate = (key: string) => german[key] ?? key;

describe('agentErrorText', () => {
  it('translates a taxonomy code and keeps the original text as detail', () => {
    const text = agentErrorText(
      { code: 'signalling.timeout', message: 'ping timed out after 15000 ms' },
      translate,
    );
    expect(text.message).toBe('Genesys Cloud hat nicht rechtzeitig geantwortet.');
    expect(text.layer).toBe('signalling');
    expect(text.detail).toBe('ping timed out after 15000 ms');
  });

  it('falls back to the English catalogue for a missing translation', () => {
    const text = agentErrorText({ code: 'turn.permission-refused', message: '' }, translate);
    expect(text.message).toMatch(/relay/i);
    expect(text.remedy).not.toBe('err_turn_permission_refused__remedy');
    expect(text.remedy).toMatch(/IT|administrator|network/i);
    expect(text.detail).toBeNull();
  });

  it('shows the error itself for a code outside the taxonomy', () => {
    expect(agentErrorText({ code: 'x.y', message: 'Something odd' }, translate)).toEqual({
      code: 'x.y',
      layer: null,
      message: 'Something odd',
      remedy: null,
      detail: null,
    });
  });
});

describe('localisedError (no catalogue bundled)', () => {
  it('uses the same keys as the catalogue for every code', () => {
    for (const code of ERROR_CODES) {
      expect(errorKeys(code)).toEqual({ message: messageKey(code), remedy: remedyKey(code) });
    }
  });

  it('reads message and remedy from the locale, else the error itself', () => {
    const locale: Record<string, string> = {
      err_signalling_timeout: 'Too slow.',
      err_signalling_timeout__remedy: 'Switch profile.',
    };
    const t = (key: string) => locale[key] ?? key;
    expect(localisedError({ code: 'signalling.timeout', message: 'x' }, t)).toBe(
      'Too slow. Switch profile.',
    );
    expect(localisedError({ code: 'weird', message: 'Original' }, t)).toBe('Original');
  });
});
