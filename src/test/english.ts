/** A translator over the English catalogue (scripts/locales.src.json), as chrome.i18n would give. */
import source from '../../scripts/locales.src.json' with { type: 'json' };
import { createTranslator, type Translate } from '../shared/i18n';

const catalogue = source as Record<string, string[]>;

export const englishT: Translate = createTranslator((key, substitutions) => {
  const text = catalogue[key]?.[0] ?? '';
  const values = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return text.replace(/\$(\d)/g, (_match, n: string) => values[Number(n) - 1] ?? '');
});
