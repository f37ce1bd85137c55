import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from './zip';

const entries = [
  { name: 'manifest.json', data: Buffer.from('{"manifest_version":3}\n'.repeat(50)) },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: '_locales/ja/messages.json', data: Buffer.from('{"a":{"message":"着信"}}') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];

describe('zip writer', () => {
  it('round-trips names and bytes, deflating what shrinks', () => {
    const zip = writeZip(entries);
    expect(readZip(zip)).toEqual(entries);
    expect(zip.length).toBeLessThan(entries.reduce((n, e) => n + e.data.length, 0) + 500);
  });

  it('writes the same bytes for the same input', () => {
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it('refuses unsafe names and detects corruption', () => {
    expect(() => writeZip([{ name: '../evil', data: Buffer.alloc(1) }])).toThrow(/Unsafe/);
    expect(() => writeZip([{ name: '/abs', data: Buffer.alloc(1) }])).toThrow(/Unsafe/);
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('hello hello hello hello') }]);
    zip[40] = (zip[40] ?? 0) ^ 0xff;
    expect(() => readZip(zip)).toThrow();
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/Not a zip/);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('is read by the system unzip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    writeFileSync(join(dir, 'x.zip'), writeZip(entries));
    execFileSync('unzip', ['-q', 'x.zip', '-d', 'out'], { cwd: dir });
    expect(readFileSync(join(dir, 'out/_locales/ja/messages.json'), 'utf8')).toContain('着信');
    execFileSync('unzip', ['-tq', 'x.zip'], { cwd: dir });
  });
});
