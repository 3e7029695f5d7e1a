import * as vscode from 'vscode';
import type { EngineFleet } from '../engine/engineFleet';
import { engineViewOf } from './engineView';
import type { NetworkRecord } from './networkRecords';
import { withSubnetStatus } from './networkSnapshot';
import { isSwarmNetwork, overlayChildren } from './swarmNetwork';
import { buildTree, engineChildren, engineRootNode, networkChildren, viewDescription, withEngine, type TreeNode, type TreeOptions } from './networkTreeModel';

/**
 * Maps the plain tree model (networkTreeModel.ts) onto vscode.TreeItem. With one Engine the
 * tree is that Engine's, as before; with several (#22) each is a root whose children are
 * asked for, and whose session is started, only when the user expands it.
 */
export class NetworkTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: TreeNode[] = [];

  constructor(
    private readonly fleet: EngineFleet<NetworkRecord[]>,
    private options: TreeOptions,
    private readonly targetId: () => string | undefined,
  ) {
    this.rebuild();
  }

  setOptions(options: TreeOptions): void {
    this.options = options;
    this.rebuild();
  }

  /** Several Engines: each is a root. */
  get multi(): boolean {
    return this.fleet.all.length > 1;
  }

  get description(): string {
    const all = this.fleet.all;
    if (all.length === 1) return viewDescription(all[0].session.state);
    return all.length === 0 ? vscode.l10n.t('no Engines shown') : vscode.l10n.t('{0} Engines', all.length);
  }

  /** Rebuilds the roots; with several Engines and an `engineId`, refreshes only that Engine's root. */
  rebuild(engineId?: string): void {
    const all = this.fleet.all;
    if (all.length === 1) {
      // The only Engine is the target, which activateNetworks starts.
      const m = all[0];
      this.roots = withEngine(buildTree(m.session.state, m.session.snapshot, this.options), m.entry.id, false);
    } else if (all.length === 0) {
      this.roots = [{ id: 'no-engines', kind: 'empty', label: vscode.l10n.t('Every Engine is hidden by the setting dockerNetworking.hiddenEngines.'), icon: 'info', collapsible: 'none' }];
    } else {
      const target = this.targetId();
      const roots = all.map((m) => engineRootNode(engineViewOf(m, target)));
      const sameShape = this.roots.length === roots.length && this.roots.every((r, i) => r.id === roots[i].id);
      if (sameShape) {
        // VS Code knows a tree's elements by reference (ExtHostTreeView keeps a map from the
        // objects getChildren returned): a refresh fired with a new object is dropped, and the
        // root went on saying "Connecting…" after it connected (seen in the e2e test, #22).
        // So the roots VS Code holds are updated in place (engineRootNode sets every field) and
        // the changed one is fired as that same object.
        roots.forEach((r, i) => Object.assign(this.roots[i], r));
        const changedRoot = engineId === undefined ? undefined : this.roots.find((r) => r.engineId === engineId);
        if (changedRoot) {
          this.changed.fire(changedRoot);
          return;
        }
      } else {
        this.roots = roots;
      }
    }
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
    if (node.kind === 'engine') {
      // Expanding an Engine is what connects to it.
      const m = this.fleet.start(node.engineId ?? '');
      return m ? engineChildren(engineViewOf(m, this.targetId()), this.options) : [];
    }
    // Subnet usage is only in network inspect: fetched for the networks the user expands (#19).
    const s = this.fleet.get(node.engineId)?.session;
    const network = node.kind === 'network' ? s?.snapshot?.find((n) => n.id === node.networkId) : undefined;
    if (s && network && s.client && s.state.kind === 'connected') {
      let children = networkChildren(network);
      try {
        const detailed = await withSubnetStatus(s.client, network, s.state.identity.apiVersion);
        if (detailed !== network) children = networkChildren(detailed);
      } catch {
        // The children without usage; a lost Engine shows in the session's state.
      }
      // Services, tasks and peers of an overlay network: only the verbose inspect has them (#22).
      if (isSwarmNetwork(network)) children = [...children, ...(await overlayChildren(s.client, network).catch(() => []))];
      return withEngine(children, node.engineId!, this.multi);
    }
    return node.children ?? [];
  }

  dispose(): void {
    this.changed.dispose();
  }
}
