/**
 * The dial button placed after a phone number: an element of our own tag with a closed shadow
 * root (page CSS cannot reach it, page scripts cannot reach into it), holding one labelled button.
 * A click never reaches the page (no row or link navigation underneath), and only a real click
 * counts: a page script dispatching a synthetic one cannot make the agent's phone dial. Created
 * buttons are removed when the page lifetime ends.
 */
export const DIAL_TAG = 'switchboard-dial';

const STYLE = `:host{all:initial;display:inline-block;margin-inline-start:4px;vertical-align:middle}
button{font:12px/1 system-ui,sans-serif;padding:2px 6px;border-radius:10px;border:1px solid #1f9d55;
background:#fff;color:#1f6f3f;cursor:pointer}button:hover{background:#e8f6ee}
button:focus-visible{outline:2px solid #0b65c2;outline-offset:1px}`;

export interface DialButtons {
  create(anchor: ChildNode, label: string, onClick: () => void): HTMLElement;
}

export function createDialButtons(
  doc: Document,
  signal: AbortSignal,
  { trustedOnly = true }: { trustedOnly?: boolean } = {},
): DialButtons {
  const created = new Set<HTMLElement>();
  signal.addEventListener(
    'abort',
    () => {
      created.forEach((host) => host.remove());
      created.clear();
    },
    { once: true },
  );
  return {
    create(anchor, label, onClick) {
      const host = doc.createElement(DIAL_TAG);
      const shadow = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = STYLE;
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = '\u260e';
      button.title = label;
      button.setAttribute('aria-label', label);
      host.addEventListener(
        'click',
        (event) => {
          event.preventDefault();
          event.stopPropagation();
          if (event.isTrusted || !trustedOnly) {
            onClick();
          }
        },
        { signal },
      );
      shadow.append(style, button);
      anchor.after(host);
      created.add(host);
      return host;
    },
  };
}
