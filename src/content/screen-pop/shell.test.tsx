/**
 * The page-load shell shows what ScreenPop shows while there is no call, says when the full UI is
 * needed, and hands its live region over to Preact so the first call is announced by the region
 * already in the page.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCall } from '../../shared/screenpop/call-fixture';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';
import { englishT as t } from '../../test/english';
import type { ContentState } from '../state/store';
import { ScreenPop } from './ScreenPop';
import { createShell, needsFullUi } from './shell';

function stateWith(calls: CallSnapshot[], extra: Partial<ContentState> = {}): ContentState {
  const snapshot: SessionSnapshot = {
    v: 1,
    connection: { state: 'connected', since: 1, attempt: 0 },
    calls,
    networkProfile: 'standard',
    seq: 7,
    updatedAt: 7,
  };
  return { snapshot, popTarget: false, pops: {}, notice: null, ...extra };
}

const box = () => {
  const container = document.createElement('div');
  document.body.append(container);
  return container;
};
const noop = () => undefined;

afterEach(() => document.body.replaceChildren());

describe('page-load shell', () => {
  it.each([
    ['before the first snapshot', { snapshot: null, popTarget: false, pops: {}, notice: null }],
    ['with a snapshot and no call', stateWith([])],
    ['with an ended call', stateWith([makeCall({ state: 'ended' })])],
  ])('renders the markup ScreenPop renders %s', (_name, state: ContentState) => {
    const shell = box();
    createShell(shell, t).render(state);
    const full = box();
    render(<ScreenPop state={state} t={t} onCommand={noop} onOpen={noop} />, full);
    expect(shell.innerHTML.replace(/ [a-z-]+="[^"]*"/g, '')).toBe(
      full.innerHTML.replace(/ [a-z-]+="[^"]*"/g, ''),
    );
    const attributes = (root: Element) =>
      [...root.querySelectorAll('*')].map((node) =>
        [...node.attributes].map((a) => `${a.name}=${a.value}`).sort(),
      );
    expect(attributes(shell)).toEqual(attributes(full));
  });

  it('asks for the full UI only when there is more than the chip to show', () => {
    expect(needsFullUi(stateWith([]), 0)).toBe(false);
    expect(needsFullUi(stateWith([makeCall({ state: 'ended' })]), 0)).toBe(false);
    expect(needsFullUi(stateWith([makeCall({ state: 'alerting' })]), 0)).toBe(true);
    expect(needsFullUi(stateWith([]), 1)).toBe(true);
    expect(needsFullUi(stateWith([], { notice: { kind: 'info', text: 'x' } }), 0)).toBe(true);
    expect(needsFullUi(stateWith([], { pops: { c1: { status: 'none' } } }), 0)).toBe(true);
    const failing = stateWith([]);
    const snapshot = failing.snapshot!;
    const error = { code: 'auth.expired', message: 'x' };
    const withError = {
      ...failing,
      snapshot: { ...snapshot, connection: { ...snapshot.connection, error } },
    };
    expect(needsFullUi(withError as ContentState, 0)).toBe(true);
  });

  it('hands its layer and live region over to ScreenPop, which announces the call in it', () => {
    const container = box();
    const shell = createShell(container, t);
    shell.render(stateWith([]));
    const region = container.querySelector('.sb-sr-only');
    shell.handOver();
    const call = makeCall({ state: 'alerting' });
    render(<ScreenPop state={stateWith([call])} t={t} onCommand={noop} onOpen={noop} />, container);
    expect(container.querySelector('.sb-sr-only')).toBe(region);
    expect(region?.textContent).toContain(t('callFrom', call.remote.name ?? ''));
    expect(container.querySelectorAll('.sb-layer')).toHaveLength(1);
    expect(container.querySelectorAll('.sb-chip')).toHaveLength(1);
    expect(container.querySelectorAll('.sb-card')).toHaveLength(1);
  });
});
