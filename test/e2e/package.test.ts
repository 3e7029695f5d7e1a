import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';

/**
 * The .vsix that `npm run package` produced (test/tools/e2e.mjs passes it in DN_E2E_VSIX):
 * small, and holding only what .vscodeignore's allow-list re-includes.
 */
const vsix = process.env.DN_E2E_VSIX;

/** What the installed extension may contain, below `extension/` (see .vscodeignore). */
const ALLOWED = [
  'package.json',
  'readme.md',
  'changelog.md',
  'LICENSE.txt',
  'dist/client.js',
  'dist/server.js',
  'dist/serverMain.js',
  'schemas/**',
  'snippets/**',
  'client/media/icon.png',
  'client/media/network.svg',
  'client/media/walkthrough/*.md',
  // The manifest's and the code's texts in each display language (#23).
  'package.nls.json',
  'package.nls.*.json',
  'l10n/*.json',
];

/** Names of the entries of a zip file, from its central directory (APPNOTE.TXT 4.3.12, 4.3.16). */
export function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip file: no end of central directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    names.push(zip.subarray(p + 46, p + 46 + nameLength).toString('utf8'));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the packaged .vsix', { skip: vsix ? false : 'run through `npm run test:e2e` (it runs `npm run package`)' }, () => {
  it('is under 1 MB', () => {
    const size = readFileSync(vsix!).length;
    assert.ok(size < 1024 * 1024, `docker-networking.vsix is ${size} bytes`);
  });

  it('contains only the allow-listed files: the bundles, schemas, snippets, docs and media', () => {
    const entries = zipEntries(readFileSync(vsix!)).filter((e) => !e.endsWith('/'));
    const inside = entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length));
    const unexpected = inside.filter((e) => !ALLOWED.some((pattern) => minimatch(e, pattern, { nocase: true })));
    assert.deepEqual(unexpected, []);
    assert.deepEqual(inside.filter((e) => /\.map$|(^|\/)(test|src|node_modules)\//.test(e)), []);
    for (const required of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/serverMain.js', 'LICENSE.txt', 'client/media/icon.png']) {
      assert.ok(inside.includes(required), `${required} missing from the .vsix: ${inside.join(', ')}`);
    }
  });
});
