/** One shadow-root host per page, kept through single-page navigation, gone with the lifetime. */
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_TAG, MAX_REATTACH, mountShadowUi } from './mount';

const hosts = () => document.querySelectorAll(HOST_TAG);
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => document.body.replaceChildren());

describe('shadow-root mount', () => {
  it('renders inside an open shadow root the page does not see into', () => {
    const lifetime = new AbortController();
    const ui = mountShadowUi(lifetime.signal);
    render(h('p', { class: 'inside' }, 'hello'), ui.container);
    expect(document.querySelector('.inside')).toBeNull();
    expect(ui.host.shadowRoot?.querySelector('.inside')?.textContent).toBe('hello');
    lifetime.abort();
  });

  it('replaces a host left by an earlier copy of the script, which then stops', async () => {
    const old = new AbortController();
    mountShadowUi(old.signal, document, () => old.abort());
    const lifetime = new AbortController();
    const ui = mountShadowUi(lifetime.signal);
    await tick();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).toBe(ui.host);
    expect(old.signal.aborted).toBe(true);
    lifetime.abort();
  });

  it('puts itself back when the page replaces the body content, a bounded number of times', async () => {
    const lifetime = new AbortController();
    const ui = mountShadowUi(lifetime.signal);
    document.body.replaceChildren(document.createElement('main'));
    await tick();
    expect(hosts()).toHaveLength(1);
    expect(ui.host.isConnected).toBe(true);
    for (let i = 0; i < MAX_REATTACH + 5; i++) {
      ui.host.remove();
      await tick();
    }
    expect(hosts()).toHaveLength(0);
    lifetime.abort();
  });

  it('removes host and content when the lifetime ends, and does not put it back', async () => {
    const lifetime = new AbortController();
    const ui = mountShadowUi(lifetime.signal);
    lifetime.abort();
    expect(ui.host.isConnected).toBe(false);
    expect(hosts()).toHaveLength(0);
    document.body.replaceChildren();
    await tick();
    expect(hosts()).toHaveLength(0);
  });
});
