import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import type { WorkspaceSubnet } from '../../../server/src/shared/protocol';
import type { EngineSession } from '../engine/engineSession';
import { showInspectDocument } from './inspectDocuments';
import type { NetworkRecord } from './networkRecords';
import { buildSubnetMap, renderSubnetMap } from './subnetMap';
import { crossEngineHtml, crossEngineOverlaps, renderCrossEngine, type EngineNetworks } from './subnetMapAcross';
import { mapBlocks, renderSubnetMapHtml, type MapBlock } from './subnetMapHtml';

/**
 * The subnet map webview (#20): the live networks' subnets and those the workspace's
 * daemon.json and Compose files declare (asked of the language server), drawn by
 * subnetMapHtml.ts. One panel, brought to the front when shown again; redrawn when the
 * Engine's networks change. Scripts run under a nonce and post only three messages: open a
 * block, copy the Markdown table, refresh.
 */
export class SubnetMapPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private blocks: MapBlock[] = [];

  constructor(
    private readonly session: () => EngineSession<NetworkRecord[]>,
    private readonly workspaceSubnets: () => Promise<WorkspaceSubnet[]>,
    /** The networks of every connected Engine, for the comparison across Engines (#22). */
    private readonly allEngines: () => EngineNetworks[] = () => [],
  ) {}

  async show(): Promise<void> {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('dockerNetworking.subnetMap', vscode.l10n.t('Subnet Map'), vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((m: unknown) => void this.onMessage(m));
    } else {
      this.panel.reveal();
    }
    await this.render();
  }

  /** Redraws an open map (the Engine's networks changed). */
  async refresh(): Promise<void> {
    if (this.panel) await this.render();
  }

  private async render(): Promise<void> {
    const s = this.session();
    const files = await this.workspaceSubnets().catch(() => []);
    this.blocks = mapBlocks(buildSubnetMap(s.snapshot ?? []), files, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
    if (!this.panel) return;
    const engines = this.allEngines();
    this.panel.webview.html = renderSubnetMapHtml(this.blocks, s.endpoint?.host ?? vscode.l10n.t('the Docker Engine'), randomBytes(16).toString('base64'), this.panel.webview.cspSource, vscode.env.language, crossEngineHtml(crossEngineOverlaps(engines), engines.length));
  }

  private async onMessage(m: unknown): Promise<void> {
    const msg = m && typeof m === 'object' ? (m as { type?: unknown; id?: unknown }) : {};
    if (msg.type === 'refresh') return this.render();
    if (msg.type === 'copy') {
      const s = this.session();
      const engines = this.allEngines();
      await vscode.env.clipboard.writeText(renderSubnetMap(buildSubnetMap(s.snapshot ?? []), s.endpoint?.host ?? vscode.l10n.t('the Docker Engine')) + renderCrossEngine(crossEngineOverlaps(engines), engines.length));
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied the subnet map as a Markdown table to the clipboard.'));
      return;
    }
    const block = msg.type === 'open' && typeof msg.id === 'number' ? this.blocks[msg.id] : undefined;
    if (!block) return;
    if ('uri' in block.target) {
      const at = new vscode.Position(block.target.line, block.target.character);
      await vscode.window.showTextDocument(vscode.Uri.parse(block.target.uri), { selection: new vscode.Range(at, at), viewColumn: vscode.ViewColumn.Beside });
    } else {
      await showInspectDocument(block.target.networkName, block.target.networkId, vscode.ViewColumn.Beside);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
