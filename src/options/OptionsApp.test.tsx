import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerApi } from '../shared/protocol/contract';
import type { createRequester } from '../shared/protocol/messenger';
import type { SettingsView } from '../shared/settings/managed';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings/schema';
import { englishT } from '../test/english';
import { OptionsApp, type OptionsDeps } from './OptionsApp';

type Worker = ReturnType<typeof createRequester<WorkerApi>>;

function fakeWorker(view: SettingsView) {
  const saved: unknown[] = [];
  const worker = vi.fn((type: string, data: unknown) => {
    switch (type) {
      case 'settings.get':
        return Promise.resolve(view);
      case 'settings.save':
        saved.push((data as { settings: Settings }).settings);
        return Promise.resolve({ ok: true, issues: [] });
      case 'auth.state':
        return Promise.resolve({ signedIn: false, profile: null });
      default:
        return Promise.reject(new Error(`unexpected ${type}`));
    }
  });
  return { worker: worker as unknown as Worker, saved };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(view: SettingsView) {
  const { worker, saved } = fakeWorker(view);
  const deps: OptionsDeps = {
    t: englishT,
    worker,
    permissions: { request: () => Promise.resolve(true), contains: () => Promise.resolve(true) },
    onBroadcast: () => () => undefined,
    download: vi.fn(),
  };
  await act(async () => {
    render(<OptionsApp deps={deps} />, root);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return { saved, deps };
}

const $ = <T extends Element>(selector: string) => {
  const element = root.querySelector<T>(selector);
  if (!element) {
    throw new Error(`no ${selector}`);
  }
  return element;
};

async function type(selector: string, value: string) {
  await act(() => {
    const input = $<HTMLInputElement>(selector);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('options page', () => {
  it('shows a field set by policy as read-only with the administrator note', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      servicenow: { ...DEFAULT_SETTINGS.servicenow, defaultRegion: 'GB' },
    };
    await mount({ settings, locked: ['servicenow.defaultRegion'], problems: [] });
    const input = $<HTMLInputElement>('#f-servicenow-defaultRegion');
    expect(input.readOnly).toBe(true);
    expect(input.value).toBe('GB');
    const note = $(
      `#${
        input
          .getAttribute('aria-describedby')
          ?.split(' ')
          .find((id) => id.endsWith('-locked')) ?? 'none'
      }`,
    );
    expect(note.textContent).toContain('Set by your administrator');
    expect($('[data-path="servicenow.popTarget"]').textContent).not.toContain('administrator');
  });

  it('lists the policy values that were ignored', async () => {
    await mount({
      settings: DEFAULT_SETTINGS,
      locked: [],
      problems: [{ path: 'servicenow.popTarget', message: 'Invalid option; ignored' }],
    });
    expect($('#policy-problems').textContent).toContain('servicenow.popTarget');
  });

  it('validates live: the error sits next to its field and Save stays disabled', async () => {
    const { saved } = await mount({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
    const save = $<HTMLButtonElement>('#save');
    expect(save.disabled).toBe(true); // nothing changed yet
    await type('#f-servicenow-defaultRegion', 'G');
    const input = $<HTMLInputElement>('#f-servicenow-defaultRegion');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect($('#f-servicenow-defaultRegion-error').textContent).toMatch(/two-letter/);
    expect(save.disabled).toBe(true);
    await type('#f-servicenow-defaultRegion', 'gb');
    expect(root.querySelector('#f-servicenow-defaultRegion-error')).toBeNull();
    expect(save.disabled).toBe(false);
    await act(async () => {
      save.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(saved).toEqual([
      { ...DEFAULT_SETTINGS, servicenow: { ...DEFAULT_SETTINGS.servicenow, defaultRegion: 'GB' } },
    ]);
  });

  it('adds an organisation only once the form is valid', async () => {
    await mount({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
    await act(() => $<HTMLButtonElement>('#profiles button.add').click());
    await type('#f-profile-name', 'Acme');
    await act(() => $<HTMLButtonElement>('.subform button[type="submit"]').click());
    expect(root.querySelector('.profile-list li')).toBeNull();
    expect($('#f-profile-clientId-error').textContent).toMatch(/OAuth client ID/);
    await act(() => {
      const select = $<HTMLSelectElement>('#f-profile-region');
      select.value = 'ap_northeast_1';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await type('#f-profile-clientId', '0b3c5f1e-2a4d-4c6e-8f10-123456789abc');
    await act(() => $<HTMLButtonElement>('.subform button[type="submit"]').click());
    expect($('.profile-list').textContent).toContain('Acme');
    expect($('.profile-list').textContent).toContain('Asia Pacific (Tokyo)');
    expect($<HTMLButtonElement>('#save').disabled).toBe(false);
  });

  it('keeps Save disabled while the screen-pop JSON is invalid', async () => {
    await mount({ settings: DEFAULT_SETTINGS, locked: [], problems: [] });
    await act(() => {
      const area = $<HTMLTextAreaElement>('#f-screenPop');
      area.value = '{"budgetMs": 5}';
      area.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect($('#screenpop .issues').textContent).toContain('budgetMs');
    expect($<HTMLButtonElement>('#save').disabled).toBe(true);
  });
});
