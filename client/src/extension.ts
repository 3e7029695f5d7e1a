import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { affectsDocumentSelector, createLanguageClient } from './languageClient';
import { RestartPendingStatus } from './host/restartPendingStatus';
import { activateNetworks } from './networks/activateNetworks';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The client's modules without \`vscode\` (engine errors, the tree model, shared/cidr.ts)
  // write through @vscode/l10n: give it the bundle VS Code loaded for the display language
  // (#23). vscode.l10n.bundle is undefined in English, and l10n.t then returns the English.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  const output = vscode.window.createOutputChannel('Docker Networking');
  context.subscriptions.push(output);

  const engine = activateNetworks(context, output);
  const restartPending = new RestartPendingStatus();
  context.subscriptions.push(restartPending);

  const start = async (): Promise<void> => {
    client = createLanguageClient(context, output, engine);
    restartPending.attach(client);
    try {
      await client.start();
    } catch (err) {
      output.appendLine(`The language server did not start: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const restart = async (): Promise<void> => {
    const old = client;
    client = undefined;
    if (old) await old.stop().catch(() => undefined);
    await start();
  };

  registerCommands(context, { restartServer: restart, showOutput: () => output.show(true) });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsDocumentSelector(e)) void restart();
    }),
    // The server reads the machine's Docker host files only in a trusted workspace (#17): it learns of trust at start.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop().catch(() => undefined);
}
