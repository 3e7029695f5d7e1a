import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * A parse cache keyed by URI and document version, after VS Code's
 * json-language-features `languageModelCache.ts`: a document's parse is reused
 * until its version changes; the least recently used entries are evicted beyond
 * `maxEntries`, and entries unused for `maxAgeMs` are dropped by `cleanup()`. A new
 * version is parsed with the model of the version before it at hand.
 */
export class LanguageModelCache<T> {
  private readonly entries = new Map<string, { version: number; languageId: string; model: T; used: number }>();

  constructor(
    private readonly parse: (document: TextDocument, previous: T | undefined) => T,
    private readonly maxEntries = 20,
    private readonly maxAgeMs = 5 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(document: TextDocument): T {
    const hit = this.entries.get(document.uri);
    const used = this.now();
    if (hit && hit.version === document.version && hit.languageId === document.languageId) {
      hit.used = used;
      // Re-insert to keep Map order = recency order.
      this.entries.delete(document.uri);
      this.entries.set(document.uri, hit);
      return hit.model;
    }
    // The model of the version before, for modes that parse incrementally.
    const model = this.parse(document, hit?.model);
    this.entries.delete(document.uri);
    this.entries.set(document.uri, { version: document.version, languageId: document.languageId, model, used });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return model;
  }

  onDocumentRemoved(uri: string): void {
    this.entries.delete(uri);
  }

  /** Drops entries not used for `maxAgeMs`. Called on a timer by the server. */
  cleanup(): void {
    const limit = this.now() - this.maxAgeMs;
    for (const [uri, e] of this.entries) if (e.used < limit) this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  dispose(): void {
    this.entries.clear();
  }
}
