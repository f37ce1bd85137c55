/**
 * Time bounds for SDK calls that can hang (endSession waits for an event with no timeout,
 * destroy() has hung with persistent connections, initialize() retries 429/5xx forever).
 */
import { SoftphoneError } from './softphone-error';

/** Settles like `promise`, or rejects with SoftphoneError('timeout') after `ms`. */
export function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new SoftphoneError('timeout', `${what} did not finish within ${ms} ms`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Waits for `promise` at most `ms`; never rejects. True when it settled in time. */
export function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    promise.then(done, done);
  });
}
