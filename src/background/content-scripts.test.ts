/** Custom ServiceNow hosts get the content script once their permission is granted. */
import { describe, expect, it } from 'vitest';
import { customPatterns, syncContentScripts, type ScriptingPort } from './content-scripts';

function fakePort(granted: string[]) {
  let registered: string[] | null = null;
  const calls: string[] = [];
  const port: ScriptingPort = {
    granted: (pattern) => Promise.resolve(granted.includes(pattern)),
    registered: () => Promise.resolve(registered),
    register: (matches) => {
      calls.push(`register ${matches.join(',')}`);
      registered = matches;
      return Promise.resolve();
    },
    update: (matches) => {
      calls.push(`update ${matches.join(',')}`);
      registered = matches;
      return Promise.resolve();
    },
    unregister: () => {
      calls.push('unregister');
      registered = null;
      return Promise.resolve();
    },
  };
  return { port, calls, granted };
}

describe('custom host content scripts', () => {
  it('leaves hosts the manifest covers to the manifest', () => {
    expect(
      customPatterns([
        'https://*.service-now.com',
        'https://acme.service-now.com',
        'https://servicedesk.acme.com',
        'https://*.acme.net',
        'http://127.0.0.1:8788',
        'https://servicedesk.acme.com',
      ]),
    ).toEqual(['https://servicedesk.acme.com/*', 'https://*.acme.net/*']);
  });

  it('registers only granted hosts, updates on change, unregisters when none is left', async () => {
    const fake = fakePort(['https://servicedesk.acme.com/*']);
    const instances = ['https://servicedesk.acme.com', 'https://itsm.acme.org'];
    expect(await syncContentScripts(instances, fake.port)).toEqual([
      'https://servicedesk.acme.com/*',
    ]);
    fake.granted.push('https://itsm.acme.org/*');
    await syncContentScripts(instances, fake.port);
    await syncContentScripts(instances, fake.port); // no change: no call
    await syncContentScripts(['https://acme.service-now.com'], fake.port);
    await syncContentScripts([], fake.port);
    expect(fake.calls).toEqual([
      'register https://servicedesk.acme.com/*',
      'update https://servicedesk.acme.com/*,https://itsm.acme.org/*',
      'unregister',
    ]);
  });

  it('runs one sync at a time', async () => {
    const fake = fakePort(['https://a.example.com/*']);
    await Promise.all([
      syncContentScripts(['https://a.example.com'], fake.port),
      syncContentScripts(['https://a.example.com'], fake.port),
    ]);
    expect(fake.calls).toEqual(['register https://a.example.com/*']);
  });
});
