import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

/**
 * Loads a CommonJS bundle through V8's code cache, so that a server started for the
 * second time skips most of the compiling of its 1 MB bundle (#8: about 45 of the
 * 110 ms our bundle took to load were V8 compiling it and the functions its top level
 * runs).
 *
 * Written by hand because nothing maintained does it for Node 20, which VS Code's
 * Electron and our CI run: `module.enableCompileCache()` arrives in Node 22.1, and
 * `v8-compile-cache` writes its cache only at a clean process exit (a language server
 * is usually killed) and keys it by file name (an updated bundle of the same name
 * would get the old code). Once Node 22 is the floor, this file can go.
 *
 * How it stays correct:
 * - V8 checks only the source's length, its own version and its flags, so the cache
 *   file is keyed by the bundle's size and mtime and by V8 version and architecture:
 *   an updated extension never meets the old cache.
 * - The caller saves the cache once the server is warm, so it holds the functions the
 *   warm-up compiled too. It is written to a temporary file and renamed, so two servers
 *   never read half a file.
 * - Any failure (no directory, unreadable, rejected by V8) falls back to a plain
 *   compile; a missing or rejected cache is saved again.
 */
export interface CodeCacheInfo {
  /** 'used': V8 took the cache; 'rejected': V8 refused it; 'none': there was none (or no directory). */
  state: 'used' | 'rejected' | 'none';
  /** The cache file, when a directory was given. */
  file?: string;
}

export interface LoadedBundle {
  exports: unknown;
  cache: CodeCacheInfo;
  /**
   * Writes the cache from the code compiled so far, when there is a directory and the
   * cache was not used; true once written. Never throws.
   */
  saveCache(): boolean;
}

/** Cache file name for `bundle` as it is now (see the key above); undefined if it cannot be read. */
export function codeCacheFileName(bundle: string): string | undefined {
  try {
    const stat = fs.statSync(bundle);
    const key = [stat.size, Math.floor(stat.mtimeMs), process.versions.v8, process.arch].join('-').replace(/[^\w.-]/g, '_');
    return `${path.basename(bundle)}-${key}.v8cache`;
  } catch {
    return undefined;
  }
}

/**
 * Runs `bundle` as a CommonJS module with `requireFn` (a bundle requires only Node's
 * built-in modules). Without `cacheDir` it just compiles and runs it.
 */
export function loadWithCodeCache(bundle: string, cacheDir: string | undefined, requireFn: NodeRequire): LoadedBundle {
  const source = fs.readFileSync(bundle, 'utf8');
  const name = cacheDir ? codeCacheFileName(bundle) : undefined;
  const file = cacheDir && name ? path.join(cacheDir, name) : undefined;
  let cachedData: Buffer | undefined;
  if (file) {
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper Node's own loader puts around a CommonJS module.
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapper, { filename: bundle, cachedData });
  const cache: CodeCacheInfo = { state: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used', file };
  const mod = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(mod.exports, requireFn, mod, bundle, path.dirname(bundle));
  return {
    exports: mod.exports,
    cache,
    saveCache: () => (file !== undefined && cache.state !== 'used' ? writeCodeCache(script, file, `${path.basename(bundle)}-`) : false),
  };
}

/** Writes the cache atomically and removes the caches of other versions of the bundle. */
function writeCodeCache(script: vm.Script, file: string, prefix: string): boolean {
  const dir = path.dirname(file);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, file);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // Nothing more to do: the next start compiles without a cache.
    }
    return false;
  }
  // Old versions' caches: same bundle name, another key. A failure here costs only disk.
  try {
    for (const other of fs.readdirSync(dir)) {
      if (other.startsWith(prefix) && other.endsWith('.v8cache') && other !== path.basename(file)) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch {
    // See above.
  }
  return true;
}
