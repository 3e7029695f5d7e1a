import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import type { Problem, Rule } from '../../languageMode';
import { directiveEntry } from '../directiveSchema';
import { assignmentRef, variableRef, type AssignmentRef, type DropinFix, type DropinModel, type VariableRef } from '../model';
import { resolveSpecifiers, type SpecifierUse } from '../specifiers';

/**
 * "Failed to resolve specifiers in …, ignoring: Invalid slot" (systemd 252): `%`
 * followed by a letter or digit that is not a specifier. In Environment= only that
 * word is dropped; in other directives that expand specifiers (marked `specifiers`
 * in the schema) the whole line. A percent-encoded URL (`%40`) must double the `%`.
 */
export const unknownSpecifier: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  const report = (u: SpecifierUse, what: string, at: VariableRef | AssignmentRef, use: number) => {
    const next = model.text.charAt(u.span.end);
    const encoded = /[0-9a-fA-F]/.test(u.letter) && /[0-9a-fA-F]/.test(next);
    const message = sentences(
      l10n.t('systemd does not know the specifier %{0} and ignores {1}.', u.letter, what),
      encoded ? l10n.t('To pass the percent-encoding %{0}{1} write %%{0}{1}.', u.letter, next) : l10n.t('Write %% for a literal percent sign.'),
    );
    out.push({
      range: [u.span.start, u.span.end],
      severity: 'error',
      code: 'unknown-specifier',
      message,
      fixes: [{ kind: 'double-percent', title: l10n.t('Write %%{0}', u.letter), preferred: true, safe: true, at, use, letter: u.letter }],
    });
  };
  for (const line of model.environment) {
    for (const w of line.words) {
      if (w.problem) continue;
      w.resolved.uses.forEach((u, i) => {
        if (!u.known) report(u, l10n.t('the assignment {0}=', w.name), variableRef(w), i);
      });
    }
  }
  for (const a of model.effective) {
    if (a.key === 'Environment') continue;
    if (!directiveEntry(a.section.name, a.key)?.specifiers) continue;
    resolveSpecifiers(a.value.text, a.value.offsets).uses.forEach((u, i) => {
      if (!u.known) report(u, l10n.t('this {0}= line', a.key), assignmentRef(a), i);
    });
  }
  return out;
};
