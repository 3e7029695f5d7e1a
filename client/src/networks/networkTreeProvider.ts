import * as vscode from 'vscode';
import type { EngineSession, SessionState } from '../engine/engineSession';
import type { NetworkRecord } from './networkRecords';
import { withSubnetStatus } from './networkSnapshot';
import { buildTree, networkChildren, viewDescription, type TreeNode, type TreeOptions } from './networkTreeModel';

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

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) return this.roots;
    // Subnet usage is only in network inspect: fetched for the networks the user expands (#19).
    const s = this.session;
    const network = node.kind === 'network' ? s.snapshot?.find((n) => n.id === node.networkId) : undefined;
    if (network && s.client && s.state.kind === 'connected') {
      try {
        const detailed = await withSubnetStatus(s.client, network, s.state.identity.apiVersion);
        if (detailed !== network) return networkChildren(detailed);
      } catch {
        // The children without usage; a lost Engine shows in the session's state.
      }
    }
    return node.children ?? [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
