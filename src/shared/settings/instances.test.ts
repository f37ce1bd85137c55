import { describe, expect, it } from 'vitest';
import { isUrlOnInstances, matchPatternFor, normaliseInstance } from './instances';

describe('normaliseInstance', () => {
  it.each([
    ['acme.service-now.com', 'https://acme.service-now.com'],
    ['https://acme.service-now.com/now/workspace/agent', 'https://acme.service-now.com'],
    ['http://127.0.0.1:8788/', 'http://127.0.0.1:8788'],
    ['http://localhost:9000', 'http://localhost:9000'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseInstance(input)).toBe(expected);
  });

  it.each([
    ['http://acme.service-now.com', /https/],
    ['ftp://acme.service-now.com', /https/],
    ['https://user:pw@acme.service-now.com', /credentials/],
    ['http://[not', /not a web address/],
  ])('rejects %s', (input, message) => {
    expect(() => normaliseInstance(input)).toThrow(message);
  });
});

describe('isUrlOnInstances', () => {
  const instances = ['https://acme.service-now.com', 'http://127.0.0.1:8788'];
  it.each([
    ['https://acme.service-now.com/now/workspace/agent/home', true],
    ['http://127.0.0.1:9999/now', true],
    ['https://evil.service-now.com/', false],
    ['http://acme.service-now.com/', false],
    ['https://acme.service-now.com.evil.example/', false],
    ['garbage', false],
  ])('%s → %s', (url, expected) => {
    expect(isUrlOnInstances(url, instances)).toBe(expected);
  });

  it('supports a wildcard subdomain instance', () => {
    expect(isUrlOnInstances('https://x.service-now.com/', ['https://*.service-now.com'])).toBe(true);
    expect(isUrlOnInstances('https://service-now.com.evil/', ['https://*.service-now.com'])).toBe(false);
  });
});

describe('matchPatternFor', () => {
  it('drops the port', () => {
    expect(matchPatternFor('http://127.0.0.1:8788')).toBe('http://127.0.0.1/*');
  });
});

describe('wildcard instances', () => {
  it('normalises and rejects malformed wildcards', () => {
    expect(normaliseInstance('https://*.Service-Now.com/')).toBe('https://*.service-now.com');
    expect(() => normaliseInstance('https://a*.service-now.com')).toThrow(/wildcard/);
    expect(() => normaliseInstance('http://*.service-now.com')).toThrow();
  });

  it('builds the match pattern', () => {
    expect(matchPatternFor('https://*.service-now.com')).toBe('https://*.service-now.com/*');
  });
});
