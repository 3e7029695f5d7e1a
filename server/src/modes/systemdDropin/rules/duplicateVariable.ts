import type { Diagnostic } from 'vscode-languageserver-types';
import type { EnvWord } from '../dropinModel';
import { locLine } from '../loc';
import { diagnostic, DiagnosticSeverity, type Rule } from './rule';

/**
 * The same variable assigned twice: the later assignment wins (systemd.exec(5),
 * verified with systemd --test 252), so the earlier one is dead. An empty
 * `Environment=` in between clears everything before it, which is not a duplicate.
 */
export const duplicateVariable: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  let seen = new Map<string, EnvWord>();
  for (const line of ctx.model.environment) {
    if (line.reset) {
      seen = new Map();
      continue;
    }
    for (const w of line.words) {
      if (w.problem || w.badSpecifier) continue;
      const earlier = seen.get(w.name);
      if (earlier) {
        const at = locLine(w.nameSpan.start) + 1;
        out.push(
          diagnostic(earlier.nameSpan,
            'duplicate-variable',
            `${w.name} is set again on line ${at}; the later value wins and this one has no effect. Remove one of them.`,
            DiagnosticSeverity.Warning,
          ),
        );
      }
      seen.set(w.name, w);
    }
  }
  return out;
};
