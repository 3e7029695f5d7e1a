import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { CodeCacheInfo } from './loadWithCodeCache';
import { startServer } from './server';

/**
 * dist/serverMain.js: the language server. boot.ts (dist/server.js) loads this bundle
 * and calls `start`; nothing runs before that.
 */
export function start(codeCache?: CodeCacheInfo): { warmedUp: Promise<void> } {
  // createConnection() picks the transport from the command line: `--stdio`,
  // `--node-ipc` (how the VS Code client starts it) or `--socket=N`. The library writes a
  // message's header and content in two writes over stdio; a one-write stream was tried
  // for #14 and left out: VS Code's client uses IPC, and over stdio it made only our side
  // of the bench's comparison with yaml-language-server faster, not what VS Code users see.
  const connection = createConnection(ProposedFeatures.all);

  // A bug must never kill the server: log it, keep serving.
  process.on('uncaughtException', (err) => connection.console.error(`Uncaught exception: ${err?.stack ?? err}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${String(reason)}`));

  return startServer(connection, { codeCache });
}
