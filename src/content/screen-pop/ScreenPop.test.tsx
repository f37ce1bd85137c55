/**
 * The screen pop renders untrusted call and record data as text, marks capped attributes, sends
 * call commands, announces without taking focus, and shows every lookup state.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { capAttributes } from '../../shared/screenpop/attributes';
import { makeCall } from '../../shared/screenpop/call-fixture';
import type { CallSnapshot, SessionSnapshot } from '../../shared/session/snapshot';
import { englishT as t } from '../../test/english';
import { isSessionSnapshot } from '../messaging/guards';
import type { PopView } from '../pop/pop-view';
import type { ContentState } from '../state/store';
import { ScreenPop } from './ScreenPop';

const HOSTILE = '<img src=x onerror=alert(1)>';

function snapshotWith(calls: CallSnapshot[]): SessionSnapshot {
  return {
    v: 1,
    connection: { state: 'connected', since: 1, attempt: 0 },
    calls,
    networkProfile: 'standard',
    seq: 2,
    updatedAt: 2,
  };
}

function mount(
  calls: CallSnapshot[],
  pops: Record<string, PopView> = {},
  extra: Partial<ContentState> = {},
) {
  const container = document.createElement('div');
  document.body.append(container);
  const onCommand = vi.fn();
  const onOpen = vi.fn();
  const state: ContentState = {
    snapshot: snapshotWith(calls),
    popTarget: true,
    pops,
    notice: null,
    ...extra,
  };
  render(<ScreenPop state={state} t={t} onCommand={onCommand} onOpen={onOpen} />, container);
  const click = (selector: string) => container.querySelector<HTMLElement>(selector)?.click();
  return { container, onCommand, onOpen, click };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('screen pop', () => {
  it('renders a hostile caller name as text, never as markup', () => {
    const { container } = mount([
      makeCall({
        remote: { name: HOSTILE, number: '+14155550101' },
        attributes: { [HOSTILE]: HOSTILE },
      }),
    ]);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.sb-caller')?.textContent).toBe(HOSTILE);
    expect(container.querySelector('dt')?.textContent).toBe(HOSTILE);
    expect(container.textContent).toContain('+14155550101');
  });

  it('shows a truncated marker for 1 MB of attributes capped by the softphone', () => {
    const huge = Object.fromEntries(
      Array.from({ length: 1024 }, (_, i) => [`key${i}`, 'x'.repeat(1024)]),
    );
    const { attributes, truncated } = capAttributes(huge);
    const call = makeCall({ attributes, attributesTruncated: truncated });
    expect(isSessionSnapshot(snapshotWith([call]))).toBe(true);
    const { container } = mount([call]);
    expect(container.querySelector('[data-truncated]')?.textContent).toBe('truncated');
    expect(container.querySelectorAll('.sb-pair').length).toBeLessThanOrEqual(50);
  });

  it('offers answer and decline while an inbound call rings, without taking focus', () => {
    const before = document.activeElement;
    const { onCommand, click, container } = mount([makeCall()]);
    expect(document.activeElement).toBe(before);
    expect(container.querySelector('[autofocus]')).toBeNull();
    click('[data-action=answer]');
    click('[data-action=decline]');
    expect(onCommand.mock.calls).toEqual([
      [{ type: 'answer', conversationId: 'conv-1' }],
      [{ type: 'decline', conversationId: 'conv-1' }],
    ]);
  });

  it('offers mute, hold and hang up on a connected call, with pressed states', () => {
    const { onCommand, click, container } = mount([
      makeCall({ state: 'connected', muted: true, answeredAt: 1 }),
    ]);
    expect(container.querySelector('[data-action=mute]')?.getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(container.querySelector('[data-action=mute]')?.textContent).toBe('Unmute');
    click('[data-action=mute]');
    click('[data-action=hold]');
    click('[data-action=hangup]');
    expect(onCommand.mock.calls).toEqual([
      [{ type: 'mute', conversationId: 'conv-1', muted: false }],
      [{ type: 'hold', conversationId: 'conv-1', held: true }],
      [{ type: 'hangup', conversationId: 'conv-1' }],
    ]);
    expect(container.querySelector('[role=timer]')).not.toBeNull();
  });

  it('announces the newest call in a polite live region', () => {
    const { container } = mount([makeCall({ remote: { name: 'Jane Doe' } })]);
    const live = container.querySelector('.sb-sr-only');
    expect(live?.getAttribute('aria-live')).toBe('polite');
    expect(live?.textContent).toBe('Call from Jane Doe: Ringing');
  });

  it.each<[PopView, string]>([
    [{ status: 'searching' }, 'Searching ServiceNow…'],
    [{ status: 'slow' }, 'Still searching…'],
    [{ status: 'timeout' }, 'Not found in time'],
    [
      { status: 'error', code: 'servicenow.rate-limited' },
      'ServiceNow lookup failed (servicenow.rate-limited)',
    ],
    [{ status: 'opened', label: HOSTILE, url: 'https://a/', pending: false }, `Opened ${HOSTILE}`],
    [{ status: 'created', url: 'https://a/', pending: false }, 'No match: new interaction opened'],
    [{ status: 'none' }, 'No matching record'],
  ])('shows the lookup state %j', (view, text) => {
    const { container } = mount([makeCall()], { 'conv-1': view });
    const status = container.querySelector('.sb-pop');
    expect(status?.getAttribute('role')).toBe('status');
    expect(status?.textContent).toBe(text);
    expect(container.querySelector('img')).toBeNull();
  });

  it('lists several matches as text and opens the chosen one', () => {
    const choices = [
      { label: HOSTILE, table: 'customer_contact', url: 'https://acme.service-now.com/a' },
      { label: 'Chris Lee', table: 'customer_contact', url: 'https://acme.service-now.com/b' },
    ];
    const { container, onOpen } = mount([makeCall()], {
      'conv-1': { status: 'chooser', choices, truncated: true },
    });
    const buttons = container.querySelectorAll<HTMLButtonElement>('[data-action=choose]');
    expect(buttons).toHaveLength(2);
    expect(buttons[0]?.textContent).toBe(`${HOSTILE} customer_contact`);
    expect(container.querySelector('img')).toBeNull();
    buttons[1]?.click();
    expect(onOpen).toHaveBeenCalledWith('https://acme.service-now.com/b');
    expect(container.textContent).toContain('More records match');
  });

  it('waits for a click to open a record while the agent is editing', () => {
    const view: PopView = {
      status: 'opened',
      label: 'Jane Doe',
      url: 'https://acme.service-now.com/r',
      pending: true,
    };
    const { click, onOpen, container } = mount([makeCall()], { 'conv-1': view });
    expect(container.textContent).toContain('Found: Jane Doe');
    click('[data-action=open]');
    expect(onOpen).toHaveBeenCalledWith('https://acme.service-now.com/r');
  });

  it('keeps an ended call with a chooser on screen, and drops other ended calls', () => {
    const chooser: PopView = { status: 'chooser', choices: [], truncated: false };
    const { container } = mount(
      [makeCall({ state: 'ended' }), makeCall({ conversationId: 'conv-2', state: 'ended' })],
      { 'conv-1': chooser },
    );
    expect(
      [...container.querySelectorAll('.sb-card')].map((c) => c.getAttribute('data-call')),
    ).toEqual(['conv-1']);
  });

  it('only links to web pages for a URL rule on another host', () => {
    const { container } = mount([makeCall()], {
      'conv-1': { status: 'link', url: 'javascript:alert(1)' },
    });
    expect(container.querySelector('a')).toBeNull();
    const safe = mount([makeCall()], {
      'conv-1': { status: 'link', url: 'https://crm.example.com/x' },
    });
    expect(safe.container.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows the notice line with its code', () => {
    const { container } = mount(
      [],
      {},
      { notice: { kind: 'error', text: 'Could not call', code: 'softphone.x' } },
    );
    expect(container.querySelector('.sb-notice')?.getAttribute('data-code')).toBe('softphone.x');
  });
});
