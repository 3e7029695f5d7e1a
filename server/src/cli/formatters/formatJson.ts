import { countProblems, displayPath, fixTitles, safeFixTitles, severityName, type CheckReport } from './checkReport';

/**
 * `--format json` (#21): every file checked, its problems with 1-based lines and columns
 * (columns in UTF-16 code units, as LSP and editors count), the fixes each offers, and the
 * fixes `--fix` applied. Keys in a fixed order and files sorted, so two runs diff cleanly.
 */
export function formatJson(report: CheckReport): string {
  const c = countProblems(report.files);
  const files = report.files.map((f) => {
    const counts = countProblems([f]);
    return {
      path: displayPath(report.cwd, f.file),
      kind: f.kind,
      errorCount: counts.errors,
      warningCount: counts.warnings,
      infoCount: counts.infos,
      fixed: f.fixed,
      problems: f.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityName(d),
        code: String(d.code ?? ''),
        message: d.message,
        fixes: fixTitles(d),
        safeFixes: safeFixTitles(d),
        related: (d.relatedInformation ?? []).map((r) => ({ line: r.location.range.start.line + 1, column: r.location.range.start.character + 1, message: r.message })),
      })),
    };
  });
  return `${JSON.stringify({ tool: 'docker-networking', version: report.toolVersion, engineVersion: report.engineVersion, errorCount: c.errors, warningCount: c.warnings, infoCount: c.infos, files }, null, 2)}\n`;
}
