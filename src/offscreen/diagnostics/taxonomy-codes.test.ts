import { describe, expect, it } from 'vitest';
import { isErrorCode } from '../../shared/diagnostics';
import { describeReason, SESSION_ERROR_REASONS } from '../../shared/session/errors';
import { call, snapshot } from '../../test/snapshots';
import { taxonomyError, withTaxonomyCodes } from './taxonomy-codes';

describe('taxonomy codes in snapshots', () => {
  it.each(SESSION_ERROR_REASONS)('maps the machine reason %s onto the taxonomy', (reason) => {
    const mapped = taxonomyError(describeReason(reason, 'detail text'));
    expect(isErrorCode(mapped.code)).toBe(true);
    expect(mapped.message).toBe('detail text');
  });

  it('keeps taxonomy codes and classifies unknown codes from the message', () => {
    const kept = { code: 'turn.permission-refused', message: '403' };
    expect(taxonomyError(kept)).toBe(kept);
    expect(taxonomyError({ code: 'weird', message: 'Failed to fetch' }).code).toBe(
      'network.unreachable',
    );
    expect(taxonomyError({ code: 'call.lost', message: 'lost' }).code).toBe(
      'signalling.disconnected',
    );
  });

  it('rewrites the connection error and every call error, nothing else', () => {
    const base = snapshot({
      connection: { state: 'failed', error: { code: 'auth.rejected', message: 'nope' } },
      calls: [
        call({ conversationId: 'a', error: { code: 'media.failed', message: 'm' } }),
        call({ conversationId: 'b', error: { code: 'call.lost', message: 'gone' } }),
        call({ conversationId: 'c' }),
      ],
    });
    const out = withTaxonomyCodes(base);
    expect(out.connection.error).toEqual({ code: 'auth.invalid-token', message: 'nope' });
    expect(out.calls.map((c) => c.error?.code)).toEqual([
      'media.failed',
      'signalling.disconnected',
      undefined,
    ]);
    expect(out.seq).toBe(base.seq);
  });
});
