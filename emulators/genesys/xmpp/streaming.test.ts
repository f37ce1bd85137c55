// The streaming socket spoken at the wire level with a bare WebSocket client: the protocol traps
// the SDK depends on, subscriptions surviving a soft reconnect, and socket faults.
import { parse, type XMLElement } from 'stanza/jxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startGenesysEmulator, type GenesysEmulator } from '../server';
import { SEED } from '../state';
import { NS } from './ns';

let emu: GenesysEmulator;
beforeAll(async () => {
  emu = await startGenesysEmulator({ media: 'none' });
});
afterAll(async () => {
  await emu.close();
});

class RawClient {
  readonly inbox: XMLElement[] = [];
  #waiters: (() => void)[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer) => {
      this.inbox.push(parse(d.toString('utf8')));
      for (const w of this.#waiters.splice(0)) {
        w();
      }
    });
  }
  static async open(channelId: string): Promise<RawClient> {
    const ws = new WebSocket(`${emu.wsUrl}/stream/channels/${channelId}`, 'xmpp');
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    return new RawClient(ws);
  }
  send(xml: string): void {
    this.ws.send(xml);
  }
  async next(pred: (e: XMLElement) => boolean, timeoutMs = 3000): Promise<XMLElement> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.inbox.findIndex(pred);
      if (i >= 0) {
        return this.inbox.splice(i, 1)[0]!;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `no matching stanza in ${timeoutMs} ms; inbox: ${this.inbox.map((e) => e.toString()).join('\n')}`,
        );
      }
      await new Promise<void>((r) => {
        this.#waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }
  async login(jid: string, token: string): Promise<string> {
    const open = `<open xmlns="${NS.framing}" to="${jid.split('@')[1]}" version="1.0"/>`;
    this.send(open);
    await this.next((e) => e.name === 'stream:features');
    this.send(
      `<auth xmlns="${NS.sasl}" mechanism="PLAIN">${Buffer.from(`\0${jid}\0authKey:${token}`).toString('base64')}</auth>`,
    );
    const r = await this.next((e) => e.name === 'success' || e.name === 'failure');
    if (r.name === 'failure') {
      throw new Error('sasl failure');
    }
    this.send(open);
    await this.next((e) => e.name === 'stream:features' && !!e.getChild('bind', NS.bind));
    this.send(`<iq xmlns="jabber:client" type="set" id="b1"><bind xmlns="${NS.bind}"/></iq>`);
    const bound = await this.next((e) => e.getAttribute('id') === 'b1');
    expect(bound.getAttribute('from')).toBeUndefined();
    return bound.getChild('bind', NS.bind)?.getChild('jid')?.getText() ?? '';
  }
}

async function channelFor(token: string): Promise<string> {
  const res = await fetch(`${emu.url}/api/v2/notifications/channels?connectionType=streaming`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { id: string }).id;
}

async function jidOf(token: string): Promise<string> {
  const res = await fetch(`${emu.url}/api/v2/users/me`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await res.json()) as { chat: { jabberId: string } }).chat.jabberId;
}

