import type { Diagnostic, PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from './shared/fileKinds';

/** What the scheduler needs from the server; plain functions, so that it knows nothing of modes or settings. */
export interface DiagnosticsSchedulerOptions {
  documents: TextDocuments<TextDocument>;
  /** The document's kind under the current settings; undefined when none of ours (or disabled). */
  kindOf(uri: string): FileKind | undefined;
  /** Milliseconds between the last keystroke and the validation it triggers. */
  validationDelay(): number;
  /** Settles with the first settings: nothing is validated before. */
  firstSettings: Promise<void>;
  /** What validation of a kind must wait for besides the settings (bounded by the caller), if anything. */
  waitFor(kind: FileKind): Promise<void> | undefined;
  /** The diagnostics of the document as it is now. */
  compute(uri: string): Diagnostic[];
  /** The other documents whose diagnostics depend on this one (the files of its Compose project, #16). */
  related?(uri: string): readonly string[];
  send(params: PublishDiagnosticsParams): void;
}

/**
 * When documents are validated and their diagnostics published, after VS Code's
 * json-language-features `utils/validation.ts` (#14): at once on open, debounced per URI
 * on change, cleared on close, all again when settings or the Engine change. Diagnostics
 * are published with the version they were computed for, and dropped when the document
 * changed or closed while validation waited.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(private readonly o: DiagnosticsSchedulerOptions) {
    o.documents.onDidOpen((e) => this.schedule(e.document.uri, 0));
    o.documents.onDidChangeContent((e) => {
      // onDidChangeContent also fires on open; the open handler already validated.
      if (e.document.version > 1 || this.pending.has(e.document.uri)) this.schedule(e.document.uri, o.validationDelay(), true);
    });
    o.documents.onDidClose((e) => {
      this.cancel(e.document.uri);
      o.send({ uri: e.document.uri, diagnostics: [] });
    });
  }

  /** Validates every open document again (settings or Engine state changed); clears those no longer ours. */
  revalidateAll(): void {
    for (const doc of this.o.documents.all()) {
      if (this.o.kindOf(doc.uri)) this.schedule(doc.uri, 0);
      else this.o.send({ uri: doc.uri, diagnostics: [] });
    }
  }

  dispose(): void {
    this.pending.forEach((t) => clearTimeout(t));
    this.pending.clear();
  }

  /** `edited`: the text changed, so the open documents related to it are validated again after it (#16). */
  private schedule(uri: string, delay: number, edited = false): void {
    this.cancel(uri);
    if (delay <= 0) {
      void this.validate(uri, edited);
      return;
    }
    this.pending.set(
      uri,
      setTimeout(() => {
        this.pending.delete(uri);
        void this.validate(uri, edited);
      }, delay),
    );
  }

  private cancel(uri: string): void {
    const t = this.pending.get(uri);
    if (t) {
      clearTimeout(t);
      this.pending.delete(uri);
    }
  }

  private async validate(uri: string, edited = false): Promise<void> {
    this.cancel(uri);
    const doc = this.o.documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    await this.o.firstSettings;
    const kind = this.o.kindOf(uri);
    const wait = kind && this.o.waitFor(kind);
    if (wait) await wait;
    const diagnostics = this.o.compute(uri);
    // The document may have changed or closed while validation waited.
    const now = this.o.documents.get(uri);
    if (!now || now.version !== version) return;
    this.o.send({ uri, version, diagnostics });
    // Only after an edit: a related document validated for this reason does not pass it
    // on, so two files of one project never validate each other in turn.
    if (!edited || !this.o.related) return;
    for (const other of this.o.related(uri)) {
      const doc = this.o.documents.get(other);
      if (doc && other !== uri && !this.pending.has(other)) this.schedule(other, 0);
    }
  }
}
