import { describe, expect, it } from 'vitest';
import { classifySender, type SenderPolicy } from './sender';

const policy: SenderPolicy = {
  extensionId: 'abc',
  extensionOrigin: 'chrome-extension://abc',
  offscreenPath: '/src/offscreen/offscreen.html',
  uiPathPrefixes: ['/src/options/', '/src/popup/'],
  isContentUrlAllowed: (url) => new URL(url).hostname.endsWith('.service-now.com'),
};

describe('classifySender', () => {
  it.each([
    [{ id: 'abc', url: 'chrome-extension://abc/src/offscreen/offscreen.html' }, 'offscreen'],
    [{ id: 'abc', url: 'chrome-extension://abc/service-worker-loader.js' }, 'worker'],
    [{ id: 'abc', url: 'chrome-extension://abc/sw.js' }, 'worker'],
    [{ id: 'abc', url: 'chrome-extension://abc/src/popup/popup.html' }, 'ui'],
    [{ id: 'abc', url: 'chrome-extension://abc/src/options/options.html', tab: { id: 3 } }, 'ui'],
    [
      { id: 'abc', url: 'https://acme.service-now.com/now/workspace/agent', tab: { id: 4 } },
      'content',
    ],
  ] as const)('recognises %j as %s', (sender, expected) => {
    expect(classifySender(sender, policy)).toBe(expected);
  });

  it.each([
    [
      'another extension',
      { id: 'evil', url: 'chrome-extension://evil/src/offscreen/offscreen.html' },
    ],
    ['no id', { url: 'chrome-extension://abc/src/offscreen/offscreen.html' }],
    [
      'offscreen path inside a tab',
      { id: 'abc', url: 'chrome-extension://abc/src/offscreen/offscreen.html', tab: { id: 1 } },
    ],
    ['unknown extension page', { id: 'abc', url: 'chrome-extension://abc/other.html' }],
    [
      'a script URL inside a tab',
      { id: 'abc', url: 'chrome-extension://abc/sw.js', tab: { id: 2 } },
    ],
    [
      'content script on a host not configured',
      { id: 'abc', url: 'https://evil.example/', tab: { id: 5 } },
    ],
    ['content script without a tab', { id: 'abc', url: 'https://acme.service-now.com/' }],
    ['no url', { id: 'abc' }],
    ['garbage url', { id: 'abc', url: 'not a url', tab: { id: 1 } }],
  ])('rejects %s', (_label, sender) => {
    expect(classifySender(sender, policy)).toBeNull();
  });
});
