import * as vscode from 'vscode';
import type { EngineSession, SessionState } from '../engine/engineSession';
import type { NetworkRecord } from './networkRecords';
import { buildTree, viewDescription, type TreeNode, type TreeOptions } from './networkTreeModel';

/** Maps the plain tree model (networkTreeModel.ts) onto vscode.TreeItem; no logic of its own. */
export class NetworkTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];

  constructor(
    private session: EngineSession<NetworkRecord[]>,
    private options: TreeOptions,
  ) {
    this.rebuild();
  }

  setSession(session: EngineSession<NetworkRecord[]>): void {
    this.session = session;
    this.rebuild();
  }

  setOptions(options: TreeOptions): void {
    this.options = options;
    this.rebuild();
  }

  get state(): SessionState {
    return this.session.state;
  }

  get description(): string {
    return viewDescription(this.session.state);
  }

  rebuild(): void {
    this.roots = buildTree(this.session.state, this.session.snapshot, this.options);
    this.changed.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const state = node.collapsible === 'none' ? vscode.TreeItemCollapsibleState.None : node.collapsible === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip) item.tooltip = new vscode.MarkdownString(node.tooltip);
    if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
    item.contextValue = node.contextValue;
    if (node.command) item.command = { command: node.command.command, title: node.command.title, arguments: [node] };
    return item;
  }

  getChildren(node?: TreeNode): TreeNode[] {
    return node ? (node.children ?? []) : this.roots;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
