import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkPackage, namedFiles, pngSize, storeManifest } from './package-checks';

function png(size: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'ascii');
  ihdr.writeUInt32BE(size, 8);
  ihdr.writeUInt32BE(size, 12);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    ihdr,
    deflateSync(Buffer.alloc(4)),
  ]);
}

const icons = {
  16: 'icons/icon-16.png',
  32: 'icons/icon-32.png',
  48: 'icons/icon-48.png',
  128: 'icons/icon-128.png',
};

function fixture() {
  const files: Record<string, Buffer> = {
    'service-worker-loader.js': Buffer.from("import './assets/index.js';"),
    'assets/index.js': Buffer.from('console.log(1)'),
    'src/options/options.html': Buffer.from('<!doctype html>'),
    '_locales/en/messages.json': Buffer.from('{"extName":{"message":"Switchboard"}}'),
    ...Object.fromEntries(Object.entries(icons).map(([size, path]) => [path, png(Number(size))])),
  };
  const manifest = storeManifest(
    {
      manifest_version: 3,
      name: '__MSG_extName__',
      version: '0.0.1',
      default_locale: 'en',
      key: 'MIIB…',
      icons,
      action: { default_icon: { 16: icons[16], 32: icons[32] } },
      background: { service_worker: 'service-worker-loader.js' },
      options_ui: { page: 'src/options/options.html' },
      web_accessible_resources: [{ resources: ['assets/index.js', 'assets/*.js'] }],
    },
    '1.2.3',
  );
  const read = (path: string) => files[path] ?? Buffer.alloc(0);
  return {
    files,
    manifest,
    read,
    check: () => checkPackage(Object.keys(files), manifest, '1.2.3', read),
  };
}

describe('package checks', () => {
  it('passes a clean package, with the version set and the key removed', () => {
    const { manifest, check } = fixture();
    expect(manifest['version']).toBe('1.2.3');
    expect('key' in manifest).toBe(false);
    expect(check()).toEqual([]);
  });

  it('refuses source maps, tests, sources and hidden files', () => {
    const { files, check } = fixture();
    files['assets/index.js.map'] = Buffer.from('{}');
    files['assets/chunk.js'] = Buffer.from('x\n//# sourceMappingURL=chunk.js.map');
    files['assets/a.test.js'] = Buffer.from('');
    files['e2e/specs/x.js'] = Buffer.from('');
    files['src/background/index.ts'] = Buffer.from('');
    files['.vite/manifest.json'] = Buffer.from('{}');
    expect(check()).toEqual([
      'assets/index.js.map: source map must not ship',
      'assets/chunk.js: refers to a source map',
      'assets/a.test.js: test file must not ship',
      'e2e/specs/x.js: test file must not ship',
      'src/background/index.ts: TypeScript source must not ship',
      '.vite/manifest.json: hidden file must not ship',
    ]);
  });

  it('finds missing files, wrong icons and untranslated names', () => {
    const { files, check } = fixture();
    delete files['src/options/options.html'];
    files['icons/icon-48.png'] = png(32);
    files['_locales/en/messages.json'] = Buffer.from('{}');
    expect(check()).toEqual([
      'manifest names src/options/options.html, which is not in the package',
      'icons/icon-48.png is not a 48×48 PNG',
      'no message extName',
    ]);
  });

  it('keeps the name and description within the store limits in every language', () => {
    const { files, manifest, read } = fixture();
    const long = 'x'.repeat(133);
    files['_locales/de/messages.json'] = Buffer.from(
      JSON.stringify({ extName: { message: 'Switchboard' }, extDescription: { message: long } }),
    );
    const described = {
      ...manifest,
      description: '__MSG_extDescription__',
      short_name: 'Switchboard Softphone',
    };
    expect(checkPackage(Object.keys(files), described, '1.2.3', read)).toEqual([
      'no message extDescription',
      'manifest.json: short_name is 21 characters (at most 12)',
      '_locales/de/messages.json: description is 133 characters (at most 132)',
    ]);
  });

  it('checks the version and the key', () => {
    const { manifest, read, files } = fixture();
    const withKey = { ...manifest, key: 'x', version: '1.2' };
    expect(checkPackage(Object.keys(files), withKey, '1.2.3-beta', read)).toEqual([
      "version 1.2.3-beta is not 1–4 dot-separated integers (Chrome's format)",
      'manifest version 1.2 is not 1.2.3-beta',
      'manifest still has the development key (the store assigns the id)',
    ]);
  });

  it('reads PNG sizes and lists the files a manifest names', () => {
    expect(pngSize(png(48))).toEqual({ width: 48, height: 48 });
    expect(pngSize(Buffer.from('GIF89a'))).toBeNull();
    expect(namedFiles(fixture().manifest)).toContain('assets/index.js');
    expect(namedFiles(fixture().manifest)).not.toContain('assets/*.js');
  });
});
