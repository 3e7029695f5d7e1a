import * as l10n from '@vscode/l10n';
import type { Problem, Rule } from '../../languageMode';
import type { DropinFix, DropinModel } from '../model';

/**
 * "Invalid syntax, ignoring: …" (systemd 252 config_parse_environ): an unterminated
 * quote, an escape systemd does not know (`\q`) or a backslash at the very end. The
 * words before it are kept, the rest of the line is dropped (verified with
 * systemd --test), so the diagnostic sits on the quote or escape.
 */
export const environmentSyntax: Rule<DropinModel, DropinFix> = (model) => {
  const out: Problem<DropinFix>[] = [];
  for (const line of model.environment) {
    const e = line.split.error;
    if (!e) continue;
    const lost = line.words.length > 0 ? l10n.t('this word and the rest of the line') : l10n.t('the whole line');
    const message =
      e.kind === 'unterminated-quote'
        ? l10n.t('This quote is never closed: systemd ignores {0}. Add the closing quote.', lost)
        : e.kind === 'unknown-escape'
          ? (e.sequence ?? '').length > 2
            ? l10n.t('systemd cannot decode the escape {0} (a zero or out-of-range value, or too few digits) and ignores {1}.', e.sequence ?? '', lost)
            : l10n.t('systemd does not know the escape {0} and ignores {1}. Write \\\\ for a backslash.', e.sequence ?? '\\', lost)
          : l10n.t('A backslash at the end of the value is invalid: systemd ignores {0}. Remove it or write \\\\.', lost);
    out.push({ range: [e.span.start, e.span.end], severity: 'error', code: 'invalid-syntax', message });
  }
  return out;
};
