/**
 * Trial runner: runs a measurement `n` times, each under its own timeout, and keeps going when a
 * trial fails or times out (the failure is recorded, the run goes on). Also the shared timeouts.
 */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TimeoutError extends Error {}

/** Rejects with a TimeoutError after `ms` unless `promise` settles first. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface TrialOutcome<T> {
  samples: T[];
  failures: string[];
}

export interface TrialOptions {
  name: string;
  n: number;
  timeoutMs: number;
  /** Pause between trials (lets the system settle). */
  gapMs?: number;
  /** Stop after this many failures in a row (default 2): the path is not working. */
  maxConsecutiveFailures?: number;
  log?: (line: string) => void;
}

export async function runTrials<T>(
  options: TrialOptions,
  trial: (index: number) => Promise<T>,
): Promise<TrialOutcome<T>> {
  const samples: T[] = [];
  const failures: string[] = [];
  let inARow = 0;
  for (let i = 0; i < options.n; i++) {
    try {
      samples.push(await withTimeout(trial(i), options.timeoutMs, `${options.name} #${i + 1}`));
      inARow = 0;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push(message);
      options.log?.(`${options.name} #${i + 1} failed: ${message}`);
      inARow += 1;
      if (inARow >= (options.maxConsecutiveFailures ?? 2)) {
        break;
      }
    }
    if (options.gapMs && i < options.n - 1) {
      await sleep(options.gapMs);
    }
  }
  return { samples, failures };
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
