/**
 * The server bundle's `crypto` module (package.json's build:server aliases it here):
 * Node's `crypto`, loaded on first use.
 *
 * vscode-jsonrpc requires `crypto` when it loads, for the random names of the pipes it
 * can create; a server on stdio or node-ipc never creates one. Loading `crypto` and the
 * stream modules under it took about 10 ms of each start (#8).
 */
import { lazyBuiltin } from './lazyBuiltin';

module.exports = lazyBuiltin('crypto');
