import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { CommandIds, registerCommands } from './commands';
import { affectsDocumentSelector, createLanguageClient, documentSelector, type LanguageClientHandle } from './languageClient';
import { RestartPendingStatus } from './host/restartPendingStatus';
import { SerialLifecycle } from './serialLifecycle';
import { activateNetworks } from './networks/activateNetworks';
import { NetworkCommandIds, NETWORKS_VIEW_ID } from './networks/networkCommandIds';
import { EngineVersionStatus } from './status/engineVersionStatus';
import { registerWalkthrough } from './walkthrough';
import { WorkspaceSubnetsRequest } from '../../server/src/shared/protocol';

/** The language client's starts and stops, one after the other (serialLifecycle.ts). */
let lifecycle: SerialLifecycle<LanguageClientHandle> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // The client's modules without `vscode` (engine errors, the tree model, shared/cidr.ts)
  // write through @vscode/l10n: give it the bundle VS Code loaded for the display language
  // (#23). vscode.l10n.bundle is undefined in English, and l10n.t then returns the English.
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  // A log channel (#20): levels and time stamps from VS Code, its log level setting, and one
  // format for the Engine side, the status item and the language client (languageClientLog.ts).
  const output = vscode.window.createOutputChannel('Docker Networking', { log: true });
  context.subscriptions.push(output);

  // The subnet map asks the language server for the subnets the workspace's files declare.
  const engine = activateNetworks(context, output, async () => {
    const client = lifecycle?.client?.client;
    return client?.isRunning() ? client.sendRequest(WorkspaceSubnetsRequest, {}) : [];
  });
  context.subscriptions.push(
    new EngineVersionStatus(engine, output, (doc) => vscode.languages.match(documentSelector(), doc) > 0, {
      retry: NetworkCommandIds.retry,
      showView: `${NETWORKS_VIEW_ID}.focus`,
      showOutput: CommandIds.showOutput,
    }),
  );
  registerWalkthrough(context);
  const restartPending = new RestartPendingStatus();
  context.subscriptions.push(restartPending);

  lifecycle = new SerialLifecycle<LanguageClientHandle>(
    () => {
      const handle = createLanguageClient(context, output, engine);
      restartPending.attach(handle.client);
      return handle;
    },
    (err) => output.error(`The language server did not start: ${err instanceof Error ? err.message : String(err)}`),
  );
  const started = lifecycle;
  const restart = (): Promise<void> => started.restart();

  registerCommands(context, { restartServer: restart, showOutput: () => output.show(true) });
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsDocumentSelector(e)) void restart();
    }),
    // The server reads the machine's Docker host files only in a trusted workspace (#17): it learns of trust at start.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void restart()),
  );
  await started.start();
}

export async function deactivate(): Promise<void> {
  await lifecycle?.stop();
  lifecycle = undefined;
}
