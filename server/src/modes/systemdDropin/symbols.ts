import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { DropinModel } from './model';

/** The outline: one symbol per section header, its assignments (and each variable of Environment=) inside. */
export function findDocumentSymbols(document: TextDocument, model: DropinModel): DocumentSymbol[] {
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const symbols: DocumentSymbol[] = [];
  let current: DocumentSymbol[] | undefined;
  // One pass over the logical lines, in order: each assignment belongs to the header above it.
  const headers = model.headers;
  let h = -1;
  for (const line of model.lines) {
    if (line.header) {
      h++;
      const next = headers[h + 1];
      const end = next ? next.span.start : (model.stopsAt ?? model.text.length);
      current = [];
      symbols.push({
        name: `[${line.header.name}]`,
        kind: SymbolKind.Module,
        range: range(line.header.span.start, Math.max(line.header.span.end, end)),
        selectionRange: range(line.header.span.start, line.header.span.end),
        children: current,
      });
      continue;
    }
    const a = line.assignment;
    if (!a || !current) continue;
    const vars = (line.environment?.words ?? [])
      .filter((w) => !w.problem)
      .map<DocumentSymbol>((w) => ({
        name: w.name,
        detail: w.value,
        kind: SymbolKind.Variable,
        range: range(w.word.span.start, w.word.span.end),
        selectionRange: range(w.nameSpan.start, w.nameSpan.end),
      }));
    current.push({
      name: a.key,
      detail: a.value.text,
      kind: SymbolKind.Property,
      range: range(a.span.start, a.span.end),
      selectionRange: range(a.keySpan.start, a.keySpan.end),
      children: vars.length > 0 ? vars : undefined,
    });
  }
  return symbols;
}
