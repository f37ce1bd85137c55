/** Click-to-dial scanning stays within its limits and skips what it must not touch. */
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner, type ScanLimits, type Schedule } from './scanner';

const PHONE = /\+?\d[\d ()-]{8,}\d/;

function setup(limits: Partial<ScanLimits> = {}) {
  const slices: ((remaining: () => number) => void)[] = [];
  const schedule: Schedule = (slice) => slices.push(slice);
  const placed: string[] = [];
  const scanner = createScanner({
    doc: document,
    detect: (text) => PHONE.exec(text)?.[0] ?? null,
    place: (anchor, number) => {
      placed.push(number);
      const marker = document.createElement('switchboard-dial');
      anchor.after(marker);
      return marker;
    },
    isOwn: (element) =>
      element.tagName === 'SWITCHBOARD-DIAL' || element.tagName === 'SWITCHBOARD-ROOT',
    schedule,
    limits,
  });
  /** Runs scheduled slices until none is left; returns how many ran. */
  const drain = (max = 1000): number => {
    let ran = 0;
    while (slices.length > 0 && ran < max) {
      slices.shift()?.(() => 50);
      ran++;
    }
    return ran;
  };
  return { scanner, placed, drain, slices };
}

afterEach(() => document.body.replaceChildren());

describe('click-to-dial scanner', () => {
  it('places one button per phone number in text and phone inputs', () => {
    document.body.innerHTML = `<table data-table="customer_contact"><tr data-sys-id="x"><td>Jane</td><td>+1 415 555 0101</td></tr></table>
      <input type="tel" value="+1 312 555 0188"><input name="notes" value="+1 999 999 9999">`;
    const { scanner, placed, drain } = setup();
    scanner.enqueue(document.body);
    drain();
    expect(placed).toEqual(['+1 415 555 0101', '+1 312 555 0188']);
    scanner.enqueue(document.body); // scanning again adds nothing
    drain();
    expect(placed).toHaveLength(2);
  });

  it('skips our own UI, scripts, textareas, contenteditable and the focused input', () => {
    document.body.innerHTML = `<switchboard-root><span>+1 415 555 0101</span></switchboard-root>
      <script>var x = "+1 415 555 0102"</script><textarea>+1 415 555 0103</textarea>
      <div contenteditable="true">+1 415 555 0104</div><input id="typing" type="tel" value="+1 415 555 0105">`;
    const typing = document.getElementById('typing') as HTMLInputElement;
    typing.focus();
    const { scanner, placed, drain } = setup();
    scanner.enqueue(document.body);
    drain();
    expect(placed).toEqual([]);
    typing.blur();
    scanner.enqueue(typing); // as the focusout listener does
    drain();
    expect(placed).toEqual(['+1 415 555 0105']);
  });

  it('visits at most maxNodesPerSlice nodes per slice and resumes where it stopped', () => {
    document.body.innerHTML =
      Array.from({ length: 100 }, (_, i) => `<p>row ${i}</p>`).join('') + '<p>+1 415 555 0101</p>';
    const { scanner, placed, drain } = setup({ maxNodesPerSlice: 20 });
    scanner.enqueue(document.body);
    const slices = drain();
    expect(slices).toBeGreaterThanOrEqual(10);
    expect(scanner.stats().visited).toBeLessThanOrEqual(slices * 20);
    expect(placed).toEqual(['+1 415 555 0101']);
  });

  it('places at most maxButtons buttons, and makes room when the page drops some', () => {
    document.body.innerHTML = Array.from(
      { length: 30 },
      (_, i) => `<p>+1 415 555 01${String(i).padStart(2, '0')}</p>`,
    ).join('');
    const { scanner, placed, drain } = setup({ maxButtons: 5 });
    scanner.enqueue(document.body);
    drain();
    expect(placed).toHaveLength(5);
    document.body.replaceChildren();
    const fresh = document.createElement('p');
    fresh.textContent = '+1 312 555 0188';
    document.body.append(fresh);
    scanner.enqueue(fresh);
    drain();
    expect(placed).toHaveLength(6);
  });

  it('bounds the work per root and rescans the body when too much is queued at once', () => {
    document.body.innerHTML = '<p>+1 415 555 0101</p>';
    const { scanner, placed, drain } = setup({ maxQueue: 3, maxNodesPerRoot: 10_000 });
    for (let i = 0; i < 10; i++) {
      const node = document.createElement('span');
      document.body.append(node);
      scanner.enqueue(node);
    }
    expect(scanner.stats().queued).toBe(3);
    drain();
    expect(placed).toEqual(['+1 415 555 0101']); // found by the body rescan
    const limited = setup({ maxNodesPerRoot: 5 });
    document.body.innerHTML =
      Array.from({ length: 20 }, () => '<i>x</i>').join('') + '<p>+1 415 555 0102</p>';
    limited.scanner.enqueue(document.body);
    limited.drain();
    expect(limited.placed).toEqual([]);
  });

  it('reads a text node again when its text changes, and removes a stale button', () => {
    document.body.innerHTML = '<p id="p">no number yet</p>';
    const text = document.getElementById('p')!.firstChild as Text;
    const { scanner, placed, drain } = setup();
    scanner.enqueue(document.body);
    drain();
    text.data = '+1 415 555 0101';
    scanner.enqueue(text);
    drain();
    expect(placed).toEqual(['+1 415 555 0101']);
    text.data = 'gone';
    scanner.enqueue(text);
    drain();
    expect(document.querySelectorAll('switchboard-dial')).toHaveLength(0);
  });

  it('enters open shadow roots', () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>+1 415 555 0101</span>';
    document.body.append(host);
    const { scanner, placed, drain } = setup();
    scanner.enqueue(document.body);
    drain();
    expect(placed).toEqual(['+1 415 555 0101']);
  });
});
