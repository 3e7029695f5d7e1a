import { displayPath, severityName, type CheckReport } from './checkReport';

// Escaping as the Actions toolkit does it (@actions/core command.ts): data escapes %, CR
// and LF; property values also `:` and `,`, which separate properties.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * `--format github` (#21): one workflow command per problem (`::error`, `::warning`,
 * `::notice`), which GitHub Actions shows as annotations on the file and line.
 */
export function formatGithub(report: CheckReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    const file = displayPath(report.cwd, f.file);
    for (const fix of f.fixed) out.push(`::notice file=${escapeProperty(file)},title=${escapeProperty(`docker-networking: fixed (${fix.code})`)}::${escapeData(fix.title)}`);
    for (const d of f.diagnostics) {
      const sev = severityName(d);
      const command = sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : 'notice';
      const r = d.range;
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${r.start.line + 1}`,
        `col=${r.start.character + 1}`,
        `endLine=${r.end.line + 1}`,
        `endColumn=${r.end.character + 1}`,
        `title=${escapeProperty(`docker-networking (${String(d.code ?? '')})`)}`,
      ];
      out.push(`::${command} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
}
