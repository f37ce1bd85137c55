import { describe, expect, it } from 'vitest';
import { englishT } from '../../test/english';
import { call, snapshot } from '../../test/snapshots';
import { BADGE_COLORS, badgeFor, showBadge } from './badge';

describe('badge', () => {
  it('rings before anything else, naming the caller in the title', () => {
    const s = snapshot({
      connection: { state: 'reconnecting' },
      calls: [call({ conversationId: 'a', state: 'connected' }), call({ conversationId: 'b' })],
    });
    expect(badgeFor(s, englishT)).toEqual({
      text: 'RING',
      color: BADGE_COLORS.ringing,
      title: 'Switchboard: Call from Ada Lovelace',
    });
  });

  it('shows a call in progress', () => {
    const s = snapshot({
      calls: [call({ conversationId: 'a', state: 'connected', remote: { number: '+1 555' } })],
    });
    expect(badgeFor(s, englishT)).toMatchObject({
      text: 'CALL',
      color: BADGE_COLORS.onCall,
      title: 'Switchboard: On call with +1 555',
    });
  });

  it.each([
    ['failed', 'Connection failed'],
    ['mic-blocked', 'Microphone not allowed'],
    ['reconnecting', 'Reconnecting…'],
    ['backing-off', 'Waiting to reconnect…'],
  ] as const)('flags a problem: %s', (state, words) => {
    const badge = badgeFor(
      snapshot({ connection: { state, error: { code: 'x', message: 'Port 443 blocked' } } }),
      englishT,
    );
    expect(badge).toEqual({
      text: '!',
      color: BADGE_COLORS.problem,
      title: `Switchboard: ${words} (Port 443 blocked)`,
    });
  });

  it('is empty when all is well, the title still saying the state', () => {
    expect(badgeFor(snapshot(), englishT)).toEqual({
      text: '',
      color: BADGE_COLORS.idle,
      title: 'Switchboard: Connected',
    });
    expect(badgeFor(null, englishT).title).toBe('Switchboard: Stopped');
  });

  it('sets text, colours and title on the action', async () => {
    const calls: string[] = [];
    const record = (name: string) => (details: object) => {
      calls.push(`${name} ${JSON.stringify(details)}`);
      return Promise.resolve();
    };
    await showBadge(
      {
        setBadgeText: record('text'),
        setBadgeBackgroundColor: record('bg'),
        setBadgeTextColor: record('fg'),
        setTitle: record('title'),
      },
      { text: '!', color: '#b91c1c', title: 'x' },
    );
    expect(calls).toEqual([
      'text {"text":"!"}',
      'bg {"color":"#b91c1c"}',
      'fg {"color":"#ffffff"}',
      'title {"title":"x"}',
    ]);
  });
});
