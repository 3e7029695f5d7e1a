/**
 * dist/server.js, the server's entry point: loads the server bundle (dist/serverMain.js,
 * from main.ts) through V8's code cache, starts it, and once the server has warmed up,
 * saves the cache and collects garbage. It imports nothing else of ours, so it stays
 * small and loads at once.
 */
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { loadWithCodeCache } from './loadWithCodeCache';
import type { start } from './main';
import { CODE_CACHE_DIR_ENV } from './shared/codeCacheDir';

// The start-up leaves a young generation full of live objects (tables built on first
// use, the warm-up's data), and the first scavenge copies them all: 2–6 ms, which
// landed in the first document's diagnostics (#8). One full collection after the
// warm-up moves them out of the way. Node offers no collection without --expose-gc; the
// flag is set before the bundle is compiled, so that the code cache, which V8 keys by
// its flags, is made and used under the same ones.
v8.setFlagsFromString('--expose-gc');
// V8 gives a function its feedback vector (where its inline caches learn) only after it has
// run for a while, and until then runs it without them: the first document a server
// opens runs most of a mode for the first time, slowly (#14, paired cold opens against the
// parse-only server, 30 rounds: dropin-200 +1.41/+1.79 ms with lazy allocation, +0.67/+0.76
// without; daemon-100 +0.40 against -0.18 ms). Eager allocation costs 0.15 MB after load
// and nothing measurable at start (spawn -> initialize, median of 10: 128.9 against 127.8 ms).
// Set here for the same reason as --expose-gc: the code cache is keyed by V8's flags.
v8.setFlagsFromString('--no-lazy-feedback-allocation');

const bundle = loadWithCodeCache(path.join(__dirname, 'serverMain.js'), process.env[CODE_CACHE_DIR_ENV] || undefined, require);
const server = (bundle.exports as { start: typeof start }).start(bundle.cache);
// After the warm-up, so that the cache holds the code the first document will run;
// setImmediate, so that a request that came in meanwhile is answered first.
void server.warmedUp.then(() =>
  setImmediate(() => {
    bundle.saveCache();
    // A new context has `gc` now that the flag is set (made only here: a context costs a
    // few milliseconds, which the start must not pay). A runtime that ignores the flag
    // has no `gc` there; only the collection is lost.
    try {
      (vm.runInNewContext('gc') as () => void)();
    } catch {
      // See above.
    }
  }),
);
