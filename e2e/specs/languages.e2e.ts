/**
 * German and Japanese in the built extension: Chromium started with `--lang=de` / `--lang=ja`
 * serves the extension's `_locales` catalogue in that language (chrome.i18n.getMessage follows
 * it, also headless). The options page and the popup are opened in each language, saved as
 * screenshots, and checked: no control's text overflows its box, the page does not scroll
 * sideways, and no element shows the English text of a key that has a translation.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import source from '../../scripts/locales.src.json' with { type: 'json' };
import { screenshot } from '../support/a11y';
import { launchExtension, type ExtensionHandle } from '../support/extension';

const catalogue = source as Record<string, string[]>;
const LANGUAGES = [
  { lang: 'de', column: 1 },
  { lang: 'ja', column: 2 },
] as const;

/** English texts of keys translated differently in `column` (placeholders excluded). */
function englishOnly(column: number): Set<string> {
  const texts = new Set<string>();
  for (const values of Object.values(catalogue)) {
    const english = values[0] ?? '';
    if (english.length > 1 && !english.includes('$') && values[column] !== english) {
      texts.add(english.trim());
    }
  }
  return texts;
}

interface Overflow {
  tag: string;
  text: string;
  scrollWidth: number;
  clientWidth: number;
}

/** Visible controls whose content is wider than their box, and the page's sideways overflow. */
function overflows(page: Page): Promise<{ controls: Overflow[]; pageOverflow: number }> {
  return page.evaluate(() => {
    const selector = 'button, label, input, select, textarea, a, h1, h2, h3, legend, summary, th';
    const controls = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).display !== 'inline')
      .filter((el) => el.clientWidth > 1 || el.clientHeight > 1) // 1 px: hidden for screen readers
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => ({
        tag: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`,
        text: (el.textContent || (el as HTMLInputElement).value || '').trim().slice(0, 60),
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
      }));
    const root = document.documentElement;
    return { controls, pageOverflow: root.scrollWidth - root.clientWidth };
  });
}

/** Every visible text the page shows as a whole element, plus labels in attributes. */
function shownTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.getClientRects().length === 0) {
        continue;
      }
      const own = [...el.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (own) {
        texts.push(own);
      }
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(name)?.trim();
        if (value) {
          texts.push(value);
        }
      }
    }
    texts.push(document.title);
    return texts;
  });
}

for (const { lang, column } of LANGUAGES) {
  describe(`the extension in ${lang}`, () => {
    let ext: ExtensionHandle;
    const english = englishOnly(column);
    const pages: Record<string, Page> = {};

    beforeAll(async () => {
      ext = await launchExtension({ extraArgs: [`--lang=${lang}`] });
      const options = await ext.openPage('src/options/options.html');
      await options.setViewportSize({ width: 1200, height: 900 });
      await options
        .getByRole('heading', { name: catalogue['sectionProfiles']![column]! })
        .waitFor({ timeout: 15_000 });
      const popup = await ext.openPage('src/popup/popup.html');
      await popup.setViewportSize({ width: 360, height: 600 });
      await popup.locator('#connection-state').waitFor({ timeout: 15_000 });
      await popup
        .locator('.calls .empty', { hasText: catalogue['noCalls']![column]! })
        .waitFor({ timeout: 10_000 });
      Object.assign(pages, { options, popup });
    });
    afterAll(async () => {
      await (ext as ExtensionHandle | undefined)?.close();
    });

    it('serves the translated catalogue (the browser UI language switched)', async () => {
      const answer = await ext.worker.evaluate(() => chrome.i18n.getMessage('answer'));
      expect(answer).toBe(catalogue['answer']![column]);
      expect(answer).not.toBe(catalogue['answer']![0]);
    });

    for (const name of ['options', 'popup'] as const) {
      it(`${name}: saves a screenshot, nothing overflows, no English fallback`, async () => {
        const page = pages[name]!;
        await screenshot(page, `${name}-${lang}.png`);
        const { controls, pageOverflow } = await overflows(page);
        expect(controls).toEqual([]);
        expect(pageOverflow).toBeLessThanOrEqual(1);
        const fallback = (await shownTexts(page)).filter((text) => english.has(text));
        expect(fallback).toEqual([]);
      });
    }

    it('popup: the footer links stand apart (a long German word does not run into the next)', async () => {
      const boxes = await pages['popup']!.locator('.foot > *').evaluateAll((els) =>
        els.map((el) => el.getBoundingClientRect().toJSON() as { left: number; right: number }),
      );
      expect(boxes).toHaveLength(2);
      expect(boxes[1]!.left - boxes[0]!.right).toBeGreaterThanOrEqual(8);
    });
  });
}
