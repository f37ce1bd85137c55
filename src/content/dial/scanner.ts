/**
 * Finds phone numbers in the page for click-to-dial, at a bounded cost. Roots to scan (the body at
 * first, then whatever the page adds) go into a capped queue; slices of work run when the page is
 * idle, each stopping after a time budget or a node count, resuming where they stopped. In total
 * at most `maxButtons` buttons are placed and at most `maxNodesPerRoot` nodes are visited per root.
 *
 * Skipped: our own elements, scripts/styles/templates, textareas and contenteditable regions, and
 * the input that has focus (it is looked at again when focus leaves). Text nodes are read once
 * (again only if their text changes); phone inputs (type=tel, or named like a phone field) get a
 * button after them. Open shadow roots are entered and reported, so they can be observed too.
 */

export interface ScanLimits {
  maxButtons: number;
  maxNodesPerSlice: number;
  sliceMs: number;
  maxQueue: number;
  maxNodesPerRoot: number;
}

export const DEFAULT_SCAN_LIMITS: ScanLimits = {
  maxButtons: 300,
  maxNodesPerSlice: 400,
  sliceMs: 8,
  maxQueue: 1000,
  maxNodesPerRoot: 50_000,
};

/** Runs `slice` later; `remaining()` is the time left for it (idle deadline or own budget). */
export type Schedule = (slice: (remaining: () => number) => void) => void;

export interface ScannerOptions {
  doc: Document;
  /** The dialable number (E.164) in this text, or null (`anchor` may be enqueued again later). */
  detect(text: string, anchor: Text | HTMLInputElement): string | null;
  /** Places a dial button after the anchor. */
  place(anchor: Text | HTMLInputElement, number: string): Element;
  isOwn(element: Element): boolean;
  schedule: Schedule;
  onShadowRoot?(root: ShadowRoot): void;
  now?: () => number;
  limits?: Partial<ScanLimits>;
}

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'IFRAME',
  'svg',
]);
const PHONE_NAME = /phone|mobile|fax|tel/i;

export function isPhoneInput(input: HTMLInputElement): boolean {
  if (input.type === 'tel') {
    return true;
  }
  return input.type === 'text' && PHONE_NAME.test(`${input.name} ${input.id}`);
}

export function createScanner(options: ScannerOptions) {
  const limits = { ...DEFAULT_SCAN_LIMITS, ...options.limits };
  const now = options.now ?? (() => performance.now());
  const queue: Node[] = [];
  const seen = new WeakSet<Node>();
  const buttons = new WeakMap<Node, Element>();
  let stack: Node[] = [];
  let visitedInRoot = 0;
  const live = new Set<Element>();
  let overflow = false;
  let scheduled = false;
  const stats = { slices: 0, visited: 0 };

  function room(): boolean {
    if (live.size >= limits.maxButtons) {
      live.forEach((button) => {
        if (!button.isConnected) {
          live.delete(button); // the page removed it with its number
        }
      });
    }
    return live.size < limits.maxButtons;
  }

  function place(anchor: Text | HTMLInputElement, text: string): void {
    const previous = buttons.get(anchor);
    const number = options.detect(text, anchor);
    if (previous?.isConnected) {
      if (number === null) {
        previous.remove(); // the number is gone; a changed number is read again on click
        buttons.delete(anchor);
        live.delete(previous);
      }
      return;
    }
    if (number !== null && room()) {
      const button = options.place(anchor, number);
      buttons.set(anchor, button);
      live.add(button);
    }
  }

  function visit(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      if (!seen.has(node)) {
        seen.add(node);
        place(node as Text, (node as Text).data);
      }
      return;
    }
    if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      pushChildren(node); // a shadow root
      return;
    }
    if (!(node instanceof Element) || SKIP_TAGS.has(node.tagName) || options.isOwn(node)) {
      return;
    }
    if (node instanceof HTMLInputElement) {
      if (!seen.has(node) && isPhoneInput(node) && options.doc.activeElement !== node) {
        seen.add(node);
        place(node, node.value);
      }
      return;
    }
    if (node instanceof HTMLElement && node.isContentEditable) {
      return;
    }
    if (node.shadowRoot) {
      options.onShadowRoot?.(node.shadowRoot);
      enqueue(node.shadowRoot);
    }
    pushChildren(node);
  }

  function pushChildren(node: Node): void {
    for (let child = node.lastChild; child; child = child.previousSibling) {
      stack.push(child);
    }
  }

  function slice(remaining: () => number): void {
    scheduled = false;
    stats.slices++;
    const start = now();
    const budget = Math.min(limits.sliceMs, Math.max(1, remaining()));
    let visited = 0;
    while (visited < limits.maxNodesPerSlice && now() - start < budget) {
      const node = stack.pop();
      if (node === undefined) {
        if (overflow) {
          overflow = false;
          queue.length = 0;
          queue.push(options.doc.body);
        }
        const root = queue.shift();
        if (root === undefined) {
          return;
        }
        stack = [root];
        visitedInRoot = 0;
        continue;
      }
      if (visitedInRoot++ >= limits.maxNodesPerRoot) {
        stack = [];
        continue;
      }
      visited++;
      stats.visited++;
      visit(node);
    }
    request();
  }

  function request(): void {
    if (!scheduled && (stack.length > 0 || queue.length > 0 || overflow)) {
      scheduled = true;
      options.schedule(slice);
    }
  }

  function enqueue(root: Node): void {
    if (root.nodeType === Node.TEXT_NODE) {
      seen.delete(root); // its text changed: read it again
    } else if (root instanceof HTMLInputElement) {
      seen.delete(root);
    }
    if (queue.length >= limits.maxQueue) {
      overflow = true; // too much at once: rescan the whole body instead
    } else {
      queue.push(root);
    }
    request();
  }

  return { enqueue, stats: () => ({ ...stats, buttons: live.size, queued: queue.length }) };
}

export type Scanner = ReturnType<typeof createScanner>;
