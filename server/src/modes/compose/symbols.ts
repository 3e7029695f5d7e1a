import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import type { ComposeModel } from './model';
import { toRange } from './navigation';
import { addressing } from './networkAddressing';

/** Document symbols: one per declared network, its driver (or `external`) and subnets as detail. */
export function findDocumentSymbols(document: TextDocument, model: ComposeModel, _ctx: ModeContext): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const decl of model.networks) {
    const key = decl.keyNode.range!;
    let end = decl.value?.range ? decl.value.range[1] : key[1];
    while (end > key[1] && /\s/.test(model.text[end - 1])) end--;
    const a = addressing(model, decl);
    const detail = [a.external ? 'external' : a.driver ?? 'bridge', ...a.blocks.map((b) => b.subnet?.text).filter((s): s is string => !!s)].join(' ');
    out.push({
      // LSP refuses an empty name (VS Code throws on it): a key written `""` is shown as written (#15 item 10).
      name: decl.key || model.text.slice(key[0], key[1]) || '""',
      detail,
      kind: SymbolKind.Interface,
      range: toRange(document, [key[0], Math.max(end, key[1])]),
      selectionRange: toRange(document, [key[0], key[1]]),
    });
  }
  return out;
}

