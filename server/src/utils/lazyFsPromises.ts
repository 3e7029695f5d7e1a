/**
 * The server's and the CLI's `fs/promises` module (package.json's build:server and
 * build:cli alias it here): Node's, loaded on first use.
 *
 * @vscode/l10n requires `fs/promises` when it loads, for `l10n.config({ uri })`, which
 * neither bundle calls (the server gets its translations as contents, the CLI prints
 * English). Loading it, with the readline and file-watcher modules under it, was 5 ms of
 * every start of the CLI (#21, a CPU profile of `check` on an empty folder).
 */
import { lazyBuiltin } from './lazyBuiltin';

module.exports = lazyBuiltin('fs/promises');
