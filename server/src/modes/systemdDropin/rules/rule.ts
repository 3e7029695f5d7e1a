import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../../languageMode';
import type { DropinModel } from '../dropinModel';
import { locRange } from '../loc';
import type { Span } from '../parseDropin';

/**
 * One rule per file (as in redhat-developer/yaml-language-server): each looks at the
 * model and returns diagnostics. Quick fixes travel in `data.fixes`, so that
 * `getCodeActions` can offer them without recomputing anything.
 */
export interface RuleContext {
  document: TextDocument;
  model: DropinModel;
}

export type Rule = (ctx: RuleContext) => Diagnostic[];

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

export interface DiagnosticData {
  fixes?: QuickFix[];
}

/** A diagnostic on a span of locs (see loc.ts). */
export function diagnostic(
  span: Span,
  code: string,
  message: string,
  severity: DiagnosticSeverity = DiagnosticSeverity.Error,
  fixes?: QuickFix[],
): Diagnostic {
  const d: Diagnostic = {
    range: locRange(span),
    severity,
    code,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
  if (fixes && fixes.length > 0) d.data = { fixes } satisfies DiagnosticData;
  return d;
}

export function replaceEdit(span: Span, newText: string): TextEdit {
  return { range: locRange(span), newText };
}

export { DiagnosticSeverity };
