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
import * as v8 from 'v8';
import { loadWithCodeCache, type LoadedBundle } from '../loadWithCodeCache';
import type { finished } from './main';

// A check allocates fast (the YAML library above all) and keeps what it parses, and V8's
// young generation starts at 1 MB and only doubles when a scavenge finds it too small:
// a check of 1,000 files ran 27 scavenges, a tenth of its time. Growing it sixteenfold
// instead reaches its usual maximum (16 MB) at the second: 12 scavenges, and the check
// about 15 % sooner (median of 11 runs, #21), for 3 MB more memory. Only the growth is
// changed (the sizes can be set only when the process starts); set before the bundle is
// compiled, since V8 keys its code cache by its flags.
v8.setFlagsFromString('--semi-space-growth-factor=16');

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
