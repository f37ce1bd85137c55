/**
 * Browser check of the ServiceNow stand-in in real Chromium: the Workspace navigates client-side
 * (a window marker survives record changes and Back), markup in data stays text, the page's g_ck
 * authenticates Table API calls, and the classic nav_to.do frame shows a list.
 *
 *   npx tsx emulators/servicenow/browser/spa-navigation.browser.ts
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launchChromium } from '../../../e2e/support/chromium';
import { SEED_NUMBERS, startServiceNow } from '../index';

const BASE = '/now/workspace/agent';
const ready = (view: string): string => `#sn-main[data-sn-state="ready"][data-sn-view="${view}"]`;

async function checkWorkspace(page: Page, url: string): Promise<void> {
  const { singleMatch, htmlNameMatch } = SEED_NUMBERS;
  await page.goto(`${url}${BASE}/home`);
  await page.waitForSelector(ready('home'));
  await page.evaluate(() => Reflect.set(window, '__snMarker', 'kept'));

  await page.click(`tr[data-sys-id="${singleMatch.sysId}"] a.sn-record-link`);
  await page.waitForSelector(ready('record'));
  assert.equal(
    new URL(page.url()).pathname,
    `${BASE}/record/customer_contact/${singleMatch.sysId}`,
  );
  assert.equal(await page.inputValue('#sn-field-phone'), singleMatch.stored);
  assert.equal(await page.textContent('.sn-phone-text[data-field="phone"]'), singleMatch.stored);

  await page.click('section[data-table="incident"] a.sn-record-link >> nth=0');
  await page.waitForSelector(`${ready('record')} #sn-record[data-table="incident"]`);
  await page.goBack();
  await page.waitForSelector(`${ready('record')} #sn-record[data-sys-id="${singleMatch.sysId}"]`);
  assert.equal(await page.evaluate(() => Reflect.get(window, '__snMarker')), 'kept');
  assert.equal(await page.getAttribute('html', 'data-sn-navigations'), '2');

  await page.evaluate(
    (path) => (Reflect.get(window, 'snWorkspace') as { navigate(p: string): void }).navigate(path),
    `${BASE}/record/customer_contact/${htmlNameMatch.sysId}`,
  );
  await page.waitForSelector(`#sn-record[data-sys-id="${htmlNameMatch.sysId}"]`);
  assert.equal(await page.textContent('#sn-record-title'), htmlNameMatch.name);
  assert.equal(await page.locator('#sn-main img').count(), 0);
  assert.equal(await page.evaluate(() => Reflect.get(window, '__snMarker')), 'kept');
}

async function checkTableApiFromPage(page: Page): Promise<void> {
  const statuses = await page.evaluate(async () => {
    const gck = String(Reflect.get(window, 'g_ck'));
    const path = '/api/now/table/customer_contact?sysparm_limit=1';
    const ok = await fetch(path, { headers: { 'X-UserToken': gck } });
    const missing = await fetch(path);
    const post = await fetch('/api/now/table/interaction', {
      method: 'POST',
      headers: { 'X-UserToken': gck, 'Content-Type': 'application/json' },
      body: JSON.stringify({ u_conversation_id: 'browser-1' }),
    });
    return [ok.status, missing.status, post.status];
  });
  assert.deepEqual(statuses, [200, 401, 201]);
}

async function checkClassic(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/nav_to.do?uri=${encodeURIComponent('/incident_list.do')}`);
  const frame = page.frameLocator('#gsft_main');
  assert.equal(await frame.locator('tr.list_row').count(), 4);
  await frame.locator('tr.list_row a.sn-record-link >> nth=0').click();
  await frame.locator('form.sn-form').waitFor();
  assert.equal(typeof (await page.evaluate(() => Reflect.get(window, 'g_ck'))), 'string');
}

const sn = await startServiceNow({ port: 0, lookupLatencyMs: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`Unexpected dialog: ${dialog.message()}`);
  });
  await checkWorkspace(page, sn.url);
  await checkTableApiFromPage(page);
  assert.equal((await sn.control.interactionsFor('browser-1')).length, 1);
  await checkClassic(page, sn.url);
  console.log('servicenow stand-in browser check: ok');
} finally {
  await browser.close();
  await sn.close();
}
