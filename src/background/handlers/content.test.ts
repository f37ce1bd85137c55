/** The worker's answers to ServiceNow tabs: configuration, claims, the page token and numbers. */
import { describe, expect, it } from 'vitest';
import type { HandlerMeta } from '../../shared/protocol/messenger';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings/schema';
import type { RelayPorts } from '../relay';
import { contentHandlers } from './content';

const ports = (target: number): RelayPorts => ({
  queryTabs: () =>
    Promise.resolve([
      { id: 7, windowId: 1, active: true },
      { id: 8, windowId: 1, active: false },
    ]),
  sendToTab: () => Promise.resolve(null),
  sendToPages: () => Promise.resolve(null),
  pickTarget: () => Promise.resolve(target),
});
const meta = (tabId: number | undefined, extra: object = {}): HandlerMeta => ({
  from: 'content',
  sender: {
    id: 'x',
    url: 'https://acme.service-now.com/',
    ...(tabId === undefined ? {} : { tab: { id: tabId } }),
    ...extra,
  },
});

function handlers(settings: Settings = DEFAULT_SETTINGS, target = 7) {
  return contentHandlers(
    { settings: () => settings },
    { ports: ports(target), execute: () => Promise.resolve('f'.repeat(64)) },
  );
}

describe('content handlers', () => {
  it('answers the screen-pop configuration and whether the tab is the target', async () => {
    const answer = await handlers()['content.config'](null, meta(7));
    expect(answer.popTarget).toBe(true);
    expect(answer.config.defaultRegion).toBe('US');
    expect(answer.config.screenPop.rules[0]?.id).toBe('default-caller-lookup');
    expect((await handlers()['content.config'](null, meta(8))).popTarget).toBe(false);
    expect(JSON.stringify(answer)).not.toMatch(/token/i);
  });

  it('prefers the screen-pop region over the ServiceNow default', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      screenPop: { ...DEFAULT_SETTINGS.screenPop, defaultRegion: 'GB' as const },
    };
    expect((await handlers(settings)['content.config'](null, meta(7))).config.defaultRegion).toBe(
      'GB',
    );
  });

  it('grants one claim per call and trigger; per tab when every tab pops', async () => {
    const h = handlers();
    const claim = { conversationId: 'c1', trigger: 'alert' as const };
    expect(await h['content.claim'](claim, meta(7))).toEqual({ granted: true });
    expect(await h['content.claim'](claim, meta(8))).toEqual({ granted: false });
    const all = handlers({
      ...DEFAULT_SETTINGS,
      servicenow: { ...DEFAULT_SETTINGS.servicenow, popTarget: 'all' },
    });
    const other = { conversationId: 'c2', trigger: 'alert' as const };
    expect(await all['content.claim'](other, meta(7))).toEqual({ granted: true });
    expect(await all['content.claim'](other, meta(8))).toEqual({ granted: true });
  });

  it('refuses claims and tokens without a tab', async () => {
    await expect(
      handlers()['content.claim']({ conversationId: 'c', trigger: 'alert' }, meta(undefined)),
    ).rejects.toThrow(/tab/);
    await expect(handlers()['content.pageToken'](null, meta(undefined))).rejects.toThrow(/tab/);
  });

  it('reads the page token of the asking document', async () => {
    const seen: unknown[] = [];
    const h = contentHandlers(
      { settings: () => DEFAULT_SETTINGS },
      {
        execute: (target) => {
          seen.push(target);
          return Promise.resolve('a1b2c3d4e5f6');
        },
      },
    );
    expect(await h['content.pageToken'](null, meta(7, { documentId: 'doc-9' }))).toEqual({
      token: 'a1b2c3d4e5f6',
    });
    expect(seen).toEqual([{ tabId: 7, documentId: 'doc-9' }]);
  });

  it('tells click-to-dial which texts are numbers, in the configured region', async () => {
    const texts = ['(415) 555-0101', '+44 20 7946 0018', '12', 'INC0010001'];
    const us = await handlers()['content.numbers']({ texts }, meta(7));
    expect(us.numbers).toEqual(['+14155550101', '+442079460018', null, null]);
    const settings = {
      ...DEFAULT_SETTINGS,
      screenPop: { ...DEFAULT_SETTINGS.screenPop, defaultRegion: 'GB' as const },
    };
    const gb = await handlers(settings)['content.numbers']({ texts: ['020 7946 0018'] }, meta(7));
    expect(gb.numbers).toEqual(['+442079460018']);
  });

  it('gives a call’s numbers to the screen pop with their search variants, in the configured region', async () => {
    const texts = ['(415) 555-0101', 'sip:+18005550199@example.com', 'anonymous'];
    const { phones } = await handlers()['content.phones']({ texts }, meta(7));
    expect(phones.map((p) => p?.e164 ?? null)).toEqual(['+14155550101', '+18005550199', null]);
    expect(phones[0]?.variants).toEqual(expect.arrayContaining(['+14155550101', '415-555-0101']));
    expect(phones[0]?.variants.every((v) => /^[+\d\s().-]+$/.test(v))).toBe(true);
  });
});
