import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { COPY_RESTART_COMMAND, RestartPendingNotification, type RestartPending } from '../../../server/src/shared/protocol';

/**
 * "Restart pending" (#17): a status bar item while the machine's saved daemon.json differs
 * from what the local running dockerd reports (the language server compares them and
 * says so), and the command its CodeLens and the item run: it copies the command line
 * that applies the file. The extension never restarts anything itself. Made once; each
 * (re)started language client is attached.
 */
export class RestartPendingStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dockerNetworking.restartPending', vscode.StatusBarAlignment.Left, 10);
  private readonly command: vscode.Disposable;
  private listener?: vscode.Disposable;
  private last?: RestartPending;

  constructor() {
    this.item.name = vscode.l10n.t('Docker: restart pending');
    this.command = vscode.commands.registerCommand(COPY_RESTART_COMMAND, async (command?: string) => {
      const text = typeof command === 'string' ? command : this.last?.command;
      if (!text) return;
      await vscode.env.clipboard.writeText(text);
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied: {0}', text));
    });
  }

  attach(client: LanguageClient): void {
    this.listener?.dispose();
    this.show({ settings: [], command: '' });
    this.listener = client.onNotification(RestartPendingNotification, (p) => this.show(p));
  }

  private show(p: RestartPending): void {
    this.last = p;
    if (!p.settings.length) {
      this.item.hide();
      return;
    }
    this.item.text = `$(debug-restart) ${vscode.l10n.t('Docker: restart pending')}`;
    this.item.tooltip = new vscode.MarkdownString(
      `${vscode.l10n.t('dockerd runs an older version of {0}:', p.uri ? vscode.Uri.parse(p.uri).fsPath : 'daemon.json')}\n\n${p.settings.map((s) => `- ${vscode.l10n.t('`{0}`: saved {1}, running {2}', s.key, s.saved, s.running)}`).join('\n')}\n\n${vscode.l10n.t('Click to copy `{0}`.', p.command)}`,
    );
    this.item.command = { title: vscode.l10n.t('Copy the restart command'), command: COPY_RESTART_COMMAND, arguments: [p.command] };
    this.item.show();
  }

  dispose(): void {
    this.listener?.dispose();
    this.command.dispose();
    this.item.dispose();
  }
}
