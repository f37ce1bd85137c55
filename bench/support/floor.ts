/**
 * The floor for "alert → screen pop painted": the same kind of event pushed over a plain WebSocket
 * (the `ws` package) to a plain page that puts a card into a shadow root and reports the next
 * animation frame. Nothing in between: no SDK, no extension messaging, no framework.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

const PAGE = String.raw`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Floor</title></head><body>
<h1>Floor page</h1>
<script>
const now = () => performance.timeOrigin + performance.now();
const host = document.createElement('div');
const root = host.attachShadow({ mode: 'open' });
document.body.append(host);
const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + '/ws');
window.floorReady = new Promise((resolve) => { ws.onopen = () => resolve(true); });
ws.onmessage = (message) => {
  const event = JSON.parse(message.data).eventBody;
  const card = document.createElement('section');
  card.className = 'card';
  card.dataset.call = event.id;
  const name = document.createElement('h2');
  name.textContent = event.name;
  const number = document.createElement('div');
  number.textContent = event.number;
  const queue = document.createElement('div');
  queue.textContent = event.queue;
  card.append(name, number, queue);
  root.replaceChildren(card);
  const inserted = now();
  requestAnimationFrame(() => window.benchPainted(event.id, inserted, now()));
};
</script></body></html>`;

export interface FloorServer {
  url: string;
  /** Pushes one alert to every connected page; returns the send time (epoch ms, sub-ms). */
  push(event: { id: string; name: string; number: string; queue: string }): number;
  close(): Promise<void>;
}

export const preciseNow = () => performance.timeOrigin + performance.now();

export async function startFloor(): Promise<FloorServer> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE);
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    push(event) {
      const text = JSON.stringify({ topicName: 'v2.users.x.conversations', eventBody: event });
      const t = preciseNow();
      for (const ws of sockets) {
        ws.send(text);
      }
      return t;
    },
    close: () =>
      new Promise((resolve) => {
        for (const ws of sockets) {
          ws.terminate();
        }
        wss.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
