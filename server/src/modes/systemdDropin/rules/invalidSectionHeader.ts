import { diagnostic, type Rule } from './rule';

/**
 * A line starting with `[` but not ending with `]` is "Invalid section header" in
 * systemd 252, and config_parse() gives up on the file there: nothing below it is
 * applied (verified with systemd-analyze verify and systemd --test).
 */
export const invalidSectionHeader: Rule = (ctx) =>
  ctx.model.doc.problems
    .filter((p) => p.kind === 'invalid-section-header')
    .map((p) =>
      diagnostic(p.span,
        'invalid-section-header',
        `Invalid section header: systemd stops reading the file here, so nothing below this line takes effect. Write the header alone on its line, e.g. [Service].`,
      ),
    );
