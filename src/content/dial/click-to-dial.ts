/**
 * Click-to-dial: phone numbers in ServiceNow forms and lists get a dial button. A MutationObserver
 * only queues what the page adds or changes (its callback does no parsing); the scanner does the
 * work in idle slices. A click reads the number again from the page (it may have changed),
 * remembers the record it came from, and sends call.command {type: 'dial'} through the worker.
 * Everything stops, and every button goes, when the page lifetime ends.
 */
import type { Translate } from '../../shared/i18n';
import type { Logic } from '../logic/load';
import { OWN_TAGS } from '../pop/page-context';
import { createDialButtons } from './affordance';
import { phoneCandidates } from './phone-candidates';
import { createScanner, type Schedule, type ScanLimits } from './scanner';

export interface ClickToDialOptions {
  doc: Document;
  signal: AbortSignal;
  logic: Logic;
  region(): string;
  t: Translate;
  /** Places the call; `anchor` is the text or input the number was read from. */
  dial(number: string, anchor: Node): void;
  schedule?: Schedule;
  limits?: Partial<ScanLimits>;
  trustedClicksOnly?: boolean;
}

export const idleSchedule =
  (signal: AbortSignal): Schedule =>
  (slice) => {
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback((deadline) => slice(() => deadline.timeRemaining()), {
        timeout: 1000,
      });
      signal.addEventListener('abort', () => cancelIdleCallback(handle), { once: true });
    } else {
      const handle = setTimeout(() => slice(() => 8), 50);
      signal.addEventListener('abort', () => clearTimeout(handle), { once: true });
    }
  };

export function startClickToDial(options: ClickToDialOptions) {
  const { doc, signal, logic, t } = options;
  const detect = (text: string): string | null => {
    for (const candidate of phoneCandidates(text)) {
      const phone = logic.normalisePhone(candidate, { defaultRegion: options.region() });
      if (phone) {
        return phone.e164;
      }
    }
    return null;
  };
  const textOf = (anchor: Text | HTMLInputElement): string =>
    anchor instanceof HTMLInputElement ? anchor.value : anchor.data;
  const buttons = createDialButtons(doc, signal, {
    trustedOnly: options.trustedClicksOnly ?? true,
  });
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        scanner.enqueue(record.target);
      }
      record.addedNodes.forEach((node) => {
        if (!(node instanceof Element && OWN_TAGS.has(node.tagName))) {
          scanner.enqueue(node);
        }
      });
    }
  });
  const watch = { childList: true, subtree: true, characterData: true };
  const scanner = createScanner({
    doc,
    detect,
    isOwn: (element) => OWN_TAGS.has(element.tagName),
    schedule: options.schedule ?? idleSchedule(signal),
    onShadowRoot: (root) => observer.observe(root, watch),
    ...(options.limits && { limits: options.limits }),
    place: (anchor, number) =>
      buttons.create(anchor, t('dialNumber', number), () => {
        const current = anchor.isConnected ? detect(textOf(anchor)) : null;
        if (current !== null) {
          options.dial(current, anchor);
        }
      }),
  });
  if (!signal.aborted) {
    observer.observe(doc.body, watch);
    doc.addEventListener(
      'focusout',
      (event) => {
        if (event.target instanceof HTMLInputElement) {
          scanner.enqueue(event.target);
        }
      },
      { signal, capture: true },
    );
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    scanner.enqueue(doc.body);
  }
  return scanner;
}
