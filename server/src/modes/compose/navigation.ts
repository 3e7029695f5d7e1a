import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { ModeContext } from '../languageMode';
import { spotAt, type ComposeModel } from './model';
import { NETWORK_KEY_PATTERN } from './composeSchema';
import type { OffsetRange } from './yamlNodes';

/**
 * Navigation (definition, references, highlights, rename) over networks and services: a network key under the top-level `networks`
 * is its definition, every service `networks` entry a reference; a service key is the
 * definition of `network_mode: service:NAME`. All of it reads the spots of the parse.
 */
type Symbol = { kind: 'network' | 'service'; name: string };

function symbolAt(model: ComposeModel, offset: number): (Symbol & { range: OffsetRange }) | undefined {
  const s = spotAt(model, offset);
  if (!s) return undefined;
  if (s.kind === 'network-decl' || s.kind === 'network-ref') return { kind: 'network', name: s.name, range: s.range };
  if (s.kind === 'service-decl' || s.kind === 'service-ref') return { kind: 'service', name: s.name, range: s.range };
  return undefined;
}

/** Definitions and references of a symbol, deduplicated by position (anchors merge one text into many places). */
function occurrences(model: ComposeModel, sym: Symbol): { range: OffsetRange; decl: boolean }[] {
  const out: { range: OffsetRange; decl: boolean }[] = [];
  const seen = new Set<string>();
  for (const s of model.spots) {
    const decl = s.kind === (sym.kind === 'network' ? 'network-decl' : 'service-decl');
    const ref = s.kind === (sym.kind === 'network' ? 'network-ref' : 'service-ref');
    if ((!decl && !ref) || (s as { name: string }).name !== sym.name) continue;
    const key = `${s.range[0]}:${s.range[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ range: s.range, decl });
  }
  return out;
}

export function toRange(document: TextDocument, r: OffsetRange): Range {
  return { start: document.positionAt(r[0]), end: document.positionAt(r[1]) };
}

export function findDefinition(document: TextDocument, position: Position, model: ComposeModel, _ctx: ModeContext): Location[] {
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym) return [];
  return occurrences(model, sym)
    .filter((o) => o.decl)
    .map((o) => ({ uri: document.uri, range: toRange(document, o.range) }));
}

export function findReferences(document: TextDocument, position: Position, model: ComposeModel, _ctx: ModeContext): Location[] {
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym) return [];
  return occurrences(model, sym).map((o) => ({ uri: document.uri, range: toRange(document, o.range) }));
}

export function findDocumentHighlights(document: TextDocument, position: Position, model: ComposeModel, _ctx: ModeContext): DocumentHighlight[] {
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym) return [];
  return occurrences(model, sym).map((o) => ({ range: toRange(document, o.range), kind: o.decl ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}

export function prepareRename(document: TextDocument, position: Position, model: ComposeModel, _ctx: ModeContext): { range: Range; placeholder: string } | null {
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym) return null;
  // Only names written plainly can be renamed by editing their text.
  const text = model.text.slice(sym.range[0], sym.range[1]);
  const inner = text.indexOf(sym.name);
  if (inner < 0 || text.length - sym.name.length > 2) return null;
  return { range: toRange(document, [sym.range[0] + inner, sym.range[0] + inner + sym.name.length]), placeholder: sym.name };
}

export function doRename(document: TextDocument, position: Position, newName: string, model: ComposeModel, _ctx: ModeContext): WorkspaceEdit | null {
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym || !NETWORK_KEY_PATTERN.test(newName)) return null;
  const edits: TextEdit[] = [];
  for (const o of occurrences(model, sym)) {
    const written = model.text.slice(o.range[0], o.range[1]);
    // Quoted keys keep their quotes: replace the name inside them.
    const inner = written.indexOf(sym.name);
    if (inner < 0) continue;
    edits.push({ range: toRange(document, [o.range[0] + inner, o.range[0] + inner + sym.name.length]), newText: newName });
  }
  return edits.length ? { changes: { [document.uri]: edits } } : null;
}
