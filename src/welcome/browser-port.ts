/** The welcome page's port on the real browser: the worker, the permissions API, tabs. */
import browser from 'webextension-polyfill';
import type { WorkerApi } from '../shared/protocol/contract';
import { createRequester } from '../shared/protocol/messenger';
import { micStateFromError, type MicState, type WelcomePort } from './checks';

const toWorker = createRequester<WorkerApi>('worker', (message) =>
  browser.runtime.sendMessage(message),
);

async function micState(): Promise<MicState> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' });
    return status.state;
  } catch {
    return 'unknown';
  }
}

export const browserWelcomePort: WelcomePort = {
  authState: () => toWorker('auth.state', null),
  signIn: () => toWorker('auth.signIn', {}),
  serviceNow: () => toWorker('lifecycle.servicenow', null),
  micState,
  async requestMic() {
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      for (const track of stream.getTracks()) {
        track.stop();
      }
    } catch (error) {
      return micStateFromError(error);
    }
    return micState();
  },
  openOptions: () => browser.runtime.openOptionsPage(),
  async openTab(url) {
    await browser.tabs.create({ url });
  },
};
