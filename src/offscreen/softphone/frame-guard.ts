/**
 * Guards the streaming connection against a notification whose JSON payload does not parse. In
 * stanza 12.20.0 such a payload throws inside the stream parser (jxt `childJSON` importer), which
 * leaves the parser stuck: every later stanza — notifications, ping answers, call offers — is
 * swallowed until the socket closes. Each incoming WebSocket frame (one stanza, RFC 7395) is
 * checked before the parser sees it and a frame with an unreadable payload is dropped and reported.
 */
import type { StanzaTransport } from './sdk-internals';

const JSON_PAYLOAD = /<json\b[^>]*\burn:xmpp:json:0\b[^>]*>([\s\S]*?)<\/json>/g;
const CDATA = /^<!\[CDATA\[([\s\S]*)\]\]>$/;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeText(text: string): string {
  const cdata = CDATA.exec(text.trim());
  if (cdata) {
    return cdata[1] ?? '';
  }
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) {
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    }
    if (name.startsWith('#')) {
      return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    }
    return NAMED[name] ?? whole;
  });
}

/** True when the frame carries a JSON payload (urn:xmpp:json:0) that is not valid JSON. */
export function hasMalformedJson(frame: string): boolean {
  for (const match of frame.matchAll(JSON_PAYLOAD)) {
    const text = decodeText(match[1] ?? '');
    if (text.trim() === '') {
      continue;
    }
    try {
      JSON.parse(text);
    } catch {
      return true;
    }
  }
  return false;
}

type MessageHandler = (message: { data: unknown }) => void;
const guarded = new WeakSet<object>();

/** Wraps the transport's socket once: frames with an unreadable payload never reach the parser. */
export function guardIncomingFrames(
  transport: StanzaTransport | undefined,
  onDropped: () => void,
): void {
  const socket = transport?.socket;
  const original = socket?.onmessage;
  if (socket === undefined || typeof original !== 'function' || guarded.has(socket)) {
    return;
  }
  guarded.add(socket);
  const forward: MessageHandler = original.bind(socket);
  socket.onmessage = (message) => {
    if (typeof message.data === 'string' && hasMalformedJson(message.data)) {
      onDropped();
      return;
    }
    forward(message);
  };
}
