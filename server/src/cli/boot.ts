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
// A check is short, and V8's optimising compiler (TurboFan) costs it more than it gains:
// with its default budget (66 KB of bytecode run) it optimises the YAML library and our
// rules while they still meet new shapes (131 functions in a check of 1,000 files, a few
// of them thrown away again). With four times the budget, only what stays hot is
// optimised (42 functions): 1,000 files check about a fifth sooner, and 5,000
// (where optimised code pays) no slower (#21, medians of 15 runs). Turning it off
// altogether (--no-opt) did as well on 1,000 files, and a fifth worse on 5,000.
v8.setFlagsFromString('--interrupt-budget=270336');

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
void (bundle?.exports as { finished: typeof finished } | undefined)?.finished
  .then(() => bundle!.saveCache())
  .then(() => Promise.all([flushed(process.stdout), flushed(process.stderr)]))
  // Once the report is out, the process ends at once. Left to end by itself, Node first
  // waits for V8's work in the background, such as the garbage collection a large check
  // starts near its end: 10 ms, 3 % of a check of 1,000 files (#21, medians of 31 runs).
  .then(() => process.exit());

/**
 * Settles once everything written to `stream` so far is handed to the system: at once
 * where Node writes synchronously (files, and pipes and terminals on Linux), later for
 * the pipes it writes asynchronously (macOS, Windows). An empty write's callback comes
 * after those of the writes before it.
 */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.destroyed || !stream.writable) resolve();
    else stream.write('', () => resolve());
  });
}
