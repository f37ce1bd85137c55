/**
 * Page entry for the adapter check: the real GenesysSoftphone in a plain page, its events (traces
 * aside) recorded with timestamps on `window.check`.
 */
import { GenesysSoftphone } from '../genesys-softphone';
import type { SoftphoneEvent } from '../softphone-port';

export interface CheckWindow {
  check: {
    softphone: GenesysSoftphone;
    events: { t: number; event: SoftphoneEvent }[];
    traces: string[];
  };
}

const softphone = new GenesysSoftphone();
const events: CheckWindow['check']['events'] = [];
const traces: string[] = [];
softphone.subscribe((event) => {
  if (event.type === 'trace') {
    if (event.level !== 'debug') {
      traces.push(`${event.level} ${event.message}`.slice(0, 300));
    }
  } else {
    events.push({ t: Date.now(), event });
  }
});
(window as unknown as CheckWindow).check = { softphone, events, traces };
