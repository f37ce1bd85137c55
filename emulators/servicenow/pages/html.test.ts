/** Escaping in server-rendered pages and the nav_to.do frame target. */
import { describe, expect, it } from 'vitest';
import { html, scriptLiteral } from './html';
import { innerUri } from './page-routes';

describe('html', () => {
  it('escapes interpolated text but keeps nested templates', () => {
    const name = '<img src=x onerror=alert(1)> "Mallory" & co\'s';
    const out = html`<p title="${name}">${name}${html`<b>${'<i>'}</b>`}</p>`.value;
    expect(out).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt; &quot;Mallory&quot; &amp; co&#39;s">' +
        '&lt;img src=x onerror=alert(1)&gt; &quot;Mallory&quot; &amp; co&#39;s<b>&lt;i&gt;</b></p>',
    );
  });

  it('joins arrays and drops null, undefined and false', () => {
    expect(html`${['<a>', html`<b></b>`]}${null}${undefined}${false}${0}`.value).toBe(
      '&lt;a&gt;<b></b>0',
    );
  });

  it('makes script literals that cannot close the script element', () => {
    expect(scriptLiteral('</script><script>alert(1)</script>').value).not.toContain('</script>');
  });
});

describe('innerUri', () => {
  const origin = 'http://127.0.0.1:8788';

  it('keeps same-origin paths, with or without the leading slash', () => {
    expect(innerUri('incident.do?sys_id=abc', origin)).toBe('/incident.do?sys_id=abc');
    expect(innerUri('/incident_list.do', origin)).toBe('/incident_list.do');
    expect(innerUri(`${origin}/incident_list.do`, origin)).toBe('/incident_list.do');
  });

  it('falls back for other origins and empty values', () => {
    for (const raw of [
      '//evil.example/x',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
      '',
      null,
    ]) {
      expect(innerUri(raw, origin)).toBe('/customer_contact_list.do');
    }
  });
});
