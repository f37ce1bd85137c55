/**
 * Runs the emulator until SIGINT: `npx tsx emulators/genesys/cli.ts --port 8787 [--media none]`.
 */
import { parseArgs } from 'node:util';
import { startGenesysEmulator } from './server';
import { SEED } from './state';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    media: { type: 'string', default: 'chromium' },
    'alert-timeout-ms': { type: 'string' },
  },
});

const media = values.media === 'none' ? 'none' : 'chromium';
const alert = values['alert-timeout-ms'];
const emu = await startGenesysEmulator({
  port: Number(values.port),
  media,
  ...(alert ? { defaultAlertTimeoutMs: Number(alert) } : {}),
});

console.log(`Genesys Cloud emulator
  console:      ${emu.url}/
  environment:  ${emu.url}
  wsHost:       ${emu.wsUrl}
  control API:  ${emu.url}/_emulator/
  media peer:   ${media}
  demo tokens:  agent1=${SEED.agent1.token} agent2=${SEED.agent2.token} agent3=${SEED.agent3.token}
Press Ctrl+C to stop.`);

const stop = () => {
  void emu.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
