import { countProblems, displayPath, plural, severityName, type CheckReport } from './checkReport';

/** ANSI styles, or none when the output is not a terminal or NO_COLOR is set (no-color.org). */
export interface Style {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

// Hand-written rather than chalk: six SGR codes, and chalk would be the CLI's only
// reason to ship another dependency.
const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLOUR: Style = { red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22), underline: sgr(4, 24) };
const plain = (s: string) => s;
export const NO_COLOUR: Style = { red: plain, yellow: plain, green: plain, dim: plain, bold: plain, underline: plain };

/**
 * The default format, as ESLint's `stylish` prints (#21): per file its path, then one row
 * per problem (`line:column  severity  message  code`, columns aligned), and a summary
 * line. Nothing at all when there is nothing to say.
 */
export function formatStylish(report: CheckReport, style: Style): string {
  const out: string[] = [];
  for (const f of report.files) {
    const rows: string[][] = [];
    for (const fix of f.fixed) rows.push(['', 'fixed', fix.title, fix.code]);
    for (const d of f.diagnostics) {
      rows.push([`${d.range.start.line + 1}:${d.range.start.character + 1}`, severityName(d), d.message.replace(/\s*\n\s*/g, ' '), String(d.code ?? '')]);
    }
    if (!rows.length) continue;
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
    out.push(style.underline(displayPath(report.cwd, f.file)));
    for (const r of rows) {
      const sev = r[1].padEnd(widths[1]);
      const coloured = r[1] === 'error' ? style.red(sev) : r[1] === 'warning' ? style.yellow(sev) : r[1] === 'fixed' ? style.green(sev) : sev;
      out.push(`  ${style.dim(r[0].padStart(widths[0]))}  ${coloured}  ${r[2].padEnd(widths[2])}  ${style.dim(r[3])}`.trimEnd());
    }
    out.push('');
  }
  const c = countProblems(report.files);
  const total = c.errors + c.warnings + c.infos;
  if (total > 0) {
    const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning')];
    if (c.infos) parts.push(plural(c.infos, 'info'));
    const line = `✖ ${plural(total, 'problem')} (${parts.join(', ')})`;
    const paint = c.errors ? style.red : style.yellow;
    out.push(paint(style.bold(line)));
    if (c.fixable) out.push(paint(style.bold(`  ${c.fixable} of them can be fixed with the \`--fix\` option.`)));
    out.push('');
  }
  return out.join('\n');
}
