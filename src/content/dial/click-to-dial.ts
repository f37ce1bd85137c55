/**
 * Click-to-dial: phone numbers in ServiceNow forms and lists get a dial button. A MutationObserver
 * only queues what the page adds or changes (its callback does no parsing); the scanner does the
 * work in idle slices. Phone-shaped text is found here (phone-candidates.ts); whether it is a
 * dialable number the worker decides, one batch per slice (number-cache.ts). A click reads the
 * number again from the page (it may have changed), remembers the record it came from, and sends
 * call.command {type: 'dial'} through the worker. Everything stops, and every button goes, when
 * the page lifetime ends.
 */
import type { Translate } from '../../shared/i18n';
import { OWN_TAGS } from '../pop/page-context';
import { createDialButtons } from './affordance';
import { createNumberCache, type ResolveNumbers } from './number-cache';
import { phoneCandidates } from './phone-candidates';
import { createScanner, type Schedule, type ScanLimits } from './scanner';

export interface ClickToDialOptions {
  doc: Document;
  signal: AbortSignal;
  /** The worker's answer for each text: its number in E.164, or null when it is not one. */
  numbers: ResolveNumbers;
  t: Translate;
  /** Places the call; `anchor` is the text or input the number was read from. */
  dial(number: string, anchor: Node): void;
  schedule?: Schedule;
  limits?: Partial<ScanLimits>;
  trustedClicksOnly?: boolean;
  onError?: (error: unknown) => void;
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
  const { doc, signal, t } = options;
  const onError = options.onError ?? (() => undefined);
  const cache = createNumberCache<Node>({
    resolve: options.numbers,
    retry: (anchors) => {
      if (!signal.aborted) {
        anchors.forEach((anchor) => scanner.enqueue(anchor));
      }
    },
    onError,
  });
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
    detect: (text, anchor) => cache.lookup(phoneCandidates(text), anchor),
    isOwn: (element) => OWN_TAGS.has(element.tagName),
    schedule: options.schedule ?? idleSchedule(signal),
    onShadowRoot: (root) => observer.observe(root, watch),
    ...(options.limits && { limits: options.limits }),
    place: (anchor, number) =>
      buttons.create(anchor, t('dialNumber', number), () => {
        if (anchor.isConnected) {
          void cache.resolveNow(phoneCandidates(textOf(anchor))).then((current) => {
            if (current !== null && !signal.aborted) {
              options.dial(current, anchor);
            }
          }, onError);
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
