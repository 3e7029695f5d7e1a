import type { ModeContext, Problem } from '../languageMode';
import type { DropinFix, DropinModel } from './model';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runRules } from '../runRules';
import { parse } from './parse';
import { LARGE_FILE_RULES, RULES } from './rules/index';
import { notReadFile } from './rules/notReadFile';

/**
 * Runs the rules over the whole model, every time: drop-ins are a few lines long, and a
 * plain run is fast enough for hundreds (#14). A file systemd never reads gets only that
 * warning (rules/notReadFile.ts): systemd never parses it, so line verdicts would mislead.
 */
export function validate(model: DropinModel, ctx: ModeContext): Problem<DropinFix>[] {
  if (model.notRead) return notReadFile(model, ctx);
  return runRules(RULES, model, ctx);
}

/** The cheap checks of a file above the size limit (#15): LARGE_FILE_RULES over a fresh parse. */
export function validateLarge(document: TextDocument, ctx: ModeContext): Problem<DropinFix>[] {
  const model = parse(document);
  return model.notRead ? notReadFile(model, ctx) : runRules(LARGE_FILE_RULES, model, ctx);
}
