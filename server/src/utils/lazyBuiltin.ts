/**
 * A Node built-in module that is loaded on first use, for the bundles' `--alias`es
 * (lazyCrypto.ts, lazyFsPromises.ts): libraries we bundle require these modules when they
 * load, for code paths our server and CLI rarely or never take, and loading a built-in
 * with the modules under it costs milliseconds of every start (#8, #21).
 */
// An indirect `require`, which esbuild leaves alone: a direct one would be aliased back.
const nodeRequire = require;

export function lazyBuiltin(name: string): object {
  let loaded: Record<string | symbol, unknown> | undefined;
  return new Proxy(
    {},
    {
      get: (_target, key) => (loaded ??= nodeRequire(name) as Record<string | symbol, unknown>)[key],
    },
  );
}
