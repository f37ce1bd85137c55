/**
 * Two small ways of doing less: `batchPerTask` runs `flush` once after the current task however
 * often it was requested in it (a burst of changes becomes one published snapshot), and
 * `singleFlight` shares one run of an async job between everyone who asks while it runs.
 */

export interface Batch {
  request(): void;
  close(): void;
}

export function batchPerTask(flush: () => void, onError: (error: unknown) => void): Batch {
  let pending = false;
  let closed = false;
  return {
    request() {
      if (pending || closed) {
        return;
      }
      pending = true;
      queueMicrotask(() => {
        pending = false;
        if (closed) {
          return;
        }
        try {
          flush();
        } catch (error) {
          onError(error);
        }
      });
    },
    close() {
      closed = true;
    },
  };
}

export function singleFlight(job: () => Promise<unknown>, onError: (error: unknown) => void) {
  let running: Promise<void> | undefined;
  return (): Promise<void> => {
    running ??= job()
      .then(
        () => undefined,
        (error: unknown) => {
          onError(error);
        },
      )
      .finally(() => {
        running = undefined;
      });
    return running;
  };
}
