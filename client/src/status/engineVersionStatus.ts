import * as vscode from 'vscode';
import { engineVersionInForce, type EngineVersionInForce } from '../../../server/src/shared/engineVersion';
import { SETTINGS_SECTION } from '../../../server/src/shared/protocol';
import type { EngineBridge } from '../languageClient';
import { describeEngineVersion, engineVersionChoices, type ConnectionCommands, type EngineVersionChoice } from './engineVersionText';
import { targetEngineItems, targetEngineSuffix, targetEngineTooltip } from './targetEngineText';

export const PICK_ENGINE_VERSION_COMMAND = 'dockerNetworking.pickEngineVersion';
const SETTING = 'engineVersion';

/**
 * The status bar item that says which Engine version the diagnostics follow and why (#20:
 * with `auto` the verdicts changed silently when the Engine came or went). Shown while the
 * active editor holds a file of ours (`isOurs`, the language client's document selector);
 * a click opens a quick pick that writes `dockerNetworking.engineVersion`. Every change of
 * the version in force, per workspace folder, is one line in the log.
 *
 * The version is computed with the server's own function (shared/engineVersion.ts) from the
 * same two inputs the server has, the resource's setting and the Engine state the client
 * pushes, so the item cannot say something the diagnostics do not do.
 */
export class EngineVersionStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last line logged per scope (a workspace folder's URI, or '' for the window). */
  private readonly logged = new Map<string, string>();

  constructor(
    private readonly engine: EngineBridge | undefined,
    private readonly log: vscode.LogOutputChannel,
    private readonly isOurs: (doc: vscode.TextDocument) => boolean,
    private readonly commands: ConnectionCommands,
  ) {
    this.item = vscode.window.createStatusBarItem('dockerNetworking.engineVersion', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Docker Networking: Engine Version');
    this.item.command = PICK_ENGINE_VERSION_COMMAND;
    this.disposables.push(
      this.item,
      vscode.commands.registerCommand(PICK_ENGINE_VERSION_COMMAND, () => this.pick()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SETTINGS_SECTION}.${SETTING}`)) this.update();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.update()),
    );
    if (engine) this.disposables.push(engine.onDidChangeEngineState(() => this.update()));
    // Which of several Engines the diagnostics follow (#22) shows in the item and is switched from it.
    if (engine?.onDidChangeTarget) this.disposables.push(engine.onDidChangeTarget(() => this.update()));
    this.update();
  }

  private get engineVersion(): string | undefined {
    return this.engine?.engineState.info.version;
  }

  private get connected(): boolean {
    return this.engine?.engineState.networks !== undefined;
  }

  private settingOf(scope: vscode.ConfigurationScope | null): string {
    return (vscode.workspace.getConfiguration(SETTINGS_SECTION, scope).get<string>(SETTING) ?? 'auto').trim() || 'auto';
  }

  private inForce(scope: vscode.ConfigurationScope | null): EngineVersionInForce {
    return engineVersionInForce(this.settingOf(scope), this.engineVersion);
  }

  /** The document the item speaks for: the active editor's, when it is a file of ours. */
  private activeDocument(): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc && this.isOurs(doc) ? doc : undefined;
  }

  update(): void {
    this.logChanges();
    const doc = this.activeDocument();
    if (!doc) {
      this.item.hide();
      return;
    }
    const words = describeEngineVersion(this.inForce(doc.uri), this.engineVersion);
    this.item.text = `$(server-environment) ${words.text}${targetEngineSuffix(this.engine?.engines)}`;
    const target = targetEngineTooltip(this.engine?.engines);
    this.item.tooltip = new vscode.MarkdownString(`${words.tooltip}${target ? `\n\n${target}` : ''}\n\n${vscode.l10n.t('Click to choose the Engine version.')}`);
    this.item.accessibilityInformation = { label: vscode.l10n.t('Diagnostics follow {0}', words.text), role: 'button' };
    this.item.show();
  }

  /** One log line per scope whenever the version in force there changes (and once at start). */
  private logChanges(): void {
    const folders = vscode.workspace.workspaceFolders ?? [];
    const scopes: Array<{ key: string; scope: vscode.WorkspaceFolder | null; name?: string }> =
      folders.length === 0 ? [{ key: '', scope: null }] : folders.map((f) => ({ key: f.uri.toString(), scope: f, name: folders.length > 1 ? f.name : undefined }));
    for (const { key, scope, name } of scopes) {
      const line = describeEngineVersion(this.inForce(scope), this.engineVersion).log;
      if (this.logged.get(key) === line) continue;
      this.logged.set(key, line);
      this.log.info(name ? `${name}: ${line}` : line);
    }
  }

  private async pick(): Promise<void> {
    const doc = this.activeDocument();
    const scope = doc?.uri ?? vscode.workspace.workspaceFolders?.[0] ?? null;
    const setting = this.settingOf(scope);
    const choices = engineVersionChoices(setting, this.inForce(scope), this.connected, this.commands);
    type Item = vscode.QuickPickItem & { choice: EngineVersionChoice; engineId?: string };
    const items: Item[] = choices.map((c) =>
      c.kind === 'separator'
        ? { label: c.label, kind: vscode.QuickPickItemKind.Separator, choice: c }
        : { label: c.label, description: c.description, detail: c.kind === 'value' ? c.detail : undefined, choice: c },
    );
    const engines = targetEngineItems(this.engine?.engines);
    if (engines.length) {
      const separator: EngineVersionChoice = { kind: 'separator', label: vscode.l10n.t('Engine the diagnostics follow') };
      items.push({ label: separator.label, kind: vscode.QuickPickItemKind.Separator, choice: separator }, ...engines.map((e) => ({ label: e.label, description: e.description, detail: e.detail, choice: separator, engineId: e.id })));
    }
    const chosen = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Engine version the diagnostics follow'),
      placeHolder: vscode.l10n.t('Now {0}. Pick a release, or follow the connected Engine', describeEngineVersion(this.inForce(scope), this.engineVersion).text),
      matchOnDescription: true,
    });
    if (!chosen) return;
    if (chosen.engineId) return void (await this.engine?.setTarget?.(chosen.engineId));
    const c = chosen.choice;
    if (c.kind === 'command') {
      await vscode.commands.executeCommand(c.command);
    } else if (c.kind === 'value') {
      await this.write(scope, c.value);
    }
  }

  /**
   * Writes the setting where it is already set for this resource, most specific first;
   * else in the workspace when one is open (the choice is about these files), else in
   * the user settings.
   */
  private async write(scope: vscode.ConfigurationScope | null, value: string): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
    const seen = config.inspect<string>(SETTING);
    const target =
      seen?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : seen?.workspaceValue !== undefined || vscode.workspace.workspaceFolders?.length
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    await config.update(SETTING, value, target);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
