import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type DocumentHighlight,
  type DocumentSymbol,
  type Hover,
  type Location,
  type Position,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { FileKind } from '../shared/fileKinds';
import type { FixDescriptor, LanguageMode, ModeContext, OffsetEdit, Problem, Severity } from './languageMode';

/**
 * TEMPORARY (#14): the mode interface before the one shape, and an adapter from it, so
 * that each mode can move to the new shape on its own. Goes once every mode has moved.
 */
export interface LegacyLanguageMode<P = unknown> {
  readonly kind: FileKind;
  parse(document: TextDocument, previous?: P): P;
  doValidation?(document: TextDocument, parsed: P, ctx: ModeContext): Diagnostic[];
  doComplete?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): CompletionList;
  doHover?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): Hover | null;
  getCodeActions?(document: TextDocument, range: Range, diagnostics: Diagnostic[], parsed: P, ctx: ModeContext): CodeAction[];
  findDefinition?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): Location[];
  findReferences?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): Location[];
  findDocumentHighlights?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): DocumentHighlight[];
  findDocumentSymbols?(document: TextDocument, parsed: P, ctx: ModeContext): DocumentSymbol[];
  prepareRename?(document: TextDocument, position: Position, parsed: P, ctx: ModeContext): { range: Range; placeholder: string } | null;
  doRename?(document: TextDocument, position: Position, newName: string, parsed: P, ctx: ModeContext): WorkspaceEdit | null;
  readonly triggerCharacters?: readonly string[];
  readonly warmUpSample?: string;
}

interface LegacyModel<P> {
  document: TextDocument;
  parsed: P;
}

interface LegacyFix extends FixDescriptor {
  edits: OffsetEdit[];
  /** The document version the edits were made for. */
  version: number;
}

const SEVERITY: Record<number, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function fromLegacy<P>(legacy: LegacyLanguageMode<P>): LanguageMode<LegacyModel<P>, LegacyFix> {
  return {
    kind: legacy.kind,
    triggerCharacters: legacy.triggerCharacters,
    parse: (document) => ({ document, parsed: legacy.parse(document) }),
    validate: legacy.doValidation
      ? (m, ctx) =>
          legacy.doValidation!(m.document, m.parsed, ctx).map((d): Problem<LegacyFix> => {
            const doc = m.document;
            const fixes: LegacyFix[] = [];
            for (const a of legacy.getCodeActions?.(doc, d.range, [d], m.parsed, ctx) ?? []) {
              const edits = a.edit?.changes?.[doc.uri] ?? [];
              fixes.push({
                title: a.title,
                version: doc.version,
                preferred: a.isPreferred,
                edits: edits.map((e) => ({ range: [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)], newText: e.newText })),
              });
            }
            const p: Problem<LegacyFix> = {
              range: [doc.offsetAt(d.range.start), doc.offsetAt(d.range.end)],
              severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
              code: String(d.code ?? ''),
              message: d.message,
            };
            if (d.tags?.includes(DiagnosticTag.Unnecessary)) (p.tags ??= []).push('unnecessary');
            if (d.tags?.includes(DiagnosticTag.Deprecated)) (p.tags ??= []).push('deprecated');
            if (fixes.length) p.fixes = fixes;
            return p;
          })
      : undefined,
    // The edits are in offsets of the validated text, so they fit only that version. (The
    // model's document is the same object the server updates in place, so comparing its
    // text with the current one always said "unchanged".)
    resolveFix: (document, _m, fix) => (fix.version === document.version ? fix.edits : undefined),
    complete: legacy.doComplete && ((d, pos, m, ctx) => legacy.doComplete!(d, pos, m.parsed, ctx)),
    hover: legacy.doHover && ((d, pos, m, ctx) => legacy.doHover!(d, pos, m.parsed, ctx)),
    findDefinition: legacy.findDefinition && ((d, pos, m, ctx) => legacy.findDefinition!(d, pos, m.parsed, ctx)),
    findReferences: legacy.findReferences && ((d, pos, m, ctx) => legacy.findReferences!(d, pos, m.parsed, ctx)),
    findDocumentHighlights: legacy.findDocumentHighlights && ((d, pos, m, ctx) => legacy.findDocumentHighlights!(d, pos, m.parsed, ctx)),
    findDocumentSymbols: legacy.findDocumentSymbols && ((d, m, ctx) => legacy.findDocumentSymbols!(d, m.parsed, ctx)),
    prepareRename: legacy.prepareRename && ((d, pos, m, ctx) => legacy.prepareRename!(d, pos, m.parsed, ctx)),
    doRename: legacy.doRename && ((d, pos, name, m, ctx) => legacy.doRename!(d, pos, name, m.parsed, ctx)),
  };
}
