/**
 * Runs the ServiceNow stand-in until interrupted:
 *   npx tsx emulators/servicenow/cli.ts [--port 8788] [--latency 1200]
 */
import { parseArgs } from 'node:util';
import { startServiceNow } from './index';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8788' },
    latency: { type: 'string' },
  },
});

const port = Number(values.port);
const latency = values.latency === undefined ? undefined : Number(values.latency);
if (!Number.isInteger(port) || port < 0 || (latency !== undefined && !(latency >= 0))) {
  console.error('Usage: cli.ts [--port 8788] [--latency 1200]');
  process.exit(2);
}

const sn = await startServiceNow({
  port,
  ...(latency === undefined ? {} : { lookupLatencyMs: latency }),
});
console.log(`ServiceNow stand-in on ${sn.url}`);
console.log(`  Agent Workspace: ${sn.url}/now/workspace/agent/home`);
console.log(`  Classic UI:      ${sn.url}/nav_to.do?uri=customer_contact_list.do`);
console.log(`  Control API:     ${sn.url}/_sn/state`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sn.close().then(() => process.exit(0));
  });
}
