/**
 * Every UI string goes through chrome.i18n: each key that src/ asks for (t('key'), messageKey(…)
 * over a known set of values, the manifest's __MSG_key__) must be in the English catalogue, every
 * language must have every key with the same placeholders, and public/_locales must be built from
 * scripts/locales.src.json. A t() call whose key cannot be read from the source fails here too.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../manifest.json' with { type: 'json' };
import source from './locales.src.json' with { type: 'json' };
import { MIC_PERMISSIONS } from '../src/options/audio/media';
import { AGENT_STATES } from '../src/popup/model';
import { ORG_SWITCH_STEPS } from '../src/shared/auth/org-switch';
import { REGION_KEYS } from '../src/shared/auth/regions';
import { messageKey } from '../src/shared/i18n';
import { STATUS_LABELS } from '../src/shared/presence/status';
import {
  callCommandSchema,
  callSnapshotSchema,
  sessionSnapshotSchema,
} from '../src/shared/protocol/schemas';
import { NETWORK_PROFILE_KINDS } from '../src/shared/session/network-profile';
import { SETTING_ALIASES } from '../src/shared/session/profile-aliases';
import { ruleSchema } from '../src/shared/screenpop/rules';

const ROOT = join(import.meta.dirname, '..');
const LANGS = ['en', 'de', 'ja'] as const;
const catalogue = source as Record<string, string[]>;

/** The values a dynamic part of messageKey(prefix, value) can take, by prefix. */
const DOMAINS: Record<string, readonly string[]> = {
  connection: sessionSnapshotSchema.shape.connection.shape.state.options,
  callState: callSnapshotSchema.shape.state.options,
  command: callCommandSchema.options.map((option) => option.shape.type.value),
  region: REGION_KEYS,
  ruleWhen: ruleSchema.shape.when.unwrap().options,
  networkKind: NETWORK_PROFILE_KINDS,
  networkKindHelp: NETWORK_PROFILE_KINDS,
  aliasMissing: SETTING_ALIASES.filter((alias) => alias.ours === null).map((alias) => alias.asked),
  micPermission: MIC_PERMISSIONS,
  agent: AGENT_STATES,
  presence: STATUS_LABELS,
  switchStep: ORG_SWITCH_STEPS,
};

/** Properties whose string values are message keys, for t(label), t(help), t(titleKey). */
const KEY_PROPERTIES = ['label', 'help', 'titleKey'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'test' ? [] : sourceFiles(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts')
      ? [path]
      : [];
  });
}

/** The top-level arguments of the call whose "(" is at `open`. */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = open + 1;
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (quote) {
      if (c === '\\') {
        i += 1;
      } else if (c === quote) {
        quote = null;
      }
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c;
    } else if (c === '(' || c === '[' || c === '{') {
      depth += 1;
    } else if (c === ')' || c === ']' || c === '}') {
      depth -= 1;
      if (depth === 0) {
        args.push(text.slice(start, i).trim());
        return args.filter((arg) => arg !== '');
      }
    } else if (c === ',' && depth === 1) {
      args.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  return args;
}

const LITERAL = /^'([^'\\]*)'$/;

/** Keys built by `messageKey(…)` at the start of `call`. */
function keysOfMessageKey(call: string, where: string, problems: string[]): string[] {
  const args = callArguments(call, call.indexOf('('));
  const parts = args.map((part) => LITERAL.exec(part)?.[1] ?? null);
  const prefix = parts[0];
  if (prefix === null || prefix === undefined) {
    problems.push(`${where}: messageKey(${args.join(', ')}) needs a literal prefix`);
    return [];
  }
  if (!parts.includes(null)) {
    return [messageKey(...(parts as string[]))];
  }
  const domain = DOMAINS[prefix];
  if (!domain || parts.length !== 2) {
    problems.push(`${where}: add the values of messageKey('${prefix}', …) to DOMAINS`);
    return [];
  }
  return domain.map((value) => messageKey(prefix, value));
}

