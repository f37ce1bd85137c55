import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RecordSummary } from '../../shared/records/types';
import { englishT } from '../../test/english';
import { RecordsPanel } from './RecordsPanel';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('unsaved records in the pop', () => {
  it('says why a stopped write stopped in words, not the server text, and offers Retry', () => {
    const job: RecordSummary = {
      conversationId: 'c1',
      status: 'failed',
      attributes: 'pending',
      remote: 'Jane',
      error: { code: 'servicenow.acl-denied', message: 'User Not Authorized', status: 403 },
    };
    const actions = { wrapup: vi.fn(), retry: vi.fn() };
    render(<RecordsPanel jobs={[job]} t={englishT} actions={actions} />, root);
    const notice = root.querySelector('.sb-record[data-conversation-id="c1"]');
    expect(notice?.textContent).toContain(
      'stopped: ServiceNow refused: no permission to write interactions (403)',
    );
    expect(notice?.textContent).not.toContain('User Not Authorized');
    notice?.querySelector('button')?.click();
    expect(actions.retry).toHaveBeenCalledWith('c1');
  });
});
