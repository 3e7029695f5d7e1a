import { loc, textBetween } from '../loc';
import { diagnostic, replaceEdit, type Rule, type QuickFix } from './rule';

/**
 * "Invalid environment assignment, ignoring: WORD" (systemd 252): every word of
 * Environment= must be NAME=value with NAME made of letters, digits and `_`, not
 * starting with a digit (systemd.exec(5)). An inline `# comment` is such a word:
 * unit files have comments only at the start of a line.
 */
export const environmentAssignment: Rule = (ctx) => {
  const out = [];
  for (const line of ctx.model.environment) {
    let inComment = false;
    for (const w of line.words) {
      // Words after an inline `#` are part of the same comment: one diagnostic covers them.
      if (!w.problem || inComment) continue;
      if (w.problem === 'comment') {
        inComment = true;
        // Drop the comment and everything after it (all words after it are comment too).
        const lineEnd = line.assignment.value.text.length > 0 ? line.assignment.span.end : w.word.span.end;
        const fix: QuickFix = { title: 'Move the comment to its own line', edits: [replaceEdit({ start: w.word.span.start, end: lineEnd }, '')] };
        const startOfLine = loc(line.assignment.firstLine, 0);
        const comment = textBetween(ctx.document, { start: w.word.span.start, end: lineEnd });
        fix.edits.push(replaceEdit({ start: startOfLine, end: startOfLine }, `${comment}\n`));
        out.push(
          diagnostic({ start: w.word.span.start, end: lineEnd },
            'invalid-environment-assignment',
            `systemd has no inline comments: it reads the words of "${comment}" as variable assignments and ignores them. Put comments on their own line.`,
            undefined,
            [fix],
          ),
        );
      } else if (w.problem === 'missing-equals') {
        out.push(
          diagnostic(w.word.span,
            'invalid-environment-assignment',
            `systemd ignores "${w.word.text}": every word of Environment= must be NAME=value. Quote the whole assignment if the value has spaces: "NAME=a b".`,
          ),
        );
      } else {
        out.push(
          diagnostic(w.nameSpan,
            'invalid-environment-assignment',
            `systemd ignores this assignment: "${w.name}" is not a valid variable name (letters, digits and _ only, not starting with a digit).`,
          ),
        );
      }
    }
  }
  return out;
};
