import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { SoftphoneError, toSoftphoneError } from './softphone-error';

const axiosError = (status: number) =>
  Object.assign(new Error(`Request failed with status code ${status}`), {
    name: 'AxiosError',
    response: { status },
  });

describe('toSoftphoneError', () => {
  it.each([
    [
      'an SDK initialization error wrapping a 401',
      { type: 'initialization', message: 'x', details: axiosError(401) },
      'auth',
      401,
    ],
    ['a 403 on the channel', axiosError(403), 'auth', 403],
    ['a 429', axiosError(429), 'rate-limited', 429],
    ['a 503', axiosError(503), 'server', 503],
    [
      'a streaming attempt timeout',
      new Error('Timeout: connecting to streaming service'),
      'timeout',
      undefined,
    ],
    [
      'an offline attempt',
      new Error('Browser is offline, skipping connection attempt'),
      'network',
      undefined,
    ],
    [
      'a refused microphone',
      Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }),
      'mic',
      undefined,
    ],
    [
      'a SASL failure',
      Object.assign(new Error(''), { name: 'SaslError', condition: 'not-authorized' }),
      'auth',
      undefined,
    ],
    ['a thrown string', 'something odd', 'unknown', undefined],
  ])('classifies %s', (_name, error, reason, status) => {
    const e = toSoftphoneError(error);
    expect(e).toBeInstanceOf(SoftphoneError);
    expect(e).toBeInstanceOf(AppError);
    expect(e.reason).toBe(reason);
    expect(e.status).toBe(status);
    expect(e.cause).toBe(error);
    expect(e.message).not.toBe('');
  });

  it('keeps a SoftphoneError as it is', () => {
    const original = new SoftphoneError('not-pending', 'gone');
    expect(toSoftphoneError(original)).toBe(original);
    expect(original.code).toBe('signalling.call-not-pending');
  });
});
