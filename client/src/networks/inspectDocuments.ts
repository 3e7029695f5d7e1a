import * as vscode from 'vscode';

/**
 * Read-only virtual documents: `docker-networking:/network/<name>.json?<id>` holds a
 * network's inspect JSON (opened as `jsonc`, so that the comment saying why it is empty,
 * a network removed since, is no JSON error in the Problems panel, #20), and
 * `docker-networking:/subnet-map.md` the subnet map. Content is produced on demand.
 */
export const INSPECT_SCHEME = 'docker-networking';

export type ContentSource = (uri: vscode.Uri) => Promise<string>;

export class InspectDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly open = new Set<string>();

  constructor(private readonly source: ContentSource) {}

  static networkUri(name: string, id: string): vscode.Uri {
    return vscode.Uri.from({ scheme: INSPECT_SCHEME, path: `/network/${name}.json`, query: id });
  }

  static subnetMapUri(): vscode.Uri {
    return vscode.Uri.from({ scheme: INSPECT_SCHEME, path: '/subnet-map.md' });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    this.open.add(uri.toString());
    try {
      return await this.source(uri);
    } catch (err) {
      return `// ${err instanceof Error ? err.message : String(err)}\n`;
    }
  }

  /** Re-reads every document shown so far (after a refresh). */
  refreshAll(): void {
    for (const u of this.open) this.changed.fire(vscode.Uri.parse(u));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
