/**
 * URL templates for screen pops: `{{number}}`, `{{name}}`, `{{queue}}`, `{{direction}}`,
 * `{{conversationId}}` and `{{attr.<key>}}`, each value URL-encoded, expanded in one pass (a value
 * that looks like a placeholder stays text). The result must be http(s), without credentials,
 * and on the ServiceNow page's own host or an allowlisted host (`host`, `host:port`, `*.domain`).
 */

export const TEMPLATE_NAMES = ['number', 'name', 'queue', 'direction', 'conversationId'] as const;

export interface TemplateValues {
  number?: string;
  name?: string;
  queue?: string;
  direction?: string;
  conversationId?: string;
  attributes?: Readonly<Record<string, string>>;
}

const PLACEHOLDER = /\{\{\s*([^{}]{1,160}?)\s*\}\}/g;
const MAX_VALUE = 1024;

function valueOf(name: string, values: TemplateValues): string | null {
  if (name.startsWith('attr.')) {
    const key = name.slice(5);
    const attributes = values.attributes ?? {};
    return Object.hasOwn(attributes, key) ? (attributes[key] ?? '') : '';
  }
  if ((TEMPLATE_NAMES as readonly string[]).includes(name)) {
    return values[name as (typeof TEMPLATE_NAMES)[number]] ?? '';
  }
  return null;
}

/** Why a template is refused (unknown placeholder, stray braces), or null. */
export function templateProblem(template: string): string | null {
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? '';
    if (valueOf(name, {}) === null) {
      return `unknown placeholder {{${name}}}`;
    }
    if (name === 'attr.') {
      return 'placeholder {{attr.}} needs an attribute name';
    }
  }
  const rest = template.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}')) {
    return 'unbalanced {{ or }} in template';
  }
  return null;
}

/** Expands placeholders once, passing each value through `encode`; unknown ones become ''. */
export function expandTemplate(
  template: string,
  values: TemplateValues,
  encode: (value: string) => string,
): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = valueOf(name, values) ?? '';
    return encode(value.length > MAX_VALUE ? value.slice(0, MAX_VALUE) : value);
  });
}

export function isHostAllowed(url: URL, page: URL, allowedHosts: readonly string[]): boolean {
  if (url.host === page.host) {
    return true;
  }
  return allowedHosts.some((entry) => {
    const allowed = entry.toLowerCase();
    if (allowed.startsWith('*.')) {
      return url.hostname.endsWith(allowed.slice(1));
    }
    return allowed.includes(':') ? url.host === allowed : url.hostname === allowed;
  });
}

export type UrlTemplateResult =
  | { ok: true; url: string }
  | { ok: false; reason: 'invalid-template' | 'invalid-url' | 'scheme' | 'credentials' | 'host' };

export interface RenderOptions {
  /** The ServiceNow page the pop runs on: relative templates resolve against it. */
  pageUrl: string | URL;
  allowedHosts?: readonly string[];
}

export function renderUrlTemplate(
  template: string,
  values: TemplateValues,
  { pageUrl, allowedHosts = [] }: RenderOptions,
): UrlTemplateResult {
  if (templateProblem(template) !== null) {
    return { ok: false, reason: 'invalid-template' };
  }
  const page = new URL(pageUrl);
  let url: URL;
  try {
    url = new URL(expandTemplate(template, values, encodeURIComponent), page);
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'scheme' };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'credentials' };
  }
  if (!isHostAllowed(url, page, allowedHosts)) {
    return { ok: false, reason: 'host' };
  }
  return { ok: true, url: url.href };
}
