import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { errorText } from './error-keys';

const catalogue: Record<string, string> = {
  err_auth_state_mismatch: 'Die Anmeldung wurde abgebrochen.',
  err_auth_state_mismatch__remedy: 'Bitte erneut anmelden.',
};
const translate = (key: string) => catalogue[key] ?? '';

describe('errorText', () => {
  it('uses the locale text and remedy of a coded error from a worker reply', () => {
    const error = new AppError('auth.state-mismatch', 'The sign-in answer does not match.');
    expect(errorText(error, translate)).toBe(
      'Die Anmeldung wurde abgebrochen. Bitte erneut anmelden.',
    );
  });

  it('uses the locale text of a {code, message} result', () => {
    expect(errorText({ code: 'auth.state-mismatch', message: 'x' }, translate)).toContain(
      'Die Anmeldung',
    );
  });

  it('falls back to the message when the locale has no text for the code', () => {
    expect(errorText(new AppError('auth.unknown-thing', 'Plain words.'), translate)).toBe(
      'Plain words.',
    );
    expect(errorText(new Error('no code'), translate)).toBe('no code');
    expect(errorText('text', translate)).toBe('text');
  });
});
