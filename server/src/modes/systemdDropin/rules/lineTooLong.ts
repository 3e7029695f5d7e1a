import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import type { DropinFix, DropinModel } from '../model';

/**
 * systemd reads a unit file line by line, up to 1 MiB per line (systemd.syntax(7)).
 * At a longer line it stops reading the drop-in without a word: that line and every
 * line below it are ignored, and the unit loads with what came before (verified with
 * systemd-analyze verify 252). The parser stops there too (parse.ts). Lengths are
 * counted in characters, which never exceed the bytes systemd counts.
 */
export const lineTooLong: Rule<DropinModel, DropinFix> = (model) =>
  model.problems
    .filter((p) => p.kind === 'line-too-long')
    .map(
      (p): Problem<DropinFix> => ({
        range: [p.span.start, p.span.end],
        severity: 'error',
        code: 'line-too-long',
        message:
          l10n.t('This line is longer than 1 MiB: systemd silently stops reading the file here, so this line and everything below it are ignored. Split it into several assignments, each on its own line.'),
      }),
    );
