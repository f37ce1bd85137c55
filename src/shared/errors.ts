/**
 * AppError: the one error type that crosses context boundaries. It travels as {name, code, message}
 * and is rebuilt on the other side with the original as `cause`.
 */

export interface SerializedError {
  name: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  override readonly name: string = 'AppError';
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  static from(error: unknown, fallbackCode = 'unknown'): AppError {
    if (error instanceof AppError) {
      return error;
    }
    const message = error instanceof Error ? error.message : String(error);
    // Other coded errors (AuthError, ServiceNowError, …) keep their code across the boundary.
    const candidate = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
    const code = typeof candidate === 'string' ? candidate : fallbackCode;
    return new AppError(code, message, { cause: error });
  }
}

/** Raised when a closed or stopped component is used again. */
export class InvalidStateError extends AppError {
  override readonly name = 'InvalidStateError';
  constructor(message: string) {
    super('invalid-state', message);
  }
}

export function serializeError(error: unknown): SerializedError {
  const app = AppError.from(error);
  return { name: app.name, code: app.code, message: app.message };
}

export function deserializeError(error: SerializedError): AppError {
  return new AppError(error.code, error.message, { cause: error });
}
