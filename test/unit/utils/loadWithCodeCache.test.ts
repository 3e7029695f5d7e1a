import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { codeCacheFileName } from '../../../server/src/loadWithCodeCache';

/** A small CommonJS "bundle": requires a built-in module, exports functions that run. */
function bundleSource(greeting: string): string {
  return [
    "const path = require('path');",
    `exports.greet = (name) => ${JSON.stringify(greeting)} + ', ' + path.basename(name);`,
    'exports.where = () => [__filename, __dirname];',
    'exports.sum = (n) => { let s = 0; for (let i = 1; i <= n; i++) s += i; return s; };',
    '',
  ].join('\n');
}

interface Run {
  cache: { state: string; file?: string };
  greet: string;
  sum: number;
  where: string[];
  /** What saveCache() returned. */
  saved: boolean;
}

/**
 * Each load runs in a fresh node process, as each server start does: within one process
 * V8 serves a script it compiled before from its own in-memory cache and never looks
 * at the cached data it is given.
 */
const RUNNER = `
const { loadWithCodeCache } = require(${JSON.stringify(require.resolve('../../../server/src/loadWithCodeCache'))});
const [bundle, dir] = process.argv.slice(2);
const loaded = loadWithCodeCache(bundle, dir || undefined, require);
const e = loaded.exports;
process.stdout.write(JSON.stringify({ cache: loaded.cache, greet: e.greet('/a/b/world'), sum: e.sum(10), where: e.where(), saved: loaded.saveCache() }));
`;

describe('loadWithCodeCache', () => {
  let tmp: string;
  let bundle: string;
  let cacheDir: string;
  let runner: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-code-cache-'));
    bundle = path.join(tmp, 'bundle.js');
    cacheDir = path.join(tmp, 'cache', 'nested');
    runner = path.join(tmp, 'runner.js');
    fs.writeFileSync(runner, RUNNER);
    fs.writeFileSync(bundle, bundleSource('hello'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const load = (dir: string): Run => JSON.parse(execFileSync(process.execPath, [runner, bundle, dir], { encoding: 'utf8' })) as Run;
  const cacheFile = () => path.join(cacheDir, codeCacheFileName(bundle)!);

  it('runs the bundle as a CommonJS module without a directory, and saves nothing', () => {
    const run = load('');
    assert.deepEqual(run.cache, { state: 'none' });
    assert.equal(run.greet, 'hello, world');
    assert.deepEqual(run.where, [bundle, tmp]);
    assert.equal(run.saved, false);
  });

  it('compiles without a cache the first time, then writes one, making the directory', () => {
    const run = load(cacheDir);
    assert.deepEqual(run.cache, { state: 'none', file: cacheFile() });
    assert.equal(run.sum, 55);
    assert.equal(run.saved, true);
    assert.ok(fs.statSync(cacheFile()).size > 0);
    assert.deepEqual(fs.readdirSync(cacheDir), [path.basename(cacheFile())], 'no temporary file left behind');
  });

  it('uses the cache the next time, runs the same code, and does not write it again', () => {
    const before = fs.statSync(cacheFile()).mtimeMs;
    const run = load(cacheDir);
    assert.equal(run.cache.state, 'used');
    assert.equal(run.greet, 'hello, world');
    assert.equal(run.sum, 55);
    assert.equal(run.saved, false);
    assert.equal(fs.statSync(cacheFile()).mtimeMs, before);
  });

  it('compiles normally when V8 rejects a damaged cache, and writes a good one', () => {
    fs.writeFileSync(cacheFile(), Buffer.from('not a V8 code cache at all, just bytes'.repeat(20)));
    const run = load(cacheDir);
    assert.equal(run.cache.state, 'rejected');
    assert.equal(run.greet, 'hello, world');
    assert.equal(run.saved, true);
    assert.equal(load(cacheDir).cache.state, 'used');
  });

  it('never gives an updated bundle the old cache, and removes the old one when the new one is written', () => {
    const old = cacheFile();
    const unrelated = path.join(cacheDir, 'other.js-1-2-3-x64.v8cache');
    fs.writeFileSync(unrelated, 'the cache of another bundle');
    // Same length, other text: V8 itself would take the old cache (it checks the length).
    fs.writeFileSync(bundle, bundleSource('howdy'));
    fs.utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    assert.notEqual(cacheFile(), old);
    const run = load(cacheDir);
    assert.equal(run.cache.state, 'none');
    assert.equal(run.greet, 'howdy, world');
    assert.equal(run.saved, true);
    assert.deepEqual(fs.readdirSync(cacheDir).sort(), [path.basename(cacheFile()), path.basename(unrelated)].sort());
    assert.equal(load(cacheDir).cache.state, 'used');
  });

  it('runs the bundle when the cache directory cannot be made, and reports the cache as not written', () => {
    const blocked = path.join(tmp, 'a-file');
    fs.writeFileSync(blocked, '');
    const run = load(path.join(blocked, 'cache'));
    assert.equal(run.cache.state, 'none');
    assert.equal(run.sum, 55);
    assert.equal(run.saved, false);
    assert.deepEqual(fs.readdirSync(tmp).filter((f) => f.endsWith('.tmp')), []);
  });
});
