#!/usr/bin/env node
/**
 * dist/cli.js, `docker-networking` (#21): loads the CLI bundle (dist/cliMain.js, from
 * main.ts) through V8's code cache, as dist/server.js loads the server's, and saves the
 * cache after a run that found none. It imports nothing else of ours, so it stays small.
 *
 * Most of a check is code that runs only a few times (the YAML library above all), so
 * most of its cost was V8 compiling it: with the cache, 1,000 files check about a tenth
 * faster (#21, npm run bench). The cache holds what the run that wrote it compiled; it is
 * keyed by the bundle's size and date, so an update writes a new one (loadWithCodeCache.ts).
 */
import * as os from 'os';
import * as path from 'path';
import { loadWithCodeCache, type LoadedBundle } from '../loadWithCodeCache';
import type { finished } from './main';

/**
 * `$XDG_CACHE_HOME/docker-networking/codeCache` (default `~/.cache`), the XDG place for
 * files a program may lose at any time: deleting it only costs the next run its speed.
 */
function codeCacheDir(): string {
  return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docker-networking', 'codeCache');
}

let bundle: LoadedBundle | undefined;
try {
  bundle = loadWithCodeCache(path.join(__dirname, 'cliMain.js'), codeCacheDir(), require);
} catch (err) {
  process.stderr.write(`docker-networking: cannot start: ${(err as Error)?.message ?? String(err)}\n`);
  process.exitCode = 2;
}
void (bundle?.exports as { finished: typeof finished } | undefined)?.finished.then(() => bundle!.saveCache());
