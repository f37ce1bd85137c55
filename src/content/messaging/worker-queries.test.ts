/** A call's numbers come from the worker in batches, and a malformed answer is refused. */
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../shared/screenpop/phone';
import type { RequestWorker } from './worker-link';
import { createWorkerQueries } from './worker-queries';

function worker(answer: (texts: string[]) => unknown) {
  const asked: string[][] = [];
  const request = ((type: string, data: { texts: string[] }) => {
    expect(type).toBe('content.phones');
    asked.push(data.texts);
    return Promise.resolve(answer(data.texts));
  }) as unknown as RequestWorker;
  return { asked, queries: createWorkerQueries(request) };
}

const parsed = (texts: string[]) => ({
  phones: texts.map((text) => parsePhone(text, { defaultRegion: 'US' })),
});

describe('worker queries: content.phones', () => {
  it('pairs each text with its parsed number, asking at most 100 texts at a time', async () => {
    const texts = [
      '415-555-0101',
      'anonymous',
      ...Array.from({ length: 150 }, (_, i) => `+1415555${1000 + i}`),
    ];
    const { asked, queries } = worker(parsed);
    const entries = await queries.phones(texts);
    expect(asked.map((batch) => batch.length)).toEqual([100, 52]);
    expect(entries.map(([text]) => text)).toEqual(texts);
    expect(entries[0]?.[1]?.e164).toBe('+14155550101');
    expect(entries[0]?.[1]?.variants).toContain('(415) 555-0101');
    expect(entries[1]?.[1]).toBeNull();
  });

  it.each([
    ['no answer', () => null],
    ['too few', () => ({ phones: [] })],
    ['a bad E.164', () => ({ phones: [{ e164: '4155550101', variants: [] }] })],
    ['a variant with markup', () => ({ phones: [{ e164: '+14155550101', variants: ['<b>'] }] })],
    ['variants not a list', () => ({ phones: [{ e164: '+14155550101', variants: 'x' }] })],
    [
      'too many variants',
      () => ({ phones: [{ e164: '+14155550101', variants: Array(21).fill('4155550101') }] }),
    ],
  ])('refuses %s', async (_name, answer) => {
    const { queries } = worker(answer);
    await expect(queries.phones(['415-555-0101'])).rejects.toMatchObject({
      code: 'protocol.bad-reply',
    });
  });
});
