/**
 * dist/server.js, the server's entry point: loads the server bundle (dist/serverMain.js,
 * from main.ts) through V8's code cache, starts it, and saves the cache once the server
 * has warmed up. It imports nothing else of ours, so it stays small and loads at once.
 */
import * as path from 'path';
import { loadWithCodeCache } from './loadWithCodeCache';
import type { start } from './main';
import { CODE_CACHE_DIR_ENV } from './protocol';

const bundle = loadWithCodeCache(path.join(__dirname, 'serverMain.js'), process.env[CODE_CACHE_DIR_ENV] || undefined, require);
const server = (bundle.exports as { start: typeof start }).start(bundle.cache);
// After the warm-up, so that the cache holds the code the first document will run;
// setImmediate, so that a request that came in meanwhile is answered first.
void server.warmedUp.then(() => setImmediate(bundle.saveCache));
