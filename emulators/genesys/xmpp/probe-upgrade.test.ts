// An upgrade without credentials for a channel the emulator does not know (what a reachability
// probe sends): a healthy host opens it and closes it at once; a refusing host answers HTTP 503.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startGenesysEmulator, type GenesysEmulator } from '../server';

let emu: GenesysEmulator;
beforeAll(async () => {
  emu = await startGenesysEmulator({ media: 'none' });
});
afterAll(async () => {
  await emu.close();
});

interface Outcome {
  opened: boolean;
  closeCode?: number;
  status?: number;
}

function probe(): Promise<Outcome> {
  const ws = new WebSocket(`${emu.wsUrl}/stream/channels/reachability-probe`, 'xmpp');
  let opened = false;
  return new Promise((resolve) => {
    ws.on('open', () => {
      opened = true;
    });
    ws.on('close', (code) => resolve({ opened, closeCode: code }));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ opened, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.on('error', () => undefined);
  });
}

describe('Happy path – unknown channel on a healthy host', () => {
  it('opens, then closes with 1008', async () => {
    expect(await probe()).toEqual({ opened: true, closeCode: 1008 });
  });
});

describe('Failure case – upgrades refused', () => {
  it('answers HTTP 503 and never opens', async () => {
    await emu.control.refuseUpgrades(5);
    try {
      expect(await probe()).toEqual({ opened: false, status: 503 });
    } finally {
      await emu.control.restore();
    }
  });
});
