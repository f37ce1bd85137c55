/**
 * Mounts the Switchboard host inside a shadow root so ServiceNow's CSS and ours never mix. A host
 * left by an earlier copy of this script (before an extension update) is replaced, so there is
 * never a duplicate; the older copy, seeing its host replaced, calls `onReplaced` and stops. If
 * the page drops our host (a single-page app replacing the body), it is put back, a bounded
 * number of times. Host and watcher are bound to the AbortSignal. What goes into `container` is
 * up to the caller: the light shell at page load, the Preact UI once there is a call to show.
 */
import css from './screen-pop.css?inline';

export const HOST_TAG = 'switchboard-root';
export const MAX_REATTACH = 50;

export interface Mounted {
  host: HTMLElement;
  /** The element inside the shadow root that the UI renders into. */
  container: HTMLElement;
}

export function mountShadowUi(
  signal: AbortSignal,
  doc: Document = document,
  onReplaced: () => void = () => undefined,
): Mounted {
  doc.querySelectorAll(HOST_TAG).forEach((stale) => stale.remove());
  const host = doc.createElement(HOST_TAG);
  host.setAttribute('data-switchboard', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.className = 'sb-root';
  shadow.append(style, container);
  doc.body.append(host);

  let reattached = 0;
  const watcher = new MutationObserver(() => {
    if (host.isConnected) {
      // still mounted
    } else if (doc.querySelector(HOST_TAG)) {
      watcher.disconnect();
      onReplaced(); // a newer copy of this script took over
      return;
    } else if (reattached < MAX_REATTACH) {
      reattached++;
      doc.body.append(host);
    }
    watcher.observe(doc.body, { childList: true }); // the body itself may have been replaced
  });
  watcher.observe(doc.documentElement, { childList: true });
  watcher.observe(doc.body, { childList: true });
  signal.addEventListener(
    'abort',
    () => {
      watcher.disconnect();
      host.remove();
    },
    { once: true },
  );
  return { host, container };
}
