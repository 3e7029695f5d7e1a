import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostics } from './diagnostics';
import { isOverSizeLimit, largeFileProblems } from './largeFiles';
import type { LanguageMode, ModeContext, ValidationMemo } from './modes/languageMode';

/**
 * A document's diagnostics: its mode's problems, converted. The one validation path of both
 * hosts of the modes, the server (on each change) and the CLI (#21), so that both report
 * the same diagnostics for the same text and context. Above `maxFileSizeKB` the file gets
 * only a note and `parsed` is never called (largeFiles.ts, #15); `memo` is the
 * server's per-document slot (ValidationMemo), which the CLI, validating each text once,
 * does without.
 */
export function diagnosticsOf<M>(mode: LanguageMode<M>, document: TextDocument, ctx: ModeContext, parsed: () => M, memo?: ValidationMemo): Diagnostic[] {
  if (isOverSizeLimit(document, ctx.settings)) return toDiagnostics(document, largeFileProblems(document, ctx.settings));
  return toDiagnostics(document, mode.validate?.(parsed(), ctx, memo) ?? []);
}
