import type { Diagnostic } from 'vscode-languageserver-types';
import { charAtLoc } from '../loc';
import { directiveEntry } from '../directiveSchema';
import { resolveSpecifiers } from '../specifiers';
import { diagnostic, replaceEdit, type Rule } from './rule';

/**
 * "Failed to resolve specifiers in …, ignoring: Invalid slot" (systemd 252): `%`
 * followed by a letter or digit that is not a specifier. In Environment= only that
 * word is dropped; in other directives that expand specifiers (marked `specifiers`
 * in the schema) the whole line. A percent-encoded URL (`%40`) must double the `%`.
 */
export const unknownSpecifier: Rule = (ctx) => {
  const out: Diagnostic[] = [];
  const report = (span: { start: number; end: number }, letter: string, what: string) => {
    const next = charAtLoc(ctx.document, span.end);
    const encoded = /[0-9a-fA-F]/.test(letter) && /[0-9a-fA-F]/.test(next);
    const message =
      `systemd does not know the specifier %${letter} and ignores ${what}. ` +
      (encoded ? `To pass the percent-encoding %${letter}${next} write %%${letter}${next}.` : 'Write %% for a literal percent sign.');
    out.push(diagnostic(span, 'unknown-specifier', message, undefined, [{ title: `Write %%${letter}`, edits: [replaceEdit(span, `%%${letter}`)] }]));
  };
  for (const line of ctx.model.environment) {
    for (const w of line.words) {
      if (w.problem) continue;
      for (const u of w.resolved.uses) if (!u.known) report(u.span, u.letter, `the assignment ${w.name}=`);
    }
  }
  for (const a of ctx.model.effective) {
    if (a.key === 'Environment') continue;
    if (!directiveEntry(a.section.name, a.key)?.specifiers) continue;
    for (const u of resolveSpecifiers(a.value.text, a.value.offsets).uses) if (!u.known) report(u.span, u.letter, `this ${a.key}= line`);
  }
  return out;
};
