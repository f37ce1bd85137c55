import { describe, expect, it } from 'vitest';
import { newRecordUrl, pageKind, recordUrl } from './urls';

const SYS_ID = '0123456789abcdef0123456789abcdef';
const WORKSPACE = 'https://acme.service-now.com/now/workspace/agent/home';
const CWF = 'https://acme.service-now.com/now/cwf/agent/list/incident';
const CLASSIC = 'https://acme.service-now.com/nav_to.do?uri=incident_list.do';

describe('pageKind', () => {
  it.each([
    [WORKSPACE, { kind: 'workspace', prefix: '/now/workspace/agent' }],
    [CWF, { kind: 'workspace', prefix: '/now/cwf/agent' }],
    [
      'https://acme.service-now.com/now/workspace/agent',
      { kind: 'workspace', prefix: '/now/workspace/agent' },
    ],
    [CLASSIC, { kind: 'classic' }],
    ['https://acme.service-now.com/now/workspace/agentx/home', { kind: 'classic' }],
    ['https://acme.service-now.com/x/now/workspace/agent/home', { kind: 'classic' }],
  ])('%s', (url, expected) => {
    expect(pageKind(url)).toEqual(expected);
  });
});

describe('recordUrl', () => {
  it('opens workspace records under the page prefix', () => {
    expect(recordUrl(WORKSPACE, 'customer_contact', SYS_ID)).toBe(
      `https://acme.service-now.com/now/workspace/agent/record/customer_contact/${SYS_ID}`,
    );
    expect(recordUrl(CWF, 'sys_user', SYS_ID)).toBe(
      `https://acme.service-now.com/now/cwf/agent/record/sys_user/${SYS_ID}`,
    );
  });

  it('opens classic forms elsewhere', () => {
    expect(recordUrl(CLASSIC, 'sys_user', SYS_ID)).toBe(
      `https://acme.service-now.com/sys_user.do?sys_id=${SYS_ID}`,
    );
  });

  it('refuses anything but a table name and a sys_id', () => {
    expect(() => recordUrl(WORKSPACE, 'sys_user/../x', SYS_ID)).toThrow(TypeError);
    expect(() => recordUrl(WORKSPACE, 'sys_user', `${SYS_ID}/../../x`)).toThrow(TypeError);
    expect(() => recordUrl(WORKSPACE, 'sys_user', '-1')).toThrow(TypeError);
  });
});

describe('newRecordUrl', () => {
  const fields = {
    direction: 'inbound',
    short_description: 'Call from <img src=x onerror=alert(1)>^ORsys_id!=x',
  };

  it('prefills a classic form with sysparm_query', () => {
    const url = new URL(newRecordUrl(CLASSIC, 'interaction', fields));
    expect(url.pathname).toBe('/interaction.do');
    expect(url.searchParams.get('sys_id')).toBe('-1');
    const query = url.searchParams.get('sysparm_query') ?? '';
    expect(query.split('^')).toHaveLength(2);
    expect(query).toBe(
      'direction=inbound^short_description=Call from <img src x onerror alert(1)> ORsys_id! x',
    );
  });

  it('prefills a workspace record with ?query=', () => {
    const url = new URL(newRecordUrl(WORKSPACE, 'interaction', fields));
    expect(url.origin + url.pathname).toBe(
      'https://acme.service-now.com/now/workspace/agent/record/interaction/-1',
    );
    expect(url.searchParams.get('query')?.split('^')).toHaveLength(2);
  });

  it('has no query when there is nothing to prefill', () => {
    expect(newRecordUrl(WORKSPACE, 'interaction', {})).toBe(
      'https://acme.service-now.com/now/workspace/agent/record/interaction/-1',
    );
  });

  it('refuses bad field names', () => {
    expect(() => newRecordUrl(WORKSPACE, 'interaction', { 'a^b': '1' })).toThrow(TypeError);
  });
});
