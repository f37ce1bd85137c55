/** The worker's sender policy: extension contexts plus content scripts on configured instances. */
import browser from 'webextension-polyfill';
import type { Context } from '../shared/protocol/envelope';
import { classifySender, policyFromRuntime, type SenderLike } from '../shared/protocol/sender';
import { isUrlOnInstances } from '../shared/settings/instances';

export function workerClassifier(
  getInstances: () => readonly string[],
): (sender: SenderLike) => Context | null {
  const policy = policyFromRuntime(browser.runtime, (url) => isUrlOnInstances(url, getInstances()));
  return (sender) => classifySender(sender, policy);
}
