import * as vscode from 'vscode';
import type { EngineBridge } from '../languageClient';

/**
 * Placeholder until the Docker Networks view lands: registers an empty tree so the
 * contributed view renders, and offers no Engine bridge to the language server.
 */
export function activateNetworks(context: vscode.ExtensionContext, _output: vscode.OutputChannel): EngineBridge | undefined {
  const provider: vscode.TreeDataProvider<never> = { getTreeItem: (e) => e, getChildren: () => [] };
  context.subscriptions.push(vscode.window.createTreeView('dockerNetworking.networks', { treeDataProvider: provider }));
  return undefined;
}
