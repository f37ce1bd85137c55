/** Small helpers for answering with node `http`: JSON, HTML, ServiceNow error bodies, body reading. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type Headers = Record<string, string | number | readonly string[]>;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Headers = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache,no-store,must-revalidate,max-age=-1',
    ...headers,
  });
  res.end(text);
}

/** ServiceNow's error shape: `{error: {message, detail}, status: 'failure'}`. */
export function sendSnError(
  res: ServerResponse,
  status: number,
  message: string,
  detail: string | null,
  headers: Headers = {},
): void {
  sendJson(res, status, { error: { message, detail }, status: 'failure' }, headers);
}

export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Headers = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

export class BodyError extends Error {}

/** Reads and parses a JSON body (empty body → `{}`); throws BodyError on bad JSON or > limit. */
export async function readJson(req: IncomingMessage, limit = 1_000_000): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) {
      throw new BodyError('Request body too large');
    }
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') {
    return {};
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BodyError('Request body is not valid JSON');
  }
}

/** Query parameters as a plain object (last value wins). */
export function queryObject(url: URL): Record<string, string> {
  return Object.fromEntries(url.searchParams.entries());
}
