import axe from 'axe-core';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuthState } from '../shared/protocol/messages/auth';
import type { ServiceNowCheck } from '../shared/protocol/messages/lifecycle';
import { englishT } from '../test/english';
import { micStateFromError, type MicState, type WelcomePort } from './checks';
import { Welcome } from './Welcome';

const PROFILE = { id: 'acme', name: 'Acme Support', environment: 'mypurecloud.com' };

interface World {
  auth: AuthState;
  mic: MicState;
  servicenow: ServiceNowCheck;
}

let world: World;
let root: HTMLElement;

function fakePort(): WelcomePort & { signInCalls: () => number; opened: string[] } {
  let signIns = 0;
  const opened: string[] = [];
  return {
    authState: () => Promise.resolve(world.auth),
    signIn: () => {
      signIns++;
      world.auth = { signedIn: true, profile: PROFILE };
      return Promise.resolve(world.auth);
    },
    serviceNow: () => Promise.resolve(world.servicenow),
    micState: () => Promise.resolve(world.mic),
    requestMic: () => {
      world.mic = 'granted';
      return Promise.resolve(world.mic);
    },
    openOptions: () => Promise.resolve(),
    openTab: (url) => {
      opened.push(url);
      return Promise.resolve();
    },
    signInCalls: () => signIns,
    opened,
  };
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

/** Lets effects, the checklist read and re-renders run until `done` holds (bounded). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) {
    await settle();
  }
  expect(done()).toBe(true);
}

async function mount(port: WelcomePort) {
  await act(async () => {
    render(<Welcome t={englishT} port={port} pollMs={60_000} />, root);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  await until(() => step('signin').childElementCount > 2);
}

const step = (id: string) => {
  const element = root.querySelector<HTMLElement>(`[data-step="${id}"]`);
  if (!element) {
    throw new Error(`no step ${id}`);
  }
  return element;
};
const button = (id: string) => {
  const element = step(id).querySelector('button');
  if (!element) {
    throw new Error(`no button in ${id}`);
  }
  return element;
};

beforeEach(() => {
  world = {
    auth: { signedIn: false, profile: PROFILE },
    mic: 'prompt',
    servicenow: { openUrl: 'https://acme.service-now.com/', tabs: 0, withSwitchboard: 0 },
  };
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('welcome checklist', () => {
  it('starts with three open steps and says so', async () => {
    await mount(fakePort());
    expect(root.querySelector('[role="status"]')?.textContent).toBe('0 of 3 steps done');
    for (const id of ['signin', 'mic', 'servicenow']) {
      expect(step(id).dataset['done']).toBe('false');
      expect(step(id).textContent).toContain('To do');
    }
  });

  it('ticks each step as it starts working', async () => {
    const port = fakePort();
    await mount(port);
    await act(async () => {
      button('signin').click();
    });
    await until(() => step('signin').dataset['done'] === 'true');
    expect(port.signInCalls()).toBe(1);
    expect(step('signin').textContent).toContain('Signed in to Acme Support.');

    await act(async () => {
      button('mic').click();
    });
    await until(() => step('mic').dataset['done'] === 'true');

    await act(async () => {
      button('servicenow').click();
    });
    expect(port.opened).toEqual(['https://acme.service-now.com/']);
    world.servicenow = { ...world.servicenow, tabs: 1, withSwitchboard: 1 };
    await act(async () => {
      window.dispatchEvent(new Event('focus'));
    });
    await until(() => step('servicenow').dataset['done'] === 'true');
    expect(root.querySelector('[role="status"]')?.textContent).toContain('All set');
  });

  it('sends the agent to the settings when no organisation is set up', async () => {
    world.auth = { signedIn: false, profile: null };
    const port = fakePort();
    const openOptions = vi.spyOn(port, 'openOptions');
    await mount(port);
    expect(step('signin').textContent).toContain('First add your organisation');
    await act(async () => {
      button('signin').click();
    });
    expect(openOptions).toHaveBeenCalledOnce();
  });

  it('explains a blocked microphone and a ServiceNow tab that needs a reload', async () => {
    world.mic = 'denied';
    world.servicenow = { openUrl: null, tabs: 2, withSwitchboard: 0 };
    await mount(fakePort());
    expect(step('mic').textContent).toContain('The microphone is blocked');
    expect(step('servicenow').textContent).toContain('reload the tab');
    expect(step('servicenow').querySelector('button')).toBeNull();
  });

  it('shows a failed sign-in as an alert and keeps the step open', async () => {
    const port = fakePort();
    port.signIn = () => Promise.reject(new Error('The window was closed'));
    await mount(port);
    await act(async () => {
      button('signin').click();
    });
    await until(() => root.querySelector('[role="alert"]') !== null);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'That did not work: The window was closed',
    );
    expect(step('signin').dataset['done']).toBe('false');
  });

  it('has no accessibility violations', async () => {
    await mount(fakePort());
    const result = await axe.run(root, { rules: { region: { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('microphone errors', () => {
  it('names what getUserMedia refused', () => {
    const error = (name: string) => Object.assign(new Error(name), { name });
    expect(micStateFromError(error('NotAllowedError'))).toBe('denied');
    expect(micStateFromError(error('NotFoundError'))).toBe('missing');
    expect(micStateFromError(error('AbortError'))).toBe('unknown');
    expect(micStateFromError('nope')).toBe('unknown');
  });
});
