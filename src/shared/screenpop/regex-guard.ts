/**
 * Admin-supplied regular expressions for attribute conditions: validated once (length, syntax,
 * no backreferences, no nested quantifiers such as `(a+)+`) and tested only against capped input,
 * so a rule cannot make matching slow.
 */

export const MAX_REGEX_SOURCE = 200;
/** Attribute values longer than this are cut before a pattern is tested. */
export const MAX_REGEX_INPUT = 1024;

// A group whose body holds an unbounded quantifier, itself followed by a quantifier.
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*?]|\{\d)/;
const BACKREFERENCE = /\\(?:[1-9]|k<)/;

/** Why a pattern is refused, or null when it is acceptable. */
export function regexProblem(source: string): string | null {
  if (source.length === 0) {
    return 'pattern is empty';
  }
  if (source.length > MAX_REGEX_SOURCE) {
    return `pattern is longer than ${MAX_REGEX_SOURCE} characters`;
  }
  try {
    new RegExp(source, 'u');
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `pattern is not a valid regular expression (${detail})`;
  }
  if (BACKREFERENCE.test(source)) {
    return 'pattern uses a backreference, which is not allowed';
  }
  if (NESTED_QUANTIFIER.test(source)) {
    return 'pattern nests quantifiers (like (a+)+), which can make matching very slow';
  }
  return null;
}

const cache = new Map<string, RegExp | null>();
const CACHE_LIMIT = 100;

/** Compiles a validated pattern (cached); null when the pattern is refused. */
export function compilePattern(source: string): RegExp | null {
  const hit = cache.get(source);
  if (hit !== undefined) {
    return hit;
  }
  const compiled = regexProblem(source) === null ? new RegExp(source, 'u') : null;
  if (cache.size >= CACHE_LIMIT) {
    cache.clear();
  }
  cache.set(source, compiled);
  return compiled;
}

/** Tests a value against a pattern, on at most MAX_REGEX_INPUT characters. */
export function testPattern(source: string, value: string): boolean {
  const pattern = compilePattern(source);
  if (pattern === null) {
    return false;
  }
  return pattern.test(value.length > MAX_REGEX_INPUT ? value.slice(0, MAX_REGEX_INPUT) : value);
}
