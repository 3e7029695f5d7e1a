import * as vscode from 'vscode';
import { templates } from '../../snippets/templates.json';
import { FILE_KINDS, type FileKind } from '../../server/src/shared/fileKinds';

/** Command ids of the walkthrough (package.json `contributes.walkthroughs` and `commands`). */
export const WalkthroughCommandIds = {
  gettingStarted: 'dockerNetworking.gettingStarted',
  openTemplate: 'dockerNetworking.openTemplate',
} as const;

export const WALKTHROUGH_ID = 'docker-networking.docker-networking#dockerNetworking.gettingStarted';

/** Where to look for a file of each kind before writing the template (the default patterns, #20). */
const FIND: Record<FileKind, string> = {
  daemonJson: '**/daemon.json',
  compose: '**/{compose,docker-compose}.{yml,yaml}',
  systemdDropin: '**/*.service.d/*.conf',
};

/**
 * The walkthrough's "Open or create …" steps: the workspace's file of that kind if it has
 * one, else the template of snippets/templates.json written into the first workspace
 * folder (the user asked for it with the step's button), else, with no folder open, an
 * untitled document holding the template. Each step is marked done through a context key
 * (`dockerNetworking.walkthrough.<kind>`), which the step's completionEvents watch.
 */
async function openTemplate(kind: unknown): Promise<void> {
  if (typeof kind !== 'string' || !(FILE_KINDS as readonly string[]).includes(kind)) return;
  const k = kind as FileKind;
  const t = templates[k];
  const [found] = await vscode.workspace.findFiles(FIND[k], '**/node_modules/**', 1);
  let doc: vscode.TextDocument;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (found) {
    doc = await vscode.workspace.openTextDocument(found);
  } else if (folder) {
    const uri = vscode.Uri.joinPath(folder.uri, t.path);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${t.body.join('\n')}\n`));
    doc = await vscode.workspace.openTextDocument(uri);
  } else {
    doc = await vscode.workspace.openTextDocument({ content: `${t.body.join('\n')}\n`, language: k === 'daemonJson' ? 'json' : k === 'compose' ? 'yaml' : 'ini' });
  }
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('setContext', `dockerNetworking.walkthrough.${k}`, true);
}

export function registerWalkthrough(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(WalkthroughCommandIds.openTemplate, openTemplate),
    vscode.commands.registerCommand(WalkthroughCommandIds.gettingStarted, () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false)),
  );
}
