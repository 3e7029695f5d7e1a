import { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceFiles } from './modes/languageMode';
import type { FileKind } from './shared/fileKinds';
import type { IndexedKind, WorkspaceIndex } from './workspaceIndex';

export interface WorkspaceParsesOptions {
  /** The cached parse of an open document (the server's per-version cache), or undefined when the URI is not open. */
  openModel(uri: string, kind: FileKind): unknown;
  /** The mode's parse of a text. */
  parse(kind: FileKind, document: TextDocument): unknown;
  /** Parses of closed files kept; the oldest go first. */
  maxEntries?: number;
  /** `WorkspaceFiles.revision`: given by a host that knows when its files change (the CLI). */
  revision?(): number | undefined;
}

/**
 * The workspace as modes see it (`ModeContext.workspace`): the index's files, plus the
 * parse of any of them (#16). An open document's parse is the server's cache entry for
 * its version; a closed file's is kept while the index gives the same text (the index
 * keeps one string per file until a watcher event, so the check is an identity test),
 * so validating a project of five files after an edit in one parses only that one.
 */
export class WorkspaceParses implements WorkspaceFiles {
  private readonly memo = new Map<string, { kind: FileKind; text: string; model: unknown }>();
  private readonly maxEntries: number;
  /**
   * Parses dropped or replaced so far. A new parse of a file is a new model, which rules
   * tell apart by identity (a Compose project finds the file judged by its model): the
   * same text is then a different answer, and `revision()` must move with it.
   */
  private dropped = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly o: WorkspaceParsesOptions,
  ) {
    this.maxEntries = o.maxEntries ?? 200;
  }

  list(kind?: IndexedKind): readonly string[] {
    return this.index.list(kind);
  }

  read(uri: string): string | undefined {
    return this.index.read(uri);
  }

  exists(uri: string): boolean | undefined {
    return this.index.exists(uri);
  }

  machinePathExists(fileUri: string, p: string): boolean | undefined {
    return this.index.machinePathExists(fileUri, p);
  }

  workspaceFolders(): readonly string[] {
    return this.index.folderUris;
  }

  revision(): number | undefined {
    // Both counters only grow, so their sum moves whenever either does.
    const host = this.o.revision?.();
    return host === undefined ? undefined : host + this.dropped;
  }

  parse(uri: string, kind: FileKind): unknown {
    const open = this.o.openModel(uri, kind);
    if (open !== undefined) return open;
    const text = this.index.read(uri);
    if (text === undefined) {
      this.drop(uri);
      return undefined;
    }
    const hit = this.memo.get(uri);
    if (hit && hit.kind === kind && hit.text === text) return hit.model;
    const model = this.o.parse(kind, TextDocument.create(uri, kind, 0, text));
    this.drop(uri);
    this.memo.set(uri, { kind, text, model });
    if (this.memo.size > this.maxEntries) this.drop(this.memo.keys().next().value as string);
    return model;
  }

  private drop(uri: string): void {
    if (this.memo.delete(uri)) this.dropped++;
  }
}
