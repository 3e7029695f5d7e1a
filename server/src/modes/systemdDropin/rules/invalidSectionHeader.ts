import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import type { DropinFix, DropinModel } from '../model';

/**
 * A line starting with `[` but not ending with `]` is "Invalid section header" in
 * systemd 252, and config_parse() gives up on the file there: nothing below it is
 * applied (verified with systemd-analyze verify and systemd --test).
 */
export const invalidSectionHeader: Rule<DropinModel, DropinFix> = (model) =>
  model.problems
    .filter((p) => p.kind === 'invalid-section-header')
    .map(
      (p): Problem<DropinFix> => ({
        range: [p.span.start, p.span.end],
        severity: 'error',
        code: 'invalid-section-header',
        message: l10n.t('Invalid section header: systemd stops reading the file here, so nothing below this line takes effect. Write the header alone on its line, e.g. [Service].'),
      }),
    );
