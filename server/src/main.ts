import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { CodeCacheInfo } from './loadWithCodeCache';
import { startServer } from './server';
import { stdioConnection } from './stdioConnection';

/**
 * dist/serverMain.js: the language server. boot.ts (dist/server.js) loads this bundle
 * and calls `start`; nothing runs before that.
 */
export function start(codeCache?: CodeCacheInfo): { warmedUp: Promise<void> } {
  // createConnection() picks the transport from the command line: `--node-ipc` (how the
  // VS Code client starts it) or `--socket=N`; `--stdio` has a connection of its own.
  const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

  // A bug must never kill the server: log it, keep serving.
  process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${err?.stack ?? err}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

  return startServer(connection, { codeCache });
}
