/** Where the agent is: typing or not, and which record an element belongs to. */
import { afterEach, describe, expect, it } from 'vitest';
import { isEditing, recordAround } from './page-context';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

afterEach(() => document.body.replaceChildren());

describe('page context', () => {
  it('knows when the agent is typing in a field, also inside a page shadow root', () => {
    document.body.innerHTML =
      '<input id="i"><input id="r" readonly><button id="b">x</button><div id="host"></div>';
    expect(isEditing()).toBe(false);
    (document.getElementById('i') as HTMLInputElement).focus();
    expect(isEditing()).toBe(true);
    (document.getElementById('r') as HTMLInputElement).focus();
    expect(isEditing()).toBe(false);
    (document.getElementById('b') as HTMLButtonElement).focus();
    expect(isEditing()).toBe(false);
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<textarea></textarea>';
    root.querySelector('textarea')!.focus();
    expect(isEditing()).toBe(true);
  });

  it('finds the record of a list row, then of the page URL', () => {
    document.body.innerHTML = `<table data-table="incident"><tr data-sys-id="${A}"><td id="cell">x</td></tr></table><p id="free">y</p>`;
    const page = `https://acme.service-now.com/now/workspace/agent/record/customer_contact/${B}`;
    expect(recordAround(document.getElementById('cell')!, page)).toEqual({
      table: 'incident',
      sysId: A,
    });
    expect(recordAround(document.getElementById('free')!, page)).toEqual({
      table: 'customer_contact',
      sysId: B,
    });
    expect(
      recordAround(
        document.getElementById('free')!,
        `https://acme.service-now.com/sys_user.do?sys_id=${B}`,
      ),
    ).toEqual({ table: 'sys_user', sysId: B });
    expect(
      recordAround(
        document.getElementById('free')!,
        'https://acme.service-now.com/now/workspace/agent/home',
      ),
    ).toBeNull();
  });

  it('refuses values that are not a table and a sys_id', () => {
    document.body.innerHTML = `<table data-table="x^y"><tr data-sys-id="${A}"><td id="cell">x</td></tr></table>`;
    expect(
      recordAround(
        document.getElementById('cell')!,
        'https://acme.service-now.com/incident.do?sys_id=javascript:1',
      ),
    ).toBeNull();
  });
});
