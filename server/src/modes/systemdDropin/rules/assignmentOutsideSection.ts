import { diagnostic, DiagnosticSeverity, type Rule } from './rule';

/**
 * systemd 252: "Assignment outside of section. Ignoring." for every assignment before
 * the first header (each drop-in must carry its own headers, systemd.unit(5)). One
 * error on the first such line, with the fix; the following ones get an information
 * so the Problems panel is not flooded by one missing `[Service]`.
 */
export const assignmentOutsideSection: Rule = (ctx) => {
  // Only assignments above the first header have no section.
  const assignments = ctx.model.doc.assignments;
  let n = 0;
  while (n < assignments.length && assignments[n].section === undefined) n++;
  const outside = assignments.slice(0, n);
  return outside.map((a, i) => {
    const start = { line: a.firstLine, character: 0 };
    if (i === 0) {
      return diagnostic(a.keySpan,
        'assignment-outside-section',
        `systemd ignores ${a.key}= and every assignment above the first section header. Add a [Service] line at the top of the file.`,
        DiagnosticSeverity.Error,
        [
          {
            title: 'Add the [Service] header',
            edits: [{ range: { start, end: start }, newText: '[Service]\n' }],
          },
        ],
      );
    }
    return diagnostic(a.keySpan,
      'assignment-outside-section',
      `systemd ignores ${a.key}= too: it comes before any section header.`,
      DiagnosticSeverity.Information,
    );
  });
};
