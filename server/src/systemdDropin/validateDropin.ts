import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DropinModel } from './dropinModel';
import { ALL_RULES } from './rules/allRules';
import { notReadFile } from './rules/notReadFile';

/**
 * Runs the rules. A file systemd never reads gets only that warning (see
 * rules/notReadFile.ts); any other file is judged line by line.
 */
export function validateDropin(document: TextDocument, model: DropinModel): Diagnostic[] {
  const ctx = { document, model };
  if (model.notRead) return notReadFile(ctx);
  return ALL_RULES.flatMap((rule) => rule(ctx));
}
