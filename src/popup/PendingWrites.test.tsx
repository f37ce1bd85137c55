import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordSummary } from '../shared/records/types';
import { englishT } from '../test/english';
import { PendingWrites, RECORDS_POLL_MS } from './PendingWrites';

let root: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
});

const denied: RecordSummary = {
  conversationId: 'c1',
  status: 'failed',
  attributes: 'pending',
  remote: '<b>Jane</b>',
  error: { code: 'servicenow.acl-denied', message: 'User Not Authorized', status: 403 },
};

async function mount(states: RecordSummary[][]) {
  const calls: string[] = [];
  let current = states.shift() ?? [];
  const worker = vi.fn((type: string) => {
    calls.push(type);
    if (type === 'records.retry') {
      current = states.shift() ?? current;
    }
    return Promise.resolve({ jobs: current });
  });
  await act(async () => {
    render(<PendingWrites t={englishT} worker={worker} />, root);
    await vi.advanceTimersByTimeAsync(0);
  });
  return { calls, next: (jobs: RecordSummary[]) => (current = jobs) };
}

describe('records not saved, in the popup', () => {
  it('shows nothing while every record is saved', async () => {
    await mount([[{ conversationId: 'c0', status: 'done', attributes: 'done' }]]);
    expect(root.querySelector('.records')).toBeNull();
  });

  it('lists a stopped write with its reason in words, the caller as text', async () => {
    await mount([[denied]]);
    const section = root.querySelector('section.records');
    expect(section?.getAttribute('aria-labelledby')).toBe('records-title');
    expect(root.querySelector('#records-title')?.textContent).toBe('Records not saved: 1');
    const item = root.querySelector('li[data-conversation-id="c1"]');
    expect(item?.querySelector('.caller')?.textContent).toBe('<b>Jane</b>');
    expect(item?.querySelector('b')).toBeNull();
    expect(item?.textContent).toContain(
      'ServiceNow refused: no permission to write interactions (403)',
    );
  });

  it('Retry now asks the worker to retry every write and shows the answer', async () => {
    const { calls } = await mount([[denied], []]);
    const button = root.querySelector('button');
    expect(button?.textContent).toBe('Retry now');
    await act(async () => {
      button?.click();
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(calls).toContain('records.retry');
    expect(root.querySelector('.records')).toBeNull();
  });

  it('follows the queue while open', async () => {
    const { next } = await mount([[]]);
    expect(root.querySelector('.records')).toBeNull();
    const { error: _error, ...withoutError } = denied;
    next([{ ...withoutError, status: 'waiting' }]);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(RECORDS_POLL_MS);
    });
    expect(root.querySelector('li')?.textContent).toContain('waiting for a ServiceNow tab.');
  });
});
