/**
 * Writes public/_locales/{en,de,ja}/messages.json from scripts/locales.src.json, where each key maps
 * to [English, German, Japanese]. Placeholders $1..$9 become chrome.i18n placeholders.
 * Run: npx tsx scripts/build-locales.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const LANGS = ['en', 'de', 'ja'] as const;
const source = JSON.parse(
  readFileSync(new URL('./locales.src.json', import.meta.url), 'utf8'),
) as Record<string, string[]>;

for (const [index, lang] of LANGS.entries()) {
  const out: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> =
    {};
  for (const [key, texts] of Object.entries(source)) {
    const text = texts[index];
    if (!text) {
      throw new Error(`Missing ${lang} text for ${key}`);
    }
    const numbers = [...text.matchAll(/\$(\d)/g)].map((match) => match[1] ?? '');
    const placeholders = Object.fromEntries(numbers.map((n) => [`p${n}`, { content: `$${n}` }]));
    out[key] = {
      message: text.replace(/\$(\d)/g, '$$p$1$$'),
      ...(numbers.length > 0 ? { placeholders } : {}),
    };
  }
  const dir = new URL(`../public/_locales/${lang}/`, import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('messages.json', dir), `${JSON.stringify(out, null, 2)}\n`);
}
