import { diagnostic, type Rule } from './rule';

/**
 * Lines that are neither a header, a comment nor `Key=value`: systemd 252 says
 * "Missing '=', ignoring line." or "Missing key name before '=', ignoring line."
 */
export const missingEquals: Rule = (ctx) =>
  ctx.model.doc.problems
    .filter((p) => p.kind === 'missing-equals' || p.kind === 'missing-key')
    .map((p) =>
      p.kind === 'missing-equals'
        ? diagnostic(p.span,
            'missing-equals',
            `systemd ignores this line: it has no '='. Write Key=value, or start a comment with # at the beginning of the line.`,
          )
        : diagnostic(p.span, 'missing-key', `systemd ignores this line: there is no directive name before '='.`),
    );
