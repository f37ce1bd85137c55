// The console page: places a call and shows it, rendering caller-supplied values as text.
import { describe, expect, it } from 'vitest';
import { useContractEnv } from './support';

const env = useContractEnv();

describe('console page', () => {
  it('places a call from the form and lists it without interpreting markup', async () => {
    const { emu, browser } = await env.fresh();
    const page = await browser.newPage();
    try {
      await page.goto(`${emu.url}/`);
      await page.waitForSelector('#to option', { state: 'attached', timeout: 5_000 });
      await page.fill('#from', '<img src=x id=injected>');
      await page.fill('#attributes', '{"note":"<b id=bold>x</b>"}');
      await page.click('#place button[type=submit]', { timeout: 5_000 });
      await page.waitForFunction(() => document.querySelectorAll('#calls tr').length === 1, null, {
        timeout: 5_000,
      });
      expect(await page.locator('#calls').innerText()).toContain('<img src=x id=injected>');
      expect(await page.locator('#injected, #bold').count()).toBe(0);
      const [call] = await emu.control.calls();
      expect(call?.customer).toBe('<img src=x id=injected>');
      expect((await emu.control.call(call?.conversationId ?? '')).attributes).toEqual({
        note: '<b id=bold>x</b>',
      });
      await page.click('#drop', { timeout: 5_000 });
      await page.waitForFunction(
        () => (document.getElementById('status')?.textContent ?? '').includes('dropped'),
        null,
        { timeout: 5_000 },
      );
    } finally {
      await page.close();
    }
  });
});
