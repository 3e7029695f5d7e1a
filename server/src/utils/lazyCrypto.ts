/**
 * The server bundle's `crypto` module (package.json's build:server aliases it here):
 * Node's `crypto`, loaded on first use.
 *
 * vscode-jsonrpc requires `crypto` when it loads, for the random names of the pipes it
 * can create; a server on stdio or node-ipc never creates one. Loading `crypto` and the
 * stream modules under it took about 10 ms of each start (#8).
 */
// An indirect `require`, which esbuild leaves alone: a direct one would be aliased back here.
const nodeRequire = require;
let crypto: typeof import('crypto') | undefined;

module.exports = new Proxy(
  {},
  {
    get: (_target, key) => (crypto ??= nodeRequire('crypto') as typeof import('crypto'))[key as keyof typeof import('crypto')],
  },
);
