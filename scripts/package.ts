/**
 * npm run package: builds dist/ and writes artifacts/switchboard-<version>.zip for the Chrome Web
 * Store. The packaged manifest carries package.json's version and no development `key` (the store
 * assigns the id). The package is checked (scripts/package-checks.ts: no source maps, tests or
 * sources; every named file and icon present) and the zip is read back before it is kept.
 * SKIP_BUILD=1 packages the dist/ that is already there.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { checkPackage, storeManifest } from './package-checks';
import { readZip, writeZip, type ZipEntry } from './zip';

const ROOT = resolve(import.meta.dirname, '..');
const DEFAULT_DIST = join(ROOT, 'dist');
const ARTIFACTS = join(ROOT, 'artifacts');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Paths inside dist/, forward slashes, sorted (the zip's order). */
function listFiles(dir: string): string[] {
  return walk(dir)
    .map((path) => relative(dir, path).split(sep).join('/'))
    .sort();
}

export interface PackageResult {
  path: string;
  files: number;
  bytes: number;
  sha256: string;
}

export interface PackageOptions {
  /** Build first (default: unless SKIP_BUILD=1). */
  build?: boolean;
  /** The built extension to package (default dist/). */
  distDir?: string;
}

export function packageExtension(options: PackageOptions = {}): PackageResult {
  const dist = options.distDir ?? DEFAULT_DIST;
  if (options.build ?? process.env['SKIP_BUILD'] !== '1') {
    execFileSync(
      'npx',
      ['vite', 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
      {
        cwd: ROOT,
        stdio: 'inherit',
      },
    );
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const built = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const manifest = storeManifest(built, version);
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const files = listFiles(dist);
  const read = (path: string) =>
    path === 'manifest.json' ? manifestBytes : readFileSync(join(dist, path));
  const problems = checkPackage(files, manifest, version, read);
  if (problems.length > 0) {
    throw new Error(`The package is not ready for the store:\n- ${problems.join('\n- ')}`);
  }
  const entries: ZipEntry[] = files.map((name) => ({ name, data: read(name) }));
  const zip = writeZip(entries);
  const back = readZip(zip);
  if (
    back.length !== entries.length ||
    back.some((e, i) => !e.data.equals(entries[i]?.data ?? Buffer.alloc(0)))
  ) {
    throw new Error('The zip did not read back as written');
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `switchboard-${version}.zip`);
  writeFileSync(path, zip);
  const sha256 = createHash('sha256').update(zip).digest('hex');
  return { path, files: entries.length, bytes: zip.length, sha256 };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  try {
    const result = packageExtension();
    console.log(
      `${relative(ROOT, result.path)}: ${result.files} files, ${(result.bytes / 1024).toFixed(0)} KiB, sha256 ${result.sha256}`,
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
