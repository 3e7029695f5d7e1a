import { diagnostic, DiagnosticSeverity, type Rule } from './rule';

/**
 * systemd 252: "Assignment outside of section. Ignoring." for every assignment before
 * the first header (each drop-in must carry its own headers, systemd.unit(5)). One
 * error on the first such line, with the fix; the following ones get an information
 * so the Problems panel is not flooded by one missing `[Service]`.
 */
export const assignmentOutsideSection: Rule = (ctx) => {
  const outside = ctx.model.doc.assignments.filter((a) => a.section === undefined);
  return outside.map((a, i) => {
    const start = ctx.document.offsetAt({ line: a.firstLine, character: 0 });
    if (i === 0) {
      return diagnostic(
        ctx,
        a.keySpan,
        'assignment-outside-section',
        `systemd ignores ${a.key}= and every assignment above the first section header. Add a [Service] line at the top of the file.`,
        DiagnosticSeverity.Error,
        [
          {
            title: 'Add the [Service] header',
            edits: [{ range: { start: ctx.document.positionAt(start), end: ctx.document.positionAt(start) }, newText: '[Service]\n' }],
          },
        ],
      );
    }
    return diagnostic(
      ctx,
      a.keySpan,
      'assignment-outside-section',
      `systemd ignores ${a.key}= too: it comes before any section header.`,
      DiagnosticSeverity.Information,
    );
  });
};
