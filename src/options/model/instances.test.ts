import { describe, expect, it, vi } from 'vitest';
import { addInstance, grant, permissionFor, ungranted } from './instances';

function permissions(granted: boolean) {
  return {
    request: vi.fn((_: { origins: string[] }) => Promise.resolve(granted)),
    contains: () => Promise.resolve(false),
  };
}

describe('adding a ServiceNow instance', () => {
  it('needs no permission under service-now.com (the manifest covers it)', async () => {
    const port = permissions(false);
    await expect(addInstance([], 'acme.service-now.com', port)).resolves.toEqual({
      ok: true,
      instances: ['https://acme.service-now.com'],
    });
    expect(port.request).not.toHaveBeenCalled();
  });

  it('asks for https://host/* for a custom domain and adds it when granted', async () => {
    const port = permissions(true);
    const result = await addInstance(
      ['https://acme.service-now.com'],
      'https://support.acme.com:8443/now',
      port,
    );
    expect(port.request).toHaveBeenCalledWith({ origins: ['https://support.acme.com/*'] });
    expect(result).toEqual({
      ok: true,
      instances: ['https://acme.service-now.com', 'https://support.acme.com:8443'],
    });
  });

  it('does not add a custom domain when the permission is refused (or the request fails)', async () => {
    await expect(addInstance([], 'https://support.acme.com', permissions(false))).resolves.toEqual({
      ok: false,
      reason: 'denied',
    });
    const failing = {
      request: () =>
        Promise.reject(new Error('This function must be called during a user gesture')),
      contains: () => Promise.resolve(false),
    };
    await expect(addInstance([], 'https://support.acme.com', failing)).resolves.toEqual({
      ok: false,
      reason: 'denied',
    });
  });

  it('refuses invalid and duplicate entries without asking', async () => {
    const port = permissions(true);
    await expect(addInstance([], 'http://evil.example', port)).resolves.toMatchObject({
      ok: false,
      reason: 'invalid',
      message: expect.stringMatching(/https/),
    });
    await expect(
      addInstance(['https://acme.service-now.com'], 'ACME.service-now.com/', port),
    ).resolves.toEqual({ ok: false, reason: 'duplicate' });
    expect(port.request).not.toHaveBeenCalled();
  });

  it('knows which origins the manifest covers', () => {
    expect(permissionFor('https://*.service-now.com')).toBeNull();
    expect(permissionFor('http://127.0.0.1:8788')).toBeNull();
    expect(permissionFor('https://service-now.com.evil.example')).toBe(
      'https://service-now.com.evil.example/*',
    );
    expect(permissionFor('https://*.acme.com')).toBe('https://*.acme.com/*');
  });
});

describe('instances without their host permission', () => {
  it('lists custom domains not granted, and grants one from the click', async () => {
    const granted = new Set<string>(['https://ok.acme.com/*']);
    const port = {
      request: vi.fn(({ origins }: { origins: string[] }) => {
        origins.forEach((origin) => granted.add(origin));
        return Promise.resolve(true);
      }),
      contains: ({ origins }: { origins: string[] }) =>
        Promise.resolve(origins.every((o) => granted.has(o))),
    };
    const instances = [
      'https://acme.service-now.com',
      'https://ok.acme.com',
      'https://support.acme.com',
    ];
    await expect(ungranted(instances, port)).resolves.toEqual(['https://support.acme.com']);
    await expect(grant('https://support.acme.com', port)).resolves.toBe(true);
    expect(port.request).toHaveBeenCalledWith({ origins: ['https://support.acme.com/*'] });
    await expect(ungranted(instances, port)).resolves.toEqual([]);
    await expect(grant('https://acme.service-now.com', port)).resolves.toBe(true);
    expect(port.request).toHaveBeenCalledTimes(1);
  });
});
