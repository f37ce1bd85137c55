/**
 * Reads the facts a classifier needs out of an arbitrary thrown value: SDK errors, axios /
 * superagent HTTP errors, DOMExceptions, RTCPeerConnectionIceErrorEvent-like objects, strings.
 */

export interface ErrorFacts {
  name?: string;
  message: string;
  /** SDK `sdkError.type`. */
  type?: string;
  /** A string code carried by the error (AppError / AuthError code, axios code, OAuth error). */
  code?: string;
  /** HTTP status found on the error, its details, its response or its cause. */
  status?: number;
  /** icecandidateerror `errorCode` and the server `url`. */
  errorCode?: number;
  url?: string;
}

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function httpStatus(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 100 && value <= 599
    ? value
    : undefined;
}

/** Status from `x.status`, `x.statusCode`, `x.response.status`, searched through details/cause. */
function findStatus(value: unknown, depth = 0): number | undefined {
  if (!isBag(value) || depth > 3) {
    return undefined;
  }
  const direct = httpStatus(value['status']) ?? httpStatus(value['statusCode']);
  if (direct !== undefined) {
    return direct;
  }
  for (const key of ['response', 'details', 'cause', 'error']) {
    const found = findStatus(value[key], depth + 1);
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}

function readField(error: unknown, key: string): unknown {
  try {
    return isBag(error) ? error[key] : undefined;
  } catch {
    return undefined;
  }
}

/** Copies only the keys whose value is defined (exactOptionalPropertyTypes-friendly). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function primitiveText(value: unknown): string {
  switch (typeof value) {
    case 'number':
    case 'boolean':
    case 'bigint':
    case 'symbol':
      return value.toString();
    case 'string':
      return value;
    case 'function':
      return '[function]';
    case 'object':
    case 'undefined':
      return '';
  }
}

export function errorFacts(error: unknown): ErrorFacts {
  if (typeof error === 'string') {
    return { message: error };
  }
  if (!isBag(error)) {
    return { message: primitiveText(error) };
  }
  const code = readField(error, 'code');
  const errorCode = readField(error, 'errorCode');
  const oauthError = str(readField(error, 'error'));
  const message =
    str(readField(error, 'message')) ??
    str(readField(error, 'errorText')) ??
    str(readField(error, 'error_description')) ??
    oauthError ??
    '';
  return compact<ErrorFacts>({
    message,
    name: str(readField(error, 'name')),
    type: str(readField(error, 'type')),
    code: str(code) ?? oauthError,
    status: findStatus(error),
    errorCode: typeof errorCode === 'number' ? errorCode : undefined,
    url: str(readField(error, 'url')),
  } as ErrorFacts);
}
