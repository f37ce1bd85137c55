import { describe, expect, it } from 'vitest';
import { call } from '../../test/snapshots';
import { glideTime, interactionFields, outcomeOf } from './fields';
import { matchedRecordOf } from './matched';
import { recordAttributes } from './attributes';

const T0 = Date.UTC(2025, 0, 31, 14, 5, 9);

describe('interaction fields', () => {
  it('maps an answered, recorded call with its whole timeline and context', () => {
    const fields = interactionFields(
      call({
        conversationId: 'c1',
        state: 'ended',
        queue: 'Support',
        alertedAt: T0,
        answeredAt: T0 + 2000,
        mediaConnectedAt: T0 + 2500,
        endedAt: T0 + 60_000,
        recordingId: 'rec-1',
      }),
      {
        holds: 2,
        heldAt: T0 + 10_000,
        agent: 'Agent One (u1)',
        matched: { table: 'customer_contact', sysId: 'a'.repeat(32) },
        wrapup: { code: 'w1', name: 'Resolved', notes: 'ok' },
      },
    );
    expect(fields).toMatchObject({
      u_conversation_id: 'c1',
      direction: 'inbound',
      state: 'closed_complete',
      u_caller_phone: '+44 20 7946 0018',
      u_queue: 'Support',
      u_agent: 'Agent One (u1)',
      u_matched_table: 'customer_contact',
      contact: 'a'.repeat(32),
      u_alerted_at: '2025-01-31 14:05:09',
      u_answered_at: '2025-01-31 14:05:11',
      u_media_connected_at: '2025-01-31 14:05:11',
      u_held_at: '2025-01-31 14:05:19',
      u_hold_count: '2',
      u_ended_at: '2025-01-31 14:06:09',
      u_outcome: 'answered',
      u_recording_id: 'rec-1',
      u_recording_status: 'recorded',
      u_no_recording_reason: '',
      u_wrapup_code: 'w1',
      u_wrapup_notes: 'ok',
    });
  });

  it('says why there is no recording when the media never connected', () => {
    const declined = interactionFields(call({ conversationId: 'c2', state: 'declined' }), {
      holds: 0,
    });
    expect(declined).toMatchObject({
      u_outcome: 'declined',
      u_recording_id: '',
      u_recording_status: 'none',
      u_no_recording_reason: 'media-never-connected',
      u_media_connected_at: '',
    });
    const failed = interactionFields(
      call({
        conversationId: 'c3',
        state: 'failed',
        answeredAt: 5,
        error: { code: 'media.ice-failed', message: 'no route' },
      }),
      { holds: 0 },
    );
    expect(failed).toMatchObject({ u_outcome: 'failed', u_error_code: 'media.ice-failed' });
  });

  it('keeps a live call pending and an unanswered end as missed', () => {
    const live = call({ conversationId: 'c4', state: 'connected' });
    expect(interactionFields(live, { holds: 0 })['u_recording_status']).toBe('pending');
    expect(outcomeOf(call({ conversationId: 'c5', state: 'ended' }))).toBe('missed');
    expect(glideTime(undefined)).toBe('');
  });
});

describe('matched records and attributes', () => {
  it('reads Workspace and classic record URLs, nothing else', () => {
    const id = 'b'.repeat(32);
    expect(
      matchedRecordOf(`https://x.service-now.com/now/workspace/agent/record/incident/${id}`),
    ).toEqual({ table: 'incident', sysId: id });
    expect(matchedRecordOf(`https://x.service-now.com/sys_user.do?sys_id=${id}`)).toEqual({
      table: 'sys_user',
      sysId: id,
    });
    expect(matchedRecordOf('https://x.service-now.com/now/workspace/agent/home')).toBeNull();
    expect(matchedRecordOf('not a url')).toBeNull();
  });

  it('caps the attributes in size', () => {
    const attrs = recordAttributes({
      sysId: 'c'.repeat(32),
      number: 'INT1',
      instance: 'x'.repeat(5000),
    });
    expect(attrs['sn_interaction_sys_id']).toBe('c'.repeat(32));
    expect(attrs['sn_instance']?.length).toBe(256);
    expect(JSON.stringify(attrs).length).toBeLessThan(1024);
  });
});
