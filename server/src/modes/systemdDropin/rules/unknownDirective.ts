import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { sentences } from '../../localized';
import { didYouMean } from '../../suggest';
import { KNOWN_DIRECTIVES, REMOVED_DIRECTIVES } from '../directiveSchema';
import { assignmentRef, type DropinFix, type DropinModel } from '../model';

/**
 * "Unknown key 'X' in section [S], ignoring." (systemd 252). The known names per
 * section are the output of `systemd --dump-configuration-items` (schemas/
 * systemd-directives.json `knownDirectives`); keys are case-sensitive.
 */
export const unknownDirective: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const a of model.effective) {
    const known = KNOWN_DIRECTIVES[a.section.name];
    if (known.has(a.key) || (REMOVED_DIRECTIVES[a.section.name] ?? []).includes(a.key)) continue;
    const suggestion = didYouMean(a.key, known);
    out.push({
      range: [a.keySpan.start, a.keySpan.end],
      severity: 'error',
      code: 'unknown-directive',
      message: sentences(l10n.t('systemd ignores this line: [{0}] has no directive {1}=.', a.section.name, a.key), suggestion ? l10n.t('Did you mean {0}=?', suggestion) : ''),
      fixes: suggestion ? [{ kind: 'rename-directive', title: l10n.t('Change to {0}', suggestion), preferred: true, at: assignmentRef(a), to: suggestion }] : undefined,
    });
  }
  return out;
};
