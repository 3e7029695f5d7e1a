import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { DropinModel } from './dropinModel';
import { locRange, offsetToLoc } from './loc';

/** The outline: one symbol per section header, its assignments (and each variable of Environment=) inside. */
export function dropinSymbols(document: TextDocument, model: DropinModel): DocumentSymbol[] {
  const range = (start: number, end: number) => locRange({ start, end });
  const symbols: DocumentSymbol[] = [];
  const documentEnd = offsetToLoc(document, document.getText().length);
  model.doc.headers.forEach((h, i) => {
    const next = model.doc.headers[i + 1];
    const end = next ? next.span.start : (model.doc.stopsAt ?? documentEnd);
    const children: DocumentSymbol[] = [];
    for (const a of model.doc.assignments) {
      if (a.section !== h) continue;
      const env = model.environment.find((l) => l.assignment.span.start === a.span.start);
      const vars = (env?.words ?? [])
        .filter((w) => !w.problem)
        .map<DocumentSymbol>((w) => ({
          name: w.name,
          detail: w.value,
          kind: SymbolKind.Variable,
          range: range(w.word.span.start, w.word.span.end),
          selectionRange: range(w.nameSpan.start, w.nameSpan.end),
        }));
      children.push({
        name: a.key,
        detail: a.value.text,
        kind: SymbolKind.Property,
        range: range(a.span.start, a.span.end),
        selectionRange: range(a.keySpan.start, a.keySpan.end),
        children: vars.length > 0 ? vars : undefined,
      });
    }
    symbols.push({
      name: `[${h.name}]`,
      kind: SymbolKind.Module,
      range: range(h.span.start, Math.max(h.span.end, end)),
      selectionRange: range(h.span.start, h.span.end),
      children,
    });
  });
  return symbols;
}
