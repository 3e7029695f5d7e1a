import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import type { DropinFix, DropinModel } from '../model';

/**
 * systemd reads only `*.conf` files from a `.service.d/` folder and skips hidden ones
 * (systemd.unit(5); verified with systemd-analyze verify 252: `x.conf~`, `x.conf.bak`,
 * `X.CONF` and `.x.conf` are silently not loaded). Such a file gets this one warning
 * and nothing else (validate.ts runs no other rule on it): its content is never
 * parsed by systemd, so line verdicts would mislead.
 */
export const notReadFile: Rule<DropinModel, DropinFix> = (model) => {
  if (!model.notRead) return [];
  const base = model.path.slice(model.path.lastIndexOf('/') + 1);
  // The end of the first line, before its break (\n, \r\n or \r, as LSP has them).
  const firstLineEnd = model.lineStarts.length > 1 ? model.lineStarts[1] - (model.text.startsWith('\r\n', model.lineStarts[1] - 2) ? 2 : 1) : model.text.length;
  const reason = base.startsWith('.') ? l10n.t('it is hidden (starts with a dot)') : l10n.t('its name does not end in `.conf`');
  const problem: Problem<DropinFix> = {
    range: [0, firstLineEnd],
    severity: 'warning',
    code: 'dropin-not-read',
    message: l10n.t('systemd never reads this file: {0}. Rename it to a visible name ending in .conf, e.g. http-proxy.conf.', reason),
  };
  return [problem];
};
