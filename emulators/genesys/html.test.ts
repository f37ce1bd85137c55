import { expect, it } from 'vitest';
import { escapeHtml } from './html';

it('escapes markup and quotes', () => {
  expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
    '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
});
