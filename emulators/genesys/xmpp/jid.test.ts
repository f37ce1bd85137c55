import { describe, expect, it } from 'vitest';
import { bareOf, gjollJid, isGjollJid, parseJid, sessionIdOfGjoll } from './jid';

describe('jid', () => {
  it('splits full, bare and domain-only JIDs', () => {
    expect(parseJid('a@b.com/r/x')).toMatchObject({ local: 'a', domain: 'b.com', resource: 'r/x' });
    expect(parseJid('notifications.127.0.0.1:8787')).toMatchObject({
      local: '',
      domain: 'notifications.127.0.0.1:8787',
      resource: '',
    });
    expect(bareOf('a@b/c')).toBe('a@b');
  });

  it('builds gjoll JIDs the SDK classifies as softphone', () => {
    const jid = gjollJid('sid-1', 'acme.orgspan.com');
    expect(jid).toBe('sid-1@gjoll.acme.orgspan.com/gjoll');
    expect(/.*@.*gjoll.*/i.test(jid)).toBe(true);
    expect(isGjollJid(jid)).toBe(true);
    expect(sessionIdOfGjoll(jid)).toBe('sid-1');
    expect(sessionIdOfGjoll('a@acme.orgspan.com')).toBeUndefined();
  });
});
