import { describe, expect, it } from 'vitest';
import { Router, parseBody } from './http';

describe('Router', () => {
  const router = new Router()
    .add('GET', '/users/me', () => ({ status: 200, body: 'me' }))
    .add('GET', '/users/:id', () => ({ status: 200 }))
    .add('PATCH', '/conversations/calls/:cid/participants/:pid', () => ({ status: 202 }));

  it('prefers routes in the order they were added and extracts params', () => {
    const me = router.match('GET', '/users/me');
    expect(me !== 'method' && me?.params).toEqual({});
    const m = router.match('PATCH', '/conversations/calls/c%201/participants/p1');
    expect(m !== 'method' && m?.params).toEqual({ cid: 'c 1', pid: 'p1' });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('DELETE', '/users/x')).toBe('method');
    expect(router.match('GET', '/nope')).toBeUndefined();
  });
});

describe('parseBody', () => {
  it('parses JSON, forms and keeps other text', () => {
    expect(parseBody('{"a":1}', 'application/json')).toEqual({ a: 1 });
    expect(parseBody('a=1&b=x%20y', 'application/x-www-form-urlencoded')).toEqual({
      a: '1',
      b: 'x y',
    });
    expect(parseBody('hello', 'text/plain')).toBe('hello');
    expect(parseBody('', undefined)).toBeUndefined();
  });
});
