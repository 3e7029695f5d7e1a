import * as vscode from 'vscode';

/**
 * Read-only virtual documents: `docker-networking:/network/<name>.json?<id>` holds a
 * network's inspect JSON (opened as `jsonc`, so that the comment saying why it is empty,
 * a network removed since, is no JSON error in the Problems panel, #20), and
 * `docker-networking:/subnet-map.md` the subnet map. Content is produced on demand.
 */
export const INSPECT_SCHEME = 'docker-networking';

/**
 * Shows a network's inspect document, as JSON with comments (#20): the comment that says
 * why a document is empty (a network removed since) is then no JSON error in Problems.
 */
export async function showInspectDocument(name: string, id: string, viewColumn?: vscode.ViewColumn): Promise<void> {
  const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(InspectDocuments.networkUri(name, id)), 'jsonc');
  await vscode.window.showTextDocument(doc, { preview: true, viewColumn });
}

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
