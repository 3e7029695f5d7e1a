import { diagnostic, type Rule } from './rule';

/**
 * systemd reads a unit file line by line, up to 1 MiB per line (systemd.syntax(7)).
 * At a longer line it stops reading the drop-in without a word: that line and every
 * line below it are ignored, and the unit loads with what came before (verified with
 * systemd-analyze verify 252). The parser stops there too (parseDropin.ts). Lengths are
 * counted in characters, which never exceed the bytes systemd counts.
 */
export const lineTooLong: Rule = (ctx) =>
  ctx.model.doc.problems
    .filter((p) => p.kind === 'line-too-long')
    .map((p) =>
      diagnostic(
        p.span,
        'line-too-long',
        'This line is longer than 1 MiB: systemd silently stops reading the file here, so this line and everything below it are ignored. Split it into several assignments, each on its own line.',
      ),
    );
