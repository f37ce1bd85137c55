/** The page token is read from the requesting document only, and refused unless it looks right. */
import { describe, expect, it, vi } from 'vitest';
import { readPageToken, senderDocumentId } from './page-token';

describe('page token', () => {
  it('returns the main-world g_ck of the requesting document', async () => {
    const execute = vi.fn().mockResolvedValue('a'.repeat(64));
    expect(await readPageToken({ tabId: 4, documentId: 'doc-1' }, execute)).toBe('a'.repeat(64));
    expect(execute).toHaveBeenCalledWith({ tabId: 4, documentId: 'doc-1' });
  });

  it.each([[null], [42], ['short'], ['has spaces in it'], ['x'.repeat(600)]])(
    'refuses %j',
    async (value) => {
      expect(await readPageToken({ tabId: 1 }, () => Promise.resolve(value))).toBeNull();
    },
  );

  it('answers null when the injection fails (tab gone, no access)', async () => {
    expect(await readPageToken({ tabId: 1 }, () => Promise.reject(new Error('No tab')))).toBeNull();
  });

  it('reads documentId from a sender when present', () => {
    expect(senderDocumentId({ documentId: 'd' })).toBe('d');
    expect(senderDocumentId({ documentId: 3 })).toBeUndefined();
    expect(senderDocumentId(null)).toBeUndefined();
  });
});