function usedKeys(): { keys: Map<string, string>; problems: string[] } {
  const keys = new Map<string, string>();
  const problems: string[] = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const name = relative(ROOT, file);
    // The error catalogue has a messageKey of its own; only i18n's builds UI keys.
    const usesMessageKey = /import \{[^}]*\bmessageKey\b[^}]*\} from '[./]*(?:shared\/)?i18n'/.test(
      text,
    );
    const propertyKeys = [
      ...text.matchAll(new RegExp(`\\b(?:${KEY_PROPERTIES.join('|')}): '([^']+)'`, 'g')),
    ].map((m) => m[1] ?? '');
    for (const match of text.matchAll(/(?<![\w.$])(t|messageKey)\(/g)) {
      const where = `${name}:${text.slice(0, match.index).split('\n').length}`;
      const argument = callArguments(text, match.index + match[1]!.length)[0] ?? '';
      const add = (list: string[]) => list.forEach((key) => keys.set(key, where));
      if (match[1] === 'messageKey') {
        if (
          usesMessageKey &&
          !text.slice(Math.max(0, match.index - 2), match.index).endsWith('t(')
        ) {
          add(keysOfMessageKey(text.slice(match.index), where, problems));
        }
        continue;
      }
      const literal = LITERAL.exec(argument)?.[1];
      const conditional = /^[^'?]+\?\s*'([^']+)'\s*:\s*'([^']+)'$/.exec(argument);
      if (literal !== undefined) {
        add([literal]);
      } else if (argument.startsWith('messageKey(')) {
        add(keysOfMessageKey(argument, where, problems));
      } else if (conditional) {
        add([conditional[1] ?? '', conditional[2] ?? '']);
      } else if (new RegExp(`^(?:\\w+\\.)?(?:${KEY_PROPERTIES.join('|')})$`).test(argument)) {
        add(propertyKeys);
      } else if (argument !== '') {
        problems.push(
          `${where}: t(${argument}): use a literal key, messageKey(…) or a ${KEY_PROPERTIES.join('/')} property`,
        );
      }
    }
  }
  for (const match of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) {
    keys.set(match[1] ?? '', 'manifest.json');
  }
  return { keys, problems };
}

describe('translations', () => {
  const { keys, problems } = usedKeys();

  it('finds the keys it checks (the scanner works)', () => {
    expect(keys.get('optionsTitle')).toMatch(/src\/options/);
    expect(keys.get('connection_reconnecting')).toBeDefined();
    expect(keys.get('region_ap_northeast_1')).toBeDefined();
    expect(keys.get('cmdAnswer')).toBe('manifest.json');
    expect(keys.size).toBeGreaterThan(100);
  });

  it('can read every key used in src/', () => {
    expect(problems).toEqual([]);
  });

  it('has every key used in src/ in the English catalogue', () => {
    const missing = [...keys]
      .filter(([key]) => !(key in catalogue))
      .map(([key, where]) => `${key} (${where})`);
    expect(missing).toEqual([]);
  });

  it('has every key in every language, with the same placeholders', () => {
    const problemsByLanguage = Object.entries(catalogue).flatMap(([key, texts]) => {
      const placeholders = (text: string | undefined) =>
        [...(text ?? '').matchAll(/\$\d/g)]
          .map((m) => m[0])
          .sort()
          .join();
      return LANGS.flatMap((lang, index) => {
        const text = texts[index];
        if (!text) {
          return [`${key}: no ${lang} text`];
        }
        return placeholders(text) === placeholders(texts[0])
          ? []
          : [`${key}: ${lang} placeholders differ from en`];
      });
    });
    expect(problemsByLanguage).toEqual([]);
  });

  it('public/_locales is built from scripts/locales.src.json (npm run locales)', () => {
    for (const [index, lang] of LANGS.entries()) {
      const built = JSON.parse(
        readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'),
      ) as Record<string, { message: string }>;
      const expected = Object.fromEntries(
        Object.entries(catalogue).map(([key, texts]) => [
          key,
          (texts[index] ?? '').replace(/\$(\d)/g, '$$p$1$$'),
        ]),
      );
      const actual = Object.fromEntries(
        Object.entries(built).map(([key, entry]) => [key, entry.message]),
      );
      expect(actual, lang).toEqual(expected);
    }
  });
});