describe('streaming protocol', () => {
  it('binds without from, answers extdisco with STUN and pubsub subscribe with <pubsub>', async () => {
    const jid = await jidOf(SEED.agent1.token);
    const c = await RawClient.open(await channelFor(SEED.agent1.token));
    const full = await c.login(jid, SEED.agent1.token);
    expect(full.startsWith(`${jid}/`)).toBe(true);
    c.send(
      `<iq xmlns="jabber:client" type="get" id="d1" to="acme.orgspan.com"><services xmlns="${NS.extdisco}" type="stun"/></iq>`,
    );
    const disco = await c.next((e) => e.getAttribute('id') === 'd1');
    expect(disco.getAttribute('from')).toBe('acme.orgspan.com');
    expect(disco.getChild('services', NS.extdisco)?.getChildren('service').length).toBeGreaterThan(
      0,
    );
    const node = `v2.users.${SEED.agent1.userId}.conversations`;
    c.send(
      `<iq xmlns="jabber:client" type="set" id="s1" to="notifications.x"><pubsub xmlns="${NS.pubsub}"><subscribe node="${node}" jid="${jid}"/></pubsub></iq>`,
    );
    const sub = await c.next((e) => e.getAttribute('id') === 's1');
    expect(sub.getChild('pubsub', NS.pubsub)?.getChild('subscription')?.getAttribute('node')).toBe(
      node,
    );
    c.send('<iq xmlns="jabber:client" type="get" id="p1"><ping xmlns="urn:xmpp:ping"/></iq>');
    expect((await c.next((e) => e.getAttribute('id') === 'p1')).getAttribute('type')).toBe(
      'result',
    );
    c.ws.close();
  });

  it('fails SASL for a wrong token and for an injected failure', async () => {
    const jid = await jidOf(SEED.agent1.token);
    const channel = await channelFor(SEED.agent1.token);
    const a = await RawClient.open(channel);
    await expect(a.login(jid, 'wrong')).rejects.toThrow('sasl failure');
    await emu.control.failSasl({ count: 1 });
    const b = await RawClient.open(channel);
    await expect(b.login(jid, SEED.agent1.token)).rejects.toThrow('sasl failure');
    const c = await RawClient.open(channel);
    await expect(c.login(jid, SEED.agent1.token)).resolves.toContain('/');
    for (const x of [a, b, c]) {
      x.ws.close();
    }
  });

  it('keeps subscriptions on the channel across a new socket and routes events to it', async () => {
    const jid = await jidOf(SEED.agent2.token);
    const channel = await channelFor(SEED.agent2.token);
    const first = await RawClient.open(channel);
    await first.login(jid, SEED.agent2.token);
    const node = `v2.users.${SEED.agent2.userId}.conversations`;
    first.send(
      `<iq xmlns="jabber:client" type="set" id="s1" to="n"><pubsub xmlns="${NS.pubsub}"><subscribe node="${node}"/></pubsub></iq>`,
    );
    await first.next((e) => e.getAttribute('id') === 's1');
    await emu.control.dropSockets('destroy', 'agent2');
    const second = await RawClient.open(channel);
    const full = await second.login(jid, SEED.agent2.token);
    const { conversationId } = await emu.control.placeCall({ to: 'agent2' });
    const event = await second.next(
      (e) => e.name === 'message' && !!e.getChild('event', NS.pubsubEvent),
    );
    expect(event.getAttribute('to')).toBe(full);
    const json =
      event
        .getChild('event', NS.pubsubEvent)
        ?.getChild('items')
        ?.getChild('item')
        ?.getChild('json', NS.json)
        ?.getText() ?? '';
    expect((JSON.parse(json) as { eventBody: { id: string } }).eventBody.id).toBe(conversationId);
    const propose = await second.next((e) => !!e.getChild('propose', NS.jingleMessage));
    expect(propose.getAttribute('from')).toMatch(/@gjoll\./);
    await emu.control.hangUp(conversationId);
    await second.next((e) => !!e.getChild('retract', NS.jingleMessage));
    second.ws.close();
  });

  it('refuses upgrades with 503 while told to', async () => {
    const channel = await channelFor(SEED.agent1.token);
    await emu.control.refuseUpgrades(30);
    const ws = new WebSocket(`${emu.wsUrl}/stream/channels/${channel}`, 'xmpp');
    const status = await new Promise<number>((resolve) =>
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)),
    );
    expect(status).toBe(503);
    await emu.control.restore();
    const c = await RawClient.open(channel);
    c.ws.close();
  });
});

describe('injected faults on the socket', () => {
  it('delays frames both ways and delivers malformed, duplicated and stale events', async () => {
    const jid = await jidOf(SEED.agent3.token);
    const c = await RawClient.open(await channelFor(SEED.agent3.token));
    await c.login(jid, SEED.agent3.token);
    const node = `v2.users.${SEED.agent3.userId}.conversations`;
    c.send(
      `<iq xmlns="jabber:client" type="set" id="s1" to="n"><pubsub xmlns="${NS.pubsub}"><subscribe node="${node}"/></pubsub></iq>`,
    );
    await c.next((e) => e.getAttribute('id') === 's1');

    await emu.control.latency({ wsMs: 150 });
    const t0 = Date.now();
    c.send('<iq xmlns="jabber:client" type="get" id="p1"><ping xmlns="urn:xmpp:ping"/></iq>');
    await c.next((e) => e.getAttribute('id') === 'p1');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    await emu.control.latency({ wsMs: 0 });

    const { conversationId } = await emu.control.placeCall({ to: 'agent3' });
    const events = async (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i += 1) {
        const m = await c.next((e) => !!e.getChild('event', NS.pubsubEvent));
        out.push(
          m
            .getChild('event', NS.pubsubEvent)
            ?.getChild('items')
            ?.getChild('item')
            ?.getChild('json', NS.json)
            ?.getText() ?? '',
        );
      }
      return out;
    };
    const [alerting] = await events(1);
    await emu.control.hangUp(conversationId);
    const [ended] = await events(1);
    await emu.control.injectEvent(conversationId, 'duplicate');
    const body = (text: string | undefined) =>
      (JSON.parse(text ?? '{}') as { eventBody: unknown }).eventBody;
    const dupes = await events(2);
    expect(dupes.map(body)).toEqual([body(ended), body(ended)]);
    await emu.control.injectEvent(conversationId, 'out-of-order');
    const [stale] = await events(1);
    expect(body(stale)).toEqual(body(alerting));
    await emu.control.injectEvent(conversationId, 'malformed-json');
    const [bad] = await events(1);
    expect(() => JSON.parse(bad ?? '')).toThrow();
    c.ws.close();
  });
});
