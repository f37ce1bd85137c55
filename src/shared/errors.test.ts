import { describe, expect, it } from 'vitest';
import { AppError, deserializeError, serializeError } from './errors';

class CodedError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

describe('error serialisation', () => {
  it('keeps the code of any coded error', () => {
    expect(serializeError(new CodedError('auth.denied', 'No'))).toEqual({
      name: 'AppError',
      code: 'auth.denied',
      message: 'No',
    });
  });

  it('codes plain errors and non-errors as unknown', () => {
    expect(serializeError(new Error('x')).code).toBe('unknown');
    expect(serializeError('text')).toEqual({ name: 'AppError', code: 'unknown', message: 'text' });
  });

  it('rebuilds an AppError', () => {
    const error = deserializeError({ name: 'AppError', code: 'c', message: 'm' });
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('c');
  });
});
