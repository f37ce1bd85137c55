/** Pops navigate like the page would: client-side in Workspace, same origin only. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { navigateTo } from './navigate';

const fakeWindow = (href: string) => {
  const assign = vi.fn();
  const pushState = vi.fn();
  const dispatchEvent = vi.fn();
  const doc = document.implementation.createHTMLDocument('x');
  const win = {
    location: { href, origin: new URL(href).origin, assign },
    history: { pushState },
    dispatchEvent,
    document: doc,
  } as unknown as Window;
  return { win, assign, pushState, dispatchEvent, doc };
};

afterEach(() => vi.restoreAllMocks());

describe('navigate', () => {
  it('routes inside Workspace with pushState and a popstate event (no reload)', () => {
    const w = fakeWindow('https://acme.service-now.com/now/workspace/agent/home');
    expect(
      navigateTo(
        'https://acme.service-now.com/now/workspace/agent/record/incident/' + 'a'.repeat(32),
        w.win,
      ),
    ).toBe(true);
    expect(w.pushState).toHaveBeenCalledWith(
      null,
      '',
      '/now/workspace/agent/record/incident/' + 'a'.repeat(32),
    );
    expect((w.dispatchEvent.mock.calls[0]?.[0] as Event).type).toBe('popstate');
    expect(w.assign).not.toHaveBeenCalled();
  });

  it('loads classic pages, in the gsft_main frame when there is one', () => {
    const w = fakeWindow('https://acme.service-now.com/incident_list.do');
    navigateTo('https://acme.service-now.com/incident.do?sys_id=' + 'a'.repeat(32), w.win);
    expect(w.assign).toHaveBeenCalledWith(
      'https://acme.service-now.com/incident.do?sys_id=' + 'a'.repeat(32),
    );
  });

  it('never follows another origin', () => {
    const w = fakeWindow('https://acme.service-now.com/now/workspace/agent/home');
    expect(navigateTo('https://evil.example.com/now/workspace/agent/home', w.win)).toBe(false);
    expect(w.assign).not.toHaveBeenCalled();
    expect(w.pushState).not.toHaveBeenCalled();
  });

  it('lets a real Workspace router answer the popstate', () => {
    history.replaceState(null, '', '/now/workspace/agent/home');
    const seen: string[] = [];
    const onPop = () => seen.push(location.pathname);
    window.addEventListener('popstate', onPop);
    navigateTo(`${location.origin}/now/workspace/agent/list/incident`);
    window.removeEventListener('popstate', onPop);
    expect(seen).toEqual(['/now/workspace/agent/list/incident']);
  });
});
