import type { ModeContext, Problem } from '../languageMode';
import type { DropinFix, DropinModel } from './model';
import { RULES } from './rules/index';
import { notReadFile } from './rules/notReadFile';

/**
 * Runs the rules over the whole model, every time: drop-ins are a few lines long, and a
 * plain run is fast enough for hundreds (#14). A file systemd never reads gets only that
 * warning (rules/notReadFile.ts): systemd never parses it, so line verdicts would mislead.
 */
export function validate(model: DropinModel, ctx: ModeContext): Problem<DropinFix>[] {
  if (model.notRead) return notReadFile(model, ctx);
  const out: Problem<DropinFix>[] = [];
  for (const rule of RULES) for (const p of rule(model, ctx)) out.push(p);
  return out;
}
