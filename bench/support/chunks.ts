/**
 * The content script's code in a built extension: the loader the manifest names, the chunks it
 * imports before it runs (static imports, followed transitively) and the chunks it may import
 * later (the rest of what the build exposes to ServiceNow pages), with gzip sizes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ChunkSizes {
  initial: { file: string; gzip: number }[];
  lazy: { file: string; gzip: number }[];
}

interface Manifest {
  content_scripts?: { js?: string[] }[];
  web_accessible_resources?: { resources?: string[] }[];
}

const gzipSize = (path: string) => gzipSync(readFileSync(path)).length;

/** Chunks a module imports statically (`from"./x.js"` / `import"./x.js"`), relative to assets/. */
function staticImports(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) {
    if (m[1]) {
      found.add(`assets/${m[1]}`);
    }
  }
  return [...found];
}

export function contentChunks(distDir: string): ChunkSizes {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as Manifest;
  const loaders = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
  const exposed = (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []);
  const initial = new Set<string>(loaders);
  const queue = [...loaders];
  for (const loader of loaders) {
    // The loader imports the entry chunk dynamically by its URL.
    const src = readFileSync(join(distDir, loader), 'utf8');
    for (const m of src.matchAll(/getURL\(["']([^"']+\.js)["']\)/g)) {
      if (m[1]) {
        initial.add(m[1]);
        queue.push(m[1]);
      }
    }
  }
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    for (const dep of staticImports(readFileSync(join(distDir, file), 'utf8'))) {
      if (!initial.has(dep)) {
        initial.add(dep);
        queue.push(dep);
      }
    }
  }
  const js = (f: string) => f.endsWith('.js');
  const size = (file: string) => ({ file, gzip: gzipSize(join(distDir, file)) });
  return {
    initial: [...initial].filter(js).map(size),
    lazy: exposed.filter((f) => js(f) && !initial.has(f)).map(size),
  };
}
