/**
 * The content script's logger, loaded with its first message: a page load that logs nothing
 * never loads the logger and its redaction. Messages written before it loads are passed on in
 * order once it has; if it cannot load, they are dropped and the next message tries again.
 */
import type { Logger, LogLevel } from '../shared/logger';

interface LoggerModule {
  createLogger: (scope: string) => Logger;
}

export function lazyLogger(
  scope: string,
  load: () => Promise<LoggerModule> = () => import('../shared/logger'),
): Logger {
  let real: Logger | null = null;
  let loading: Promise<Logger> | null = null;
  const at =
    (level: LogLevel) =>
    (msg: string, data?: unknown): void => {
      if (real) {
        real[level](msg, data);
        return;
      }
      loading ??= load().then(
        ({ createLogger }) => (real = createLogger(scope)),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      loading.then(
        (logger) => logger[level](msg, data),
        () => undefined,
      );
    };
  return {
    scope,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (name) => lazyLogger(`${scope}:${name}`, load),
  };
}
