import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { assignmentRef, type DropinFix, type DropinModel } from '../model';

/**
 * "Invalid environment assignment, ignoring: WORD" (systemd 252): every word of
 * Environment= must be NAME=value with NAME made of letters, digits and `_`, not
 * starting with a digit (systemd.exec(5)). An inline `# comment` is such a word:
 * unit files have comments only at the start of a line.
 */
export const environmentAssignment: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const line of model.environment) {
    let inComment = false;
    for (const w of line.words) {
      // Words after an inline `#` are part of the same comment: one diagnostic covers them.
      if (!w.problem || inComment) continue;
      if (w.problem === 'comment') {
        inComment = true;
        // The comment and everything after it (all words after it are comment too).
        const lineEnd = line.assignment.value.text.length > 0 ? line.assignment.span.end : w.word.span.end;
        const comment = model.text.slice(w.word.span.start, lineEnd);
        out.push({
          range: [w.word.span.start, lineEnd],
          severity: 'error',
          code: 'invalid-environment-assignment',
          message: l10n.t('systemd has no inline comments: it reads the words of "{0}" as variable assignments and ignores them. Put comments on their own line.', comment),
          fixes: [{ kind: 'move-comment', title: l10n.t('Move the comment to its own line'), preferred: true, safe: true, at: assignmentRef(line.assignment), comment }],
        });
      } else if (w.problem === 'missing-equals') {
        out.push({
          range: [w.word.span.start, w.word.span.end],
          severity: 'error',
          code: 'invalid-environment-assignment',
          message: l10n.t('systemd ignores "{0}": every word of Environment= must be NAME=value. Quote the whole assignment if the value has spaces: "NAME=a b".', w.word.text),
        });
      } else {
        out.push({
          range: [w.nameSpan.start, w.nameSpan.end],
          severity: 'error',
          code: 'invalid-environment-assignment',
          message: l10n.t('systemd ignores this assignment: "{0}" is not a valid variable name (letters, digits and _ only, not starting with a digit).', w.name),
        });
      }
    }
  }
  return out;
};
