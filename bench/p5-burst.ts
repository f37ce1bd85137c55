/**
 * P5 — burst: 1,000 conversation events relayed to 10 ServiceNow tabs. A call is answered, then
 * the customer's participant attributes are updated 1,000 times, 100 a second, through the
 * emulator's Platform API (each update is a real `v2.users.{id}.conversations` event on the streaming socket). The
 * softphone turns them into snapshots; the worker relays each one to every ServiceNow tab. A
 * listener in each tab's content-script world records every snapshot it receives (seq, publish
 * time, arrival) — the same messages the content script sees. Reported: events lost (their state
 * never reached the tab: snapshots are whole states, so a skipped snapshot whose state a newer one
 * carries loses nothing; skipped snapshots are counted in the notes), snapshots out of order, and
 * latency p99 from the event to the tab showing it (or a later state); targets 0, 0, ≤ 50 ms.
 */
import { contentWorld, type ContentWorld } from './support/content-world';
import { preciseNow } from './support/floor';
import { figure, type Bench, type Figure } from './support/result';
import { callOf, endCall, openWorkspace, startBenchStack, type Stack } from './support/stack';
import { median, quantile } from './support/stats';
import { sleep } from './support/trials';

const TABS = 10;
/** Offered rate of the burst: 1,000 updates in 10 s. */
const RATE_PER_S = 100;

/** [seq, updatedAt (publish, offscreen clock), arrival, burst counter or -1] */
type Arrival = [number, number, number, number];

const LISTEN = String.raw`(() => {
  globalThis.benchArrivals = [];
  chrome.runtime.onMessage.addListener((m) => {
    if (!m || m.to !== 'content') return undefined;
    const s = m.type === 'content.snapshot' ? m.data && m.data.snapshot : m.type === 'session.changed' ? m.data : null;
    if (!s) return undefined;
    const call = (s.calls || [])[0];
    const burst = call && call.attributes && call.attributes.burst !== undefined ? Number(call.attributes.burst) : -1;
    globalThis.benchArrivals.push([s.seq, s.updatedAt, performance.timeOrigin + performance.now(), burst]);
    return undefined;
  });
  return true;
})()`;

async function answeredCall(stack: Stack): Promise<{ cid: string; customer: string }> {
  const { conversationId: cid } = await stack.genesys.control.placeCall({
    to: 'agent1',
    from: '+14155550123',
    fromName: 'Ada Lovelace',
    queue: 'Support',
    alertTimeoutMs: 30_000,
  });
  await stack.genesys.control.waitFor(
    'alerting',
    async () => (await callOf(stack, cid))?.['state'] === 'alerting',
    10_000,
    50,
  );
  await stack.toWorker('call.command', { type: 'answer', conversationId: cid });
  await stack.genesys.control.waitFor(
    'connected',
    async () => (await callOf(stack, cid))?.['state'] === 'connected',
    15_000,
    50,
  );
  const detail = await stack.genesys.control.call(cid);
  const participants = (detail.conversation['participants'] ?? []) as {
    id: string;
    purpose: string;
  }[];
  const customer = participants.find((p) => p.purpose === 'customer')?.id;
  if (!customer) {
    throw new Error('no customer participant');
  }
  return { cid, customer };
}

/** Sends `count` attribute updates at RATE_PER_S, one after another; returns each send time. */
async function burst(
  stack: Stack,
  cid: string,
  customer: string,
  count: number,
): Promise<number[]> {
  const url = `${stack.genesys.url}/api/v2/conversations/calls/${cid}/participants/${customer}/attributes`;
  const sent: number[] = [];
  const start = preciseNow();
  for (let i = 1; i <= count; i++) {
    // A fixed offered rate, so runs compare; a late request is followed at once by the next.
    const wait = start + ((i - 1) * 1000) / RATE_PER_S - preciseNow();
    if (wait > 1) {
      await sleep(wait);
    }
    sent.push(preciseNow());
    const res = await fetch(url, {
      method: 'PATCH',
      headers: { authorization: 'Bearer acme-agent1-token', 'content-type': 'application/json' },
      body: JSON.stringify({ attributes: { burst: String(i) } }),
    });
    if (!res.ok) {
      throw new Error(`attribute update ${i} answered ${res.status}`);
    }
  }
  return sent;
}

interface TabStats {
  received: number;
  /** Events whose state never reached the tab (the newest state seen is older). */
  lost: number;
  /** Snapshots published during the burst that this tab never received. */
  skipped: number;
  outOfOrder: number;
  distinctEvents: number;
  relay: number[];
  endToEnd: number[];
}

