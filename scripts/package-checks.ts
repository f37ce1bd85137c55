/**
 * What the store package must and must not contain, checked before the zip is written: no source
 * maps, tests or sources; a manifest whose version is the package's and that carries no
 * development `key`; every file the manifest names present; the icons the store and the toolbar
 * use, as PNGs of the right size; every __MSG_…__ of the manifest translated, and the name and
 * description within the store's limits in every language.
 */

export type ReadFile = (path: string) => Buffer;

/** Chrome's limits for the manifest's name, short name and description (characters). */
export const TEXT_LIMITS = { name: 75, short_name: 12, description: 132 } as const;

/** 16: favicon and toolbar; 32: toolbar at 2x and Windows; 48: extensions page; 128: store and install. */
export const REQUIRED_ICON_SIZES = [16, 32, 48, 128] as const;

const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\.map$/, why: 'source map' },
  { pattern: /\.(test|spec)\.[cm]?[jt]sx?$|\.test-d\.ts$|\.testkit\.[jt]s$/, why: 'test file' },
  { pattern: /(^|\/)(e2e|__tests__|__mocks__|__snapshots__|test-results)\//, why: 'test file' },
  { pattern: /\.(ts|tsx)$/, why: 'TypeScript source' },
  { pattern: /(^|\/)\./, why: 'hidden file' },
];

type Manifest = Record<string, unknown>;

/** The manifest as the store gets it: the package's version, no development key. */
export function storeManifest(manifest: Manifest, version: string): Manifest {
  const { key: _key, ...rest } = manifest;
  return { ...rest, version };
}

export function pngSize(data: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (data.length < 24 || data.subarray(0, 8).toString('hex') !== signature) {
    return null;
  }
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Every file path the manifest names (globs in web_accessible_resources are left out). */
export function namedFiles(manifest: Manifest): string[] {
  const background = record(manifest['background']);
  const action = record(manifest['action']);
  const names = [
    background['service_worker'],
    record(manifest['options_ui'])['page'],
    action['default_popup'],
    record(manifest['storage'])['managed_schema'],
    ...Object.values(record(manifest['icons'])),
    ...Object.values(record(action['default_icon'])),
    ...(Array.isArray(manifest['content_scripts']) ? manifest['content_scripts'] : []).flatMap(
      (script) => [...strings(record(script)['js']), ...strings(record(script)['css'])],
    ),
    ...(Array.isArray(manifest['web_accessible_resources'])
      ? manifest['web_accessible_resources']
      : []
    ).flatMap((entry) => strings(record(entry)['resources'])),
  ];
  return names.filter((n): n is string => typeof n === 'string' && !n.includes('*'));
}

export function checkPackage(
  files: readonly string[],
  manifest: Manifest,
  version: string,
  read: ReadFile,
): string[] {
  const problems: string[] = [];
  const present = new Set(files);
  for (const file of files) {
    const hit = FORBIDDEN.find(({ pattern }) => pattern.test(file));
    if (hit) {
      problems.push(`${file}: ${hit.why} must not ship`);
    } else if (
      /\.(js|css|html)$/.test(file) &&
      read(file).toString().includes('sourceMappingURL=')
    ) {
      problems.push(`${file}: refers to a source map`);
    }
  }
  if (!/^\d+(\.\d+){0,3}$/.test(version)) {
    problems.push(`version ${version} is not 1–4 dot-separated integers (Chrome's format)`);
  }
  if (manifest['version'] !== version) {
    problems.push(`manifest version ${String(manifest['version'])} is not ${version}`);
  }
  if ('key' in manifest) {
    problems.push('manifest still has the development key (the store assigns the id)');
  }
  if (manifest['manifest_version'] !== 3) {
    problems.push('manifest_version must be 3');
  }
  for (const file of namedFiles(manifest)) {
    if (!present.has(file)) {
      problems.push(`manifest names ${file}, which is not in the package`);
    }
  }
  const icons = record(manifest['icons']);
  for (const size of REQUIRED_ICON_SIZES) {
    const path = icons[String(size)];
    if (typeof path !== 'string' || !present.has(path)) {
      problems.push(`no ${size}×${size} icon`);
      continue;
    }
    const dims = pngSize(read(path));
    if (dims?.width !== size || dims.height !== size) {
      problems.push(`${path} is not a ${size}×${size} PNG`);
    }
  }
  problems.push(...untranslated(manifest, present, read));
  problems.push(...tooLong(manifest, files, read));
  return problems;
}

function tooLong(manifest: Manifest, files: readonly string[], read: ReadFile): string[] {
  const locales = files.filter((f) => /^_locales\/[^/]+\/messages\.json$/.test(f));
  const catalogues = locales.map((path) => ({
    path,
    messages: record(JSON.parse(read(path).toString()) as unknown),
  }));
  const problems: string[] = [];
  for (const [field, limit] of Object.entries(TEXT_LIMITS)) {
    const value = manifest[field];
    if (typeof value !== 'string') {
      continue;
    }
    const key = /^__MSG_([A-Za-z0-9_@]+)__$/.exec(value)?.[1];
    const texts =
      key === undefined
        ? [{ path: 'manifest.json', text: value }]
        : catalogues.map(({ path, messages }) => {
            const message = record(messages[key])['message'];
            return { path, text: typeof message === 'string' ? message : '' };
          });
    for (const { path, text } of texts) {
      if (text.length > limit) {
        problems.push(`${path}: ${field} is ${text.length} characters (at most ${limit})`);
      }
    }
  }
  return problems;
}

function untranslated(manifest: Manifest, present: Set<string>, read: ReadFile): string[] {
  const locale = manifest['default_locale'];
  const keys = [...JSON.stringify(manifest).matchAll(/__MSG_([A-Za-z0-9_@]+)__/g)].map((m) => m[1]);
  if (keys.length === 0) {
    return [];
  }
  const path = `_locales/${String(locale)}/messages.json`;
  if (typeof locale !== 'string' || !present.has(path)) {
    return [`manifest uses __MSG_…__ but ${path} is missing`];
  }
  const messages = record(JSON.parse(read(path).toString()) as unknown);
  return keys
    .filter((key) => key !== undefined && !(key in messages))
    .map((k) => `no message ${k}`);
}
