import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { lineOf, type DropinFix, type DropinModel, type EnvWord } from '../model';

/**
 * The same variable assigned twice: the later assignment wins (systemd.exec(5),
 * verified with systemd --test 252), so the earlier one is dead. An empty
 * `Environment=` in between clears everything before it, which is not a duplicate.
 */
export const duplicateVariable: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  let seen = new Map<string, EnvWord>();
  for (const line of model.environment) {
    if (line.reset) {
      seen = new Map();
      continue;
    }
    for (const w of line.words) {
      if (w.problem || w.badSpecifier) continue;
      const earlier = seen.get(w.name);
      if (earlier) {
        const at = lineOf(model, w.nameSpan.start) + 1;
        out.push({
          range: [earlier.nameSpan.start, earlier.nameSpan.end],
          severity: 'warning',
          code: 'duplicate-variable',
          message: l10n.t('{0} is set again on line {1}; the later value wins and this one has no effect. Remove one of them.', w.name, at),
        });
      }
      seen.set(w.name, w);
    }
  }
  return out;
};