function analyse(arrivals: Arrival[], sent: number[], firstSeq: number, lastSeq: number): TabStats {
  const inBurst = arrivals.filter(([seq]) => seq >= firstSeq && seq <= lastSeq);
  let maxSeq = -Infinity;
  let outOfOrder = 0;
  for (const [seq] of inBurst) {
    if (seq < maxSeq) {
      outOfOrder += 1;
    }
    maxSeq = Math.max(maxSeq, seq);
  }
  const seqs = new Set(inBurst.map(([seq]) => seq));
  const endToEnd: number[] = [];
  let next = 1;
  for (const [, , at, counter] of inBurst) {
    for (; next <= counter && next <= sent.length; next++) {
      endToEnd.push(at - (sent[next - 1] ?? at));
    }
  }
  return {
    received: inBurst.length,
    lost: sent.length - Math.max(0, ...inBurst.map(([, , , c]) => c)),
    skipped: lastSeq - firstSeq + 1 - seqs.size,
    outOfOrder,
    distinctEvents: new Set(inBurst.map(([, , , c]) => c)).size,
    relay: inBurst.map(([, updatedAt, at]) => at - updatedAt),
    // Events never seen at the tab count as lost below, not as latency.
    endToEnd,
  };
}

export const p5: Bench = {
  id: 'P5',
  title: 'burst: 1,000 events to 10 tabs',
  async run(ctx): Promise<Figure[]> {
    const count = ctx.quick ? 300 : 1000;
    const stack = await startBenchStack({ extensionDir: ctx.extensionDir, lookupLatencyMs: 0 });
    const worlds: ContentWorld[] = [];
    try {
      for (let i = 0; i < TABS; i++) {
        const tab = await openWorkspace(stack);
        const world = await contentWorld(tab, stack.ext.extensionId);
        await world.evaluate(LISTEN);
        worlds.push(world);
      }
      const { cid, customer } = await answeredCall(stack);
      await sleep(1_000);
      const started = Date.now();
      const sent = await burst(stack, cid, customer, count);
      const sendMs = Date.now() - started;
      // Wait until every tab has seen the last event (or give up after 60 s).
      const deadline = Date.now() + 60_000;
      let all: Arrival[][] = [];
      while (Date.now() < deadline) {
        all = await Promise.all(
          worlds.map((w) => w.evaluate<Arrival[]>('globalThis.benchArrivals')),
        );
        if (all.every((a) => a.some(([, , , c]) => c === count))) {
          break;
        }
        await sleep(250);
      }
      const drainMs = Date.now() - started;
      await endCall(stack, cid).catch(() => undefined);
      const inBurst = all.flat().filter(([, , , c]) => c >= 1);
      const firstSeq = Math.min(...inBurst.map(([seq]) => seq));
      const lastSeq = Math.max(...inBurst.map(([seq]) => seq));
      const stats = all.map((a) => analyse(a, sent, firstSeq, lastSeq));
      const relay = stats.flatMap((s) => s.relay);
      const endToEnd = stats.flatMap((s) => s.endToEnd);
      const notes = [
        `${count} events sent in ${sendMs} ms; all tabs done after ${drainMs} ms; ` +
          `${lastSeq - firstSeq + 1} snapshots published, ${median(stats.map((s) => s.received))} received per tab (median)`,
        `distinct event states seen per tab (median): ${median(stats.map((s) => s.distinctEvents))} of ${count}`,
        `relay only (offscreen publish → tab): median ${median(relay).toFixed(1)} ms, p99 ${quantile(relay, 0.99).toFixed(1)} ms`,
        `superseded snapshots not delivered (sum over tabs): ${stats.reduce((a, s) => a + s.skipped, 0)}`,
      ];
      return [
        figure({
          id: 'P5.lost',
          bench: 'P5',
          title: `burst: events lost per tab (${TABS} tabs)`,
          unit: 'count',
          samples: stats.map((s) => s.lost),
          target: { stat: 'max', max: 0, text: '0' },
          notes,
        }),
        figure({
          id: 'P5.order',
          bench: 'P5',
          title: 'burst: snapshots out of order per tab',
          unit: 'count',
          samples: stats.map((s) => s.outOfOrder),
          target: { stat: 'max', max: 0, text: '0' },
        }),
        figure({
          id: 'P5.latency',
          bench: 'P5',
          title: 'burst: event → tab latency',
          unit: 'ms',
          samples: endToEnd,
          target: { stat: 'p99', max: 50, text: 'p99 ≤ 50 ms' },
        }),
      ];
    } finally {
      await Promise.all(worlds.map((w) => w.detach().catch(() => undefined)));
      await stack.close();
    }
  },
};
