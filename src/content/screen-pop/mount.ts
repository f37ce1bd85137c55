/**
 * Mounts the Switchboard UI inside a shadow root so ServiceNow's CSS and ours never mix. The host
 * element and the render are bound to an AbortSignal: when the page lifetime ends, both go.
 */
import { render, type ComponentChild } from 'preact';
import css from './screen-pop.css?inline';

export const HOST_TAG = 'switchboard-root';

export interface Mounted {
  update(view: ComponentChild): void;
}

export function mountShadowUi(signal: AbortSignal, doc: Document = document): Mounted {
  doc.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-switchboard', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'sb-root';
  shadow.append(style, container);
  (doc.body ?? doc.documentElement).append(host);
  signal.addEventListener(
    'abort',
    () => {
      render(null, container);
      host.remove();
    },
    { once: true },
  );
  return {
    update(view) {
      if (!signal.aborted) {
        render(view, container);
      }
    },
  };
}
