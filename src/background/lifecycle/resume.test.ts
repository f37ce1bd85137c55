import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogHub } from '../../shared/logger';
import { RESUME_TRIED_KEY, resumeSignedInAgent, type ResumePorts } from './resume';

let ports: ResumePorts;
let renew: ReturnType<typeof vi.fn<() => Promise<{ kind: string }>>>;
let token: boolean;
let signedIn: boolean;

beforeEach(() => {
  token = false;
  signedIn = true;
  renew = vi.fn(() => Promise.resolve({ kind: 'renewed' }));
  ports = {
    area: fakeBrowser.storage.session,
    hasToken: () => Promise.resolve(token),
    wasSignedIn: () => Promise.resolve(signedIn),
    renew,
    log: createLogHub({ console: null }).createLogger('test'),
  };
});

describe('resume a signed-in agent', () => {
  it('renews silently after the session storage was wiped', async () => {
    expect(await resumeSignedInAgent(ports)).toBe('renewed');
    expect(renew).toHaveBeenCalledOnce();
  });

  it('tries once per browser session, however often the worker starts', async () => {
    renew.mockResolvedValue({ kind: 'needs-agent' });
    expect(await resumeSignedInAgent(ports)).toBe('needs-agent');
    expect(await resumeSignedInAgent(ports)).toBe('already-tried');
    expect(renew).toHaveBeenCalledOnce();
    await fakeBrowser.storage.session.remove(RESUME_TRIED_KEY); // browser restart
    await resumeSignedInAgent(ports);
    expect(renew).toHaveBeenCalledTimes(2);
  });

  it('shares one attempt between concurrent starts', async () => {
    const [a, b] = await Promise.all([resumeSignedInAgent(ports), resumeSignedInAgent(ports)]);
    expect([a, b]).toEqual(['renewed', 'renewed']);
    expect(renew).toHaveBeenCalledOnce();
  });

  it('does nothing when a token is there or the agent had signed out', async () => {
    token = true;
    expect(await resumeSignedInAgent(ports)).toBe('signed-in');
    token = false;
    signedIn = false;
    expect(await resumeSignedInAgent(ports)).toBe('signed-out');
    expect(renew).not.toHaveBeenCalled();
  });
});
