/**
 * Click-to-dial on a page: numbers in lists, forms and later-added content get a labelled button;
 * a real click dials the number as it is now; the record it came from is remembered; everything
 * goes with the page lifetime.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { englishT as t } from '../../test/english';
import { normalisePhone } from '../../shared/screenpop/phone';
import { createDialAction } from './dial-action';
import { startClickToDial } from './click-to-dial';
import { createDialOrigins } from './origins';
import type { Schedule } from './scanner';

const SYS_ID = 'c'.repeat(32);
/** The worker's answer (it parses with the same shared code), counting the batches. */
const batches: string[][] = [];
const numbers = (texts: string[]) => {
  batches.push(texts);
  return Promise.resolve(
    texts.map((text) => normalisePhone(text, { defaultRegion: 'US' })?.e164 ?? null),
  );
};
const soon: Schedule = (slice) => setTimeout(() => slice(() => 50), 0);

const lifetimes: AbortController[] = [];

function start(trustedClicksOnly = false) {
  const lifetime = new AbortController();
  lifetimes.push(lifetime);
  const dial = vi.fn();
  const scanner = startClickToDial({
    doc: document,
    signal: lifetime.signal,
    numbers,
    t,
    dial,
    schedule: soon,
    trustedClicksOnly,
  });
  const buttons = () => [...document.querySelectorAll('switchboard-dial')];
  return { lifetime, dial, scanner, buttons };
}

afterEach(() => {
  batches.length = 0;
  lifetimes.splice(0).forEach((lifetime) => lifetime.abort());
  document.body.replaceChildren();
});

describe('click-to-dial', () => {
  it('labels phone numbers in lists and forms, and dials the number on click', async () => {
    document.body.innerHTML = `<table data-table="customer_contact"><tbody>
      <tr data-sys-id="${SYS_ID}"><td><a>Jane Doe</a></td><td class="sn-phone">+1 (415) 555-0101</td></tr>
      <tr data-sys-id="${'d'.repeat(32)}"><td>INC0010001</td><td>2026-11-23 05:27</td></tr>
      </tbody></table><input id="phone" type="tel" value="(312) 555-0188">`;
    const { dial, buttons } = start();
    await vi.waitFor(() => expect(buttons()).toHaveLength(2));
    expect(buttons().map((b) => b.previousSibling?.textContent ?? '')).toContain(
      '+1 (415) 555-0101',
    );
    (buttons()[0] as HTMLElement).click();
    await vi.waitFor(() => expect(dial).toHaveBeenCalledWith('+14155550101', expect.anything()));
    (document.getElementById('phone') as HTMLInputElement).value = '+44 20 7946 0018';
    (buttons()[1] as HTMLElement).click();
    await vi.waitFor(() =>
      expect(dial).toHaveBeenLastCalledWith('+442079460018', document.getElementById('phone')),
    );
  });

  it('asks the worker once per scan slice, and never again for text it has answered', async () => {
    document.body.innerHTML = `<p>+1 415 555 0101</p><p>call 312-555-0188 today</p>
      <p>+1 415 555 0101</p><p>order 2026-11-23 12:00</p><p>12345678 items</p>`;
    const { buttons, scanner } = start();
    await vi.waitFor(() => expect(buttons()).toHaveLength(3));
    expect(batches).toEqual([['+1 415 555 0101', '312-555-0188', '12345678']]);
    document.body.append(
      Object.assign(document.createElement('p'), { textContent: '+1 415 555 0101' }),
    );
    await vi.waitFor(() => expect(buttons()).toHaveLength(4));
    expect(scanner.stats().slices).toBeGreaterThan(1);
    expect(batches).toHaveLength(1);
  });

  it('ignores clicks a page script fakes', async () => {
    document.body.innerHTML = '<p>+1 415 555 0101</p>';
    const { dial, buttons } = start(true);
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    (buttons()[0] as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(dial).not.toHaveBeenCalled();
  });

  it('finds numbers the page adds later (workspace navigation) without rescanning what it read', async () => {
    const { buttons, scanner } = start();
    await vi.waitFor(() => expect(scanner.stats().slices).toBeGreaterThan(0));
    const view = document.createElement('main');
    view.innerHTML = '<span class="sn-phone-text">+1 312 555 0188</span>';
    document.body.append(view);
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    history.pushState(null, '', '/now/workspace/agent/record/customer_contact/' + SYS_ID);
    view.replaceChildren(
      Object.assign(document.createElement('span'), { textContent: '+1 415 555 0101' }),
    );
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    expect(buttons()[0]?.previousSibling?.textContent).toBe('+1 415 555 0101');
  });

  it('removes every button and stops watching when the page lifetime ends', async () => {
    document.body.innerHTML = '<p>+1 415 555 0101</p>';
    const { lifetime, buttons, scanner } = start();
    await vi.waitFor(() => expect(buttons()).toHaveLength(1));
    lifetime.abort();
    expect(buttons()).toHaveLength(0);
    const visited = scanner.stats().visited;
    document.body.append(
      Object.assign(document.createElement('p'), { textContent: '+1 312 555 0188' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(buttons()).toHaveLength(0);
    expect(scanner.stats().visited).toBe(visited);
  });
});

describe('dial action', () => {
  it('remembers the record of the row, sends the dial command and reports the outcome', async () => {
    document.body.innerHTML = `<table data-table="customer_contact"><tr data-sys-id="${SYS_ID}"><td><a>Jane Doe</a></td><td id="n">+1 415 555 0101</td></tr></table>`;
    const origins = createDialOrigins();
    const notices: unknown[] = [];
    const request = vi
      .fn()
      .mockRejectedValueOnce(
        Object.assign(new Error('No softphone'), { code: 'softphone.not-ready' }),
      );
    const act = createDialAction({
      request,
      origins,
      pageUrl: () => 'https://acme.service-now.com/now/workspace/agent/home',
      doc: document,
      t,
      notify: (notice) => notices.push(notice),
    });
    act('+14155550101', document.getElementById('n')!.firstChild!);
    expect(request).toHaveBeenCalledWith('call.command', { type: 'dial', number: '+14155550101' });
    await vi.waitFor(() => expect(notices).toHaveLength(2));
    expect(notices[1]).toMatchObject({ kind: 'error', code: 'softphone.not-ready' });
    expect(origins.take('+14155550101')).toMatchObject({
      url: `https://acme.service-now.com/now/workspace/agent/record/customer_contact/${SYS_ID}`,
      label: 'Jane Doe',
    });
  });
});
