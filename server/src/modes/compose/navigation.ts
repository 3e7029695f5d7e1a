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
import { TextDocument as TextDocuments } from 'vscode-languageserver-textdocument';
import type { ModeContext } from '../languageMode';
import { spotAt, type ComposeModel } from './model';
import { projectOf } from './project/projectOf';
import { parsedFile } from './project/composeProject';
import { resolvePath } from './project/projectSpecs';
import { substitute } from './interpolation';
import { NETWORK_KEY_PATTERN } from './composeSchema';
import type { OffsetRange } from './yamlNodes';

/**
 * Navigation (definition, references, highlights, rename) over networks and services: a network key under the top-level `networks`
 * is its definition, every service `networks` entry a reference; a service key is the
 * definition of `network_mode: service:NAME`. All of it reads the spots of the parse.
 * Definition, references and rename cover every file of the project the document is
 * loaded with (#16: base, overrides, included files and `extends` bases), each file's
 * positions computed from its own text; highlights stay in the document.
 */
type Symbol = { kind: 'network' | 'service'; name: string };

function symbolAt(model: ComposeModel, offset: number): (Symbol & { range: OffsetRange }) | undefined {
  const s = spotAt(model, offset);
  if (!s) return undefined;
  if (s.kind === 'network-decl' || s.kind === 'network-ref') return { kind: 'network', name: s.name, range: s.range };
  if (s.kind === 'service-decl' || s.kind === 'service-ref' || s.kind === 'extends-ref') return { kind: 'service', name: s.name, range: s.range };
  return undefined;
}

/** Definitions and references of a symbol, deduplicated by position (anchors merge one text into many places). */
function occurrences(model: ComposeModel, sym: Symbol): { range: OffsetRange; decl: boolean }[] {
  const out: { range: OffsetRange; decl: boolean }[] = [];
  const seen = new Set<string>();
  for (const s of model.spots) {
    const decl = s.kind === (sym.kind === 'network' ? 'network-decl' : 'service-decl');
    // `extends` names a service too: renaming it must keep the extends pointing at it (#16).
    const ref = sym.kind === 'network' ? s.kind === 'network-ref' : s.kind === 'service-ref' || s.kind === 'extends-ref';
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

/** The symbol's places in every file of the project, this document first, each with the text it is read from. */
function projectOccurrences(document: TextDocument, model: ComposeModel, sym: Symbol, ctx: ModeContext) {
  const out: { uri: string; doc: TextDocument; text: string; range: OffsetRange; decl: boolean }[] = [];
  for (const o of occurrences(model, sym)) out.push({ uri: document.uri, doc: document, text: model.text, ...o });
  for (const file of projectOf(model, ctx).files) {
    if (file.model === model || file.uri === document.uri) continue;
    const found = occurrences(file.model, sym);
    if (!found.length) continue;
    const doc = TextDocuments.create(file.uri, document.languageId, 0, file.model.text);
    for (const o of found) out.push({ uri: file.uri, doc, text: file.model.text, ...o });
  }
  return out;
}

export function findDefinition(document: TextDocument, position: Position, model: ComposeModel, ctx: ModeContext): Location[] {
  const spot = spotAt(model, document.offsetAt(position));
  if (spot?.kind === 'extends-ref') return extendsTarget(document, model, spot, ctx);
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym) return [];
  return projectOccurrences(document, model, sym, ctx)
    .filter((o) => o.decl)
    .map((o) => ({ uri: o.uri, range: toRange(o.doc, o.range) }));
}

/** The service an `extends` names: in the file it names (read through the workspace), or in this file. */
function extendsTarget(document: TextDocument, model: ComposeModel, spot: { name: string; file?: string }, ctx: ModeContext): Location[] {
  let target: ComposeModel | undefined = model;
  if (spot.file !== undefined) {
    const project = projectOf(model, ctx);
    const self = project.files.find((f) => f.model === model);
    const path = substitute(spot.file, self?.lookup ?? project.lookup);
    target = path === undefined ? undefined : parsedFile(ctx.workspace, resolvePath(self?.workingDir ?? project.dir, path), model);
  }
  if (!target) return [];
  const doc = target === model ? document : TextDocuments.create(target.uri, document.languageId, 0, target.text);
  return (target.servicesByName.get(spot.name) ?? []).map((d) => ({ uri: target.uri, range: toRange(doc, [d.keyNode.range![0], d.keyNode.range![1]]) }));
}

export function findReferences(document: TextDocument, position: Position, model: ComposeModel, ctx: ModeContext): Location[] {
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym) return [];
  return projectOccurrences(document, model, sym, ctx).map((o) => ({ uri: o.uri, range: toRange(o.doc, o.range) }));
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

/** One `WorkspaceEdit` over every file of the project (#16), one list of edits per file. */
export function doRename(document: TextDocument, position: Position, newName: string, model: ComposeModel, ctx: ModeContext): WorkspaceEdit | null {
  const sym = symbolAt(model, document.offsetAt(position));
  if (!sym || !NETWORK_KEY_PATTERN.test(newName)) return null;
  const changes: Record<string, TextEdit[]> = {};
  for (const o of projectOccurrences(document, model, sym, ctx)) {
    const written = o.text.slice(o.range[0], o.range[1]);
    // Quoted keys keep their quotes: replace the name inside them.
    const inner = written.indexOf(sym.name);
    if (inner < 0) continue;
    (changes[o.uri] ??= []).push({ range: toRange(o.doc, [o.range[0] + inner, o.range[0] + inner + sym.name.length]), newText: newName });
  }
  return Object.keys(changes).length ? { changes } : null;
}
