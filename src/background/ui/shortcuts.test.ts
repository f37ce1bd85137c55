import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { call, snapshot } from '../../test/snapshots';
import { SHORTCUTS, commandForShortcut } from './shortcuts';

describe('keyboard shortcuts', () => {
  const ringing = call({ conversationId: 'r1', alertedAt: 2_000 });
  const older = call({ conversationId: 'r0', alertedAt: 1_000 });
  const talking = call({ conversationId: 'c1', state: 'connected', answeredAt: 5_000 });
  const held = call({ conversationId: 'c0', state: 'connected', held: true, answeredAt: 9_000 });

  it('answers the call ringing longest', () => {
    const s = snapshot({ calls: [ringing, older, talking] });
    expect(commandForShortcut('answer-call', s)).toEqual({ type: 'answer', conversationId: 'r0' });
  });

  it('never answers an outbound call that is alerting at the far end', () => {
    const s = snapshot({ calls: [call({ conversationId: 'o', direction: 'outbound' })] });
    expect(commandForShortcut('answer-call', s)).toBeNull();
  });

  it('hangs up, mutes and holds the call being talked on, not the held one', () => {
    const s = snapshot({ calls: [held, talking, ringing] });
    expect(commandForShortcut('hang-up', s)).toEqual({ type: 'hangup', conversationId: 'c1' });
    expect(commandForShortcut('toggle-mute', s)).toEqual({
      type: 'mute',
      conversationId: 'c1',
      muted: true,
    });
    expect(commandForShortcut('toggle-hold', s)).toEqual({
      type: 'hold',
      conversationId: 'c1',
      held: true,
    });
  });

  it('toggles back: unmute a muted call, resume the only (held) call', () => {
    const s = snapshot({ calls: [{ ...held, muted: true }] });
    expect(commandForShortcut('toggle-mute', s)).toMatchObject({ muted: false });
    expect(commandForShortcut('toggle-hold', s)).toMatchObject({ held: false });
  });

  it('does nothing without a call it applies to', () => {
    expect(commandForShortcut('hang-up', snapshot({ calls: [ringing] }))).toBeNull();
    expect(commandForShortcut('answer-call', null)).toBeNull();
    const connecting = call({ conversationId: 'x', state: 'connecting' });
    expect(commandForShortcut('toggle-hold', snapshot({ calls: [connecting] }))).toBeNull();
  });

  it('matches the manifest: four call commands with suggested keys, the rest unbound, all translated', () => {
    const commands = manifest.commands as Record<
      string,
      { suggested_key?: { default: string }; description: string }
    >;
    const bound = Object.entries(commands).filter(([, c]) => c.suggested_key !== undefined);
    expect(bound.map(([name]) => name).sort()).toEqual([...SHORTCUTS].sort());
    expect(Object.keys(commands)).toContain('toggle-queue');
    for (const command of Object.values(commands)) {
      if (command.suggested_key) {
        expect(command.suggested_key.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
      }
      expect(command.description).toMatch(/^__MSG_\w+__$/);
    }
  });
});
