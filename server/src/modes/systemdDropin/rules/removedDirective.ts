import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import { REMOVED_DIRECTIVES } from '../directiveSchema';
import { type DropinFix, type DropinModel, removeLineFix } from '../model';

/** "Support for option X= has been removed and it is ignored" (systemd 252). */
export const removedDirective: Rule<DropinModel, DropinFix> = (model) =>
  model.effective
    .filter((a) => (REMOVED_DIRECTIVES[a.section.name] ?? []).includes(a.key))
    .map(
      (a): Problem<DropinFix> => ({
        range: [a.keySpan.start, a.keySpan.end],
        severity: 'warning',
        code: 'removed-directive',
        message: l10n.t('systemd no longer supports {0}= and ignores it; remove the line.', a.key),
        fixes: [{ ...removeLineFix(model, a, l10n.t('Remove the {0}= line', a.key)), preferred: true, safe: true }],
      }),
    );
