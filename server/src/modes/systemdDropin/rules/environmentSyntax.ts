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
    const lost = line.words.length > 0 ? 'this word and the rest of the line' : 'the whole line';
    const message =
      e.kind === 'unterminated-quote'
        ? `This quote is never closed: systemd ignores ${lost}. Add the closing quote.`
        : e.kind === 'unknown-escape'
          ? (e.sequence ?? '').length > 2
            ? `systemd cannot decode the escape ${e.sequence} (a zero or out-of-range value, or too few digits) and ignores ${lost}.`
            : `systemd does not know the escape ${e.sequence ?? '\\'} and ignores ${lost}. Write \\\\ for a backslash.`
          : `A backslash at the end of the value is invalid: systemd ignores ${lost}. Remove it or write \\\\.`;
    out.push({ range: [e.span.start, e.span.end], severity: 'error', code: 'invalid-syntax', message });
  }
  return out;
};
