/**
 * Adapter check in real Chromium against the local Genesys emulator: start → inbound call →
 * answer → audio bytes rising → soft reconnect mid-call keeps the call and recovers fast, compared
 * with the SDK's own recovery from a dropped socket; then hang-up and a bounded destroy.
 * Run: npx tsx src/offscreen/softphone/browser/adapter.browser.ts   (exit code 1 on failure)
 */
import assert from 'node:assert/strict';
import { launchChromium } from '../../../../e2e/support/chromium';
import { startGenesysEmulator } from '../../../../emulators/genesys/server';
import type { SoftphoneEvent } from '../softphone-port';
import type { CheckWindow } from './adapter-page';
import { buildAndServe, CheckPage, sleep, waitRising } from './support';

const is =
  <T extends SoftphoneEvent['type']>(
    type: T,
    extra: (e: Extract<SoftphoneEvent, { type: T }>) => boolean = () => true,
  ) =>
  (e: SoftphoneEvent) =>
    e.type === type && extra(e as Extract<SoftphoneEvent, { type: T }>);

async function main(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = {};
  const served = await buildAndServe();
  const browser = await launchChromium();
  const emu = await startGenesysEmulator({ port: 0, media: { browserContext: browser } });
  try {
    const page = new CheckPage(await browser.newPage());
    await page.page.goto(served.url);
    await page.page.waitForFunction(() => 'check' in window);

    const t0 = Date.now();
    const started = await page.run((s, cfg) => s.start(cfg), {
      environment: emu.url,
      wsHost: emu.wsUrl,
      accessToken: 'acme-agent1-token',
      useServerSidePings: false,
      logLevel: 'info' as const,
      appName: 'switchboard-check',
      appVersion: '0.0.0',
      autoAnswerAllowed: false,
    });
    assert.equal(started.error, undefined, `start failed: ${JSON.stringify(started.error)}`);
    results['startMs'] = Date.now() - t0;
    await page.waitEvent(is('ready'));

    // Inbound call: alerting carries the caller and queue, answer connects media.
    const { conversationId: cid } = await emu.control.placeCall({
      to: 'agent1',
      from: '+15550100',
      fromName: 'Ada Lovelace',
      queue: 'Support',
      attributes: { ticket: 'INC0001' },
    });
    const alerting = await page.waitEvent(
      is('call-alerting', (e) => e.call.conversationId === cid),
    );
    results['alerting'] = alerting.event;
    const answered = await page.run((s, id) => s.answer(id), cid);
    assert.equal(answered.error, undefined, `answer failed: ${JSON.stringify(answered.error)}`);
    await page.waitEvent(is('call-started', (e) => e.conversationId === cid));
    await page.waitEvent(
      is('call-media', (e) => e.conversationId === cid && e.connectionState === 'connected'),
    );
    const again = await page.run((s, id) => s.answer(id), cid);
    assert.equal(again.error?.reason, 'not-pending', 'a second answer must be refused');

    const bytesIn = async () =>
      (await page.run((s, id) => s.getMediaStats(id), cid)).value?.bytesReceived ?? 0;
    const bytesOut = async () => (await emu.control.media(cid)).peer?.packetsReceived ?? 0;
    await waitRising('bytes received by the adapter', bytesIn, 2_000);
    await waitRising('packets received by the far end', bytesOut, 20);
    results['statsAfterAnswer'] = (await page.run((s, id) => s.getMediaStats(id), cid)).value;
    results['probeMs'] = (await page.run((s) => s.probe(5_000), null)).value;

    // The SDK's own recovery from a dropped socket, for comparison (2 s delayFirstAttempt floor).
    let from = (await page.events()).length;
    const drop = await emu.control.dropSockets('destroy');
    const sdkBack = await page.waitEvent(
      is('connected', (e) => e.reconnect),
      20_000,
      from,
    );
    results['sdkOwnReconnectMs'] = sdkBack.t - drop.t;

    // Soft reconnect mid-call: same SDK instance, same call, media keeps flowing.
    await sleep(500);
    from = (await page.events()).length;
    const before = await bytesIn();
    const reconnect = await page.page.evaluate(async () => {
      const { softphone } = (window as unknown as CheckWindow).check;
      const start = performance.now();
      await softphone.reconnectSignalling(10_000);
      return performance.now() - start;
    });
    results['softReconnectMs'] = Math.round(reconnect);
    const after = (await page.events()).slice(from).map((e) => e.event.type);
    assert.ok(
      after.includes('disconnected') && after.includes('connected'),
      `events: ${after.join(',')}`,
    );
    assert.ok(!after.includes('call-ended'), 'the call must survive the soft reconnect');
    await waitRising('bytes received after the soft reconnect', bytesIn, 2_000);
    assert.ok((await bytesIn()) > before);
    const held = await page.run((s, id) => s.setHold(id, true), cid);
    assert.equal(held.error, undefined, 'hold over the new socket');
    await emu.control.waitFor('held', async () => (await emu.control.call(cid)).held);
    await page.run((s, id) => s.setHold(id, false), cid);
    results['healthAfterReconnect'] = await page.run((s) => s.health(), null);

    // Soft reconnect while the client sleeps in its backoff: upgrades refused, attempts at +2 s
    // and +6 s fail, the loop's next one is due at +14 s; restore at +7 s and reconnect at once.
    await emu.control.refuseUpgrades(60);
    from = (await page.events()).length;
    await emu.control.dropSockets('destroy');
    await page.waitEvent(is('disconnected'), 5_000, from);
    await sleep(7_000);
    await emu.control.restore();
    const restoredAt = Date.now();
    const fromBackoff = await page.run((s) => s.reconnectSignalling(10_000), null);
    assert.equal(
      fromBackoff.error,
      undefined,
      `reconnect from backoff: ${JSON.stringify(fromBackoff.error)}`,
    );
    results['softReconnectFromBackoffMs'] = Date.now() - restoredAt;
    await sleep(8_000); // the loop's own attempt (+14 s) must be a no-op, not a second socket
    const bound = (await emu.control.sessions('agent1')).filter((s) => s.state === 'bound');
    assert.equal(bound.length, 1, 'exactly one live XMPP session after the backoff loop woke');
    await waitRising('bytes received after the backoff reconnect', bytesIn, 2_000);

    // Mid-call microphone switch keeps audio flowing both ways.
    const devices = (await page.run((s) => s.listDevices(), null)).value ?? [];
    const mics = devices.filter((d) => d.kind === 'audioinput' && d.deviceId !== 'default');
    results['microphones'] = mics.map((d) => d.label);
    const other = mics.at(-1);
    if (other !== undefined) {
      const switched = await page.run(
        (s, id) => s.setDevices({ microphoneId: id }),
        other.deviceId,
      );
      assert.equal(switched.error, undefined, `device switch: ${JSON.stringify(switched.error)}`);
      await waitRising('packets at the far end after the switch', bytesOut, 20);
      await waitRising('bytes received after the switch', bytesIn, 2_000);
    }

    // Hang up, then a bounded destroy.
    const hung = await page.run((s, id) => s.hangUp(id), cid);
    assert.equal(hung.error, undefined, `hang-up failed: ${JSON.stringify(hung.error)}`);
    const ended = await page.waitEvent(is('call-ended', (e) => e.conversationId === cid));
    assert.equal((ended.event as { reason: string }).reason, 'local-hangup');

    // destroy() with a live call: bounded, the call ends as 'shutdown', nothing stays connected.
    const { conversationId: cid2 } = await emu.control.placeCall({ to: 'agent1' });
    await page.waitEvent(is('call-alerting', (e) => e.call.conversationId === cid2));
    await page.run((s, id) => s.answer(id), cid2);
    await page.waitEvent(
      is('call-media', (e) => e.conversationId === cid2 && e.connectionState === 'connected'),
    );
    const d0 = Date.now();
    await page.run((s) => s.destroy(3_000), null);
    results['destroyMidCallMs'] = Date.now() - d0;
    const shutdown = await page.waitEvent(is('call-ended', (e) => e.conversationId === cid2));
    assert.equal((shutdown.event as { reason: string }).reason, 'shutdown');
    assert.equal((await page.run((s) => s.health(), null)).value?.connected, false);
    await emu.control.waitFor('call ended at the platform', async () =>
      Boolean((await emu.control.call(cid2)).endTime),
    );
    await emu.control.waitFor(
      'no live XMPP session',
      async () => (await emu.control.sessions('agent1')).length === 0,
    );

    // Persistent connection: the second call arrives on the same peer connection, by event only.
    await emu.control.setStation('agent1', { webRtcPersistentEnabled: true });
    const restarted = await page.run((s, cfg) => s.start(cfg), {
      environment: emu.url,
      wsHost: emu.wsUrl,
      accessToken: 'acme-agent1-token',
      useServerSidePings: false,
      logLevel: 'info' as const,
      appName: 'switchboard-check',
      appVersion: '0.0.0',
      autoAnswerAllowed: false,
    });
    assert.equal(restarted.error, undefined, `restart failed: ${JSON.stringify(restarted.error)}`);
    const persistent: string[] = [];
    for (const round of [1, 2]) {
      from = (await page.events()).length;
      const { conversationId: pc } = await emu.control.placeCall({
        to: 'agent1',
        fromName: `Caller ${round}`,
      });
      await page.waitEvent(
        is('call-alerting', (e) => e.call.conversationId === pc),
        10_000,
        from,
      );
      const ok = await page.run((s, id) => s.answer(id), pc);
      assert.equal(ok.error, undefined, `persistent answer ${round}: ${JSON.stringify(ok.error)}`);
      await page.waitEvent(
        is('call-started', (e) => e.conversationId === pc),
        10_000,
        from,
      );
      await page.waitEvent(
        is('call-media', (e) => e.conversationId === pc && e.connectionState === 'connected'),
        10_000,
        from,
      );
      await waitRising(
        `bytes on persistent call ${round}`,
        async () => (await page.run((s, id) => s.getMediaStats(id), pc)).value?.bytesReceived ?? 0,
        2_000,
      );
      const bye = await page.run((s, id) => s.hangUp(id), pc);
      assert.equal(
        bye.error,
        undefined,
        `persistent hang-up ${round}: ${JSON.stringify(bye.error)}`,
      );
      const end = await page.waitEvent(
        is('call-ended', (e) => e.conversationId === pc),
        10_000,
        from,
      );
      persistent.push((end.event as { reason: string }).reason);
    }
    results['persistentEndReasons'] = persistent;
    assert.deepEqual(persistent, ['local-hangup', 'local-hangup']);
    results['peerConnectionsAfterPersistent'] = (await page.run((s) => s.health(), null)).value
      ?.peerConnections;
    results['errors'] = (await page.events())
      .filter((e) => e.event.type === 'error')
      .map((e) => e.event);
    await page.run((s) => s.destroy(3_000), null);
    return results;
  } finally {
    await emu.close();
    await browser.close();
    await served.close();
  }
}

main().then(
  (results) => {
    console.log(JSON.stringify({ ok: true, ...results }, null, 2));
    process.exit(0);
  },
  (error: unknown) => {
    console.error('adapter check failed:', error);
    process.exit(1);
  },
);
