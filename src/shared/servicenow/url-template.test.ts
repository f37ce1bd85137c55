import { describe, expect, it } from 'vitest';
import { expandTemplate, renderUrlTemplate, templateProblem } from './url-template';
import type { TemplateValues } from './url-template';

const PAGE = 'https://acme.service-now.com/now/workspace/agent/home';
const values: TemplateValues = {
  number: '+14155550101',
  name: 'Ada & <b>Lovelace</b>',
  conversationId: 'c0ffee00-1111-2222-3333-444455556666',
  attributes: { account: 'A/B 7', tricky: '{{conversationId}}' },
};

describe('renderUrlTemplate', () => {
  it('expands and URL-encodes every value', () => {
    const result = renderUrlTemplate(
      '/cti.do?sysparm_caller_phone={{number}}&name={{ name }}&acct={{attr.account}}',
      values,
      { pageUrl: PAGE },
    );
    expect(result).toEqual({
      ok: true,
      url: 'https://acme.service-now.com/cti.do?sysparm_caller_phone=%2B14155550101&name=Ada%20%26%20%3Cb%3ELovelace%3C%2Fb%3E&acct=A%2FB%207',
    });
  });

  it('expands once: a value that looks like a placeholder stays text', () => {
    const url = expandTemplate('{{attr.tricky}}', values, encodeURIComponent);
    expect(url).toBe('%7B%7BconversationId%7D%7D');
  });

  it('gives empty text for missing values', () => {
    expect(expandTemplate('[{{queue}}][{{attr.none}}]', values, (v) => v)).toBe('[][]');
  });

  it('accepts the same host and allowlisted hosts', () => {
    const options = {
      pageUrl: PAGE,
      allowedHosts: ['crm.example.com', '*.example.org', 'tools.example.net:8443'],
    };
    for (const template of [
      'https://acme.service-now.com/x?n={{number}}',
      'https://crm.example.com/find?n={{number}}',
      'https://eu.example.org/find',
      'https://tools.example.net:8443/a',
    ]) {
      expect(renderUrlTemplate(template, values, options).ok).toBe(true);
    }
  });

  it.each([
    ['https://evil.example.com/?n={{number}}', 'host'],
    ['//evil.example.com/x', 'host'],
    ['https://tools.example.net/a', 'host'],
    ['https://example.org/a', 'host'],
    ['javascript:alert({{number}})', 'scheme'],
    ['data:text/html,hi', 'scheme'],
    ['https://user:pw@acme.service-now.com/', 'credentials'],
    ['https://[bad/', 'invalid-url'],
    ['https://x/{{unknown}}', 'invalid-template'],
  ])('refuses %s (%s)', (template, reason) => {
    const options = {
      pageUrl: PAGE,
      allowedHosts: ['crm.example.com', '*.example.org', 'tools.example.net:8443'],
    };
    expect(renderUrlTemplate(template, values, options)).toEqual({ ok: false, reason });
  });

  it('does not let a value choose the host', () => {
    const hostile = { attributes: { h: 'evil.com/', u: 'https://evil.com' } };
    const options = { pageUrl: PAGE, allowedHosts: ['*.example.com'] };
    expect(renderUrlTemplate('https://{{attr.h}}.example.com/', hostile, options).ok).toBe(false);
    expect(renderUrlTemplate('{{attr.u}}', hostile, options)).toEqual({
      ok: true,
      url: 'https://acme.service-now.com/now/workspace/agent/https%3A%2F%2Fevil.com',
    });
  });
});

describe('templateProblem', () => {
  it.each([
    ['https://x/{{number}}/{{attr.Case Id}}', null],
    ['https://x/{{nope}}', 'unknown placeholder {{nope}}'],
    ['https://x/{{attr.}}', 'placeholder {{attr.}} needs an attribute name'],
    ['https://x/{{number}', 'unbalanced {{ or }} in template'],
  ])('%s', (template, problem) => {
    expect(templateProblem(template)).toBe(problem);
  });
});
