/** Identifier helpers: UUID-shaped ids like Genesys Cloud's, and short random tokens. */
import { randomBytes, randomUUID } from 'node:crypto';

export function newId(): string {
  return randomUUID();
}

/** An opaque random string safe for URLs and headers (base64url, no padding). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}

/** A short random suffix, e.g. for XMPP resources. */
export function shortId(): string {
  return randomBytes(4).toString('hex');
}
