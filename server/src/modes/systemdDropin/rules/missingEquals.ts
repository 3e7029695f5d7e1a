import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import type { DropinFix, DropinModel } from '../model';

/**
 * Lines that are neither a header, a comment nor `Key=value`: systemd 252 says
 * "Missing '=', ignoring line." or "Missing key name before '=', ignoring line."
 */
export const missingEquals: Rule<DropinModel, DropinFix> = (model) =>
  model.problems
    .filter((p) => p.kind === 'missing-equals' || p.kind === 'missing-key')
    .map(
      (p): Problem<DropinFix> =>
        p.kind === 'missing-equals'
          ? {
              range: [p.span.start, p.span.end],
              severity: 'error',
              code: 'missing-equals',
              message: l10n.t('systemd ignores this line: it has no \'=\'. Write Key=value, or start a comment with # at the beginning of the line.'),
            }
          : { range: [p.span.start, p.span.end], severity: 'error', code: 'missing-key', message: l10n.t('systemd ignores this line: there is no directive name before \'=\'.') },
    );
