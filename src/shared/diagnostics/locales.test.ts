/**
 * Every text the diagnostics show has its translations: each error code's message and remedy
 * (`err_<code>`, `err_<code>__remedy`), each check step and each verdict with its remedy, in
 * English (matching the catalogue word for word), German and Japanese.
 */
import { describe, expect, it } from 'vitest';
import source from '../../../scripts/locales.src.json' with { type: 'json' };
import { catalogueMessages } from './error-catalogue';
import { CONNECTIVITY_STEPS } from './connectivity-steps';
import { FINDINGS } from './connectivity-findings';

const catalogue = source as Record<string, string[] | undefined>;

function expected(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, { message }] of Object.entries(catalogueMessages())) {
    out[key] = message;
  }
  for (const step of CONNECTIVITY_STEPS) {
    out[step.labelKey] = step.label;
  }
  for (const [kind, text] of Object.entries(FINDINGS)) {
    const key = `check_verdict_${kind.replace(/-/g, '_')}`;
    out[key] = text.title;
    out[`${key}__remedy`] = text.remedy;
  }
  return out;
}

describe('diagnostics translations', () => {
  const keys = expected();

  it('covers every error code, step and verdict', () => {
    expect(Object.keys(keys).length).toBeGreaterThan(140);
    const missing = Object.keys(keys).filter((key) => catalogue[key] === undefined);
    expect(missing).toEqual([]);
  });

  it('has the catalogue English and a German and Japanese text for each', () => {
    const problems = Object.entries(keys).flatMap(([key, english]) => {
      const [en, de, ja] = catalogue[key] ?? [];
      return [
        ...(en === english ? [] : [`${key}: English differs from the catalogue`]),
        ...(de && de !== en ? [] : [`${key}: no German text`]),
        ...(ja && ja !== en ? [] : [`${key}: no Japanese text`]),
      ];
    });
    expect(problems).toEqual([]);
  });
});
