import * as vscode from 'vscode';

/** Command ids, declared once; package.json's `contributes.commands` lists the same ids. */
export const CommandIds = {
  restartServer: 'dockerNetworking.restartServer',
  showOutput: 'dockerNetworking.showOutput',
} as const;

export interface CoreCommandHandlers {
  restartServer(): Promise<void>;
  showOutput(): void;
}

/** One table of the core commands; every registration goes into context.subscriptions. */
export function registerCommands(context: vscode.ExtensionContext, handlers: CoreCommandHandlers): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(CommandIds.restartServer, () => handlers.restartServer()),
    vscode.commands.registerCommand(CommandIds.showOutput, () => handlers.showOutput()),
  );
}
