import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { collectLines, type DropinModel, type LineState } from './dropinModel';
import { DOCUMENT_RULES, LINE_RULES } from './rules/allRules';
import { notReadFile } from './rules/notReadFile';

const NONE: readonly Diagnostic[] = [];

/**
 * Runs the rules. A file systemd never reads gets only that warning (see
 * rules/notReadFile.ts); any other file is judged line by line.
 *
 * The verdicts of the line rules depend on nothing but the line, where it is and its
 * section, which is exactly what a line taken over from the previous version
 * guarantees (parseDropin.ts). So they are kept with the line (LineState.verdicts)
 * and the rules run only on lines an edit touched; the document rules, which compare
 * lines, run every time (#8).
 */
export function validateDropin(document: TextDocument, model: DropinModel): Diagnostic[] {
  const ctx = { document, model };
  if (model.notRead) return notReadFile(ctx);
  const lines = model.lines;
  const fresh = lines.filter((s) => s.verdicts === undefined);
  if (fresh.length > 0) judgeLines(document, model, fresh);
  const out: Diagnostic[] = [];
  for (const s of lines) {
    if (s.verdicts === undefined) {
      // Not kept (see judgeLines): judge this line on its own.
      for (const d of judgeLines(document, model, [s], false)) out.push(d);
    } else for (const d of s.verdicts) out.push(d);
  }
  for (const rule of DOCUMENT_RULES) for (const d of rule(ctx)) out.push(d);
  return out;
}

/**
 * Runs the line rules on `lines` (in document order) and keeps each line's verdicts.
 * A diagnostic is filed under the line its range starts on; should a rule ever report
 * outside the lines it was given, nothing is kept and the lines are judged again next
 * time, which is slower but still right.
 */
function judgeLines(document: TextDocument, model: DropinModel, lines: LineState[], keep = true): Diagnostic[] {
  const part: DropinModel =
    lines.length === model.lines.length
      ? model
      : {
          ...model,
          doc: {
            ...model.doc,
            lines: lines.map((s) => s.record),
            headers: lines.flatMap(({ record: r }) => (r.header ? [r.header] : [])),
            assignments: lines.flatMap(({ record: r }) => (r.assignment ? [r.assignment] : [])),
            problems: lines.flatMap(({ record: r }) => (r.problem ? [r.problem] : [])),
          },
          lines,
          ...collectLines(lines),
        };
  const ctx = { document, model: part };
  const found: Diagnostic[] = [];
  for (const rule of LINE_RULES) for (const d of rule(ctx)) found.push(d);
  if (!keep) return found;
  const byLine = new Map<LineState, Diagnostic[]>();
  for (const d of found) {
    const s = lineAt(lines, d.range.start.line);
    if (s === undefined) return found;
    const list = byLine.get(s);
    if (list) list.push(d);
    else byLine.set(s, [d]);
  }
  for (const s of lines) s.verdicts = byLine.get(s) ?? NONE;
  return found;
}

/** The line among `lines` (sorted) that spans physical line `line`. */
function lineAt(lines: readonly LineState[], line: number): LineState | undefined {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = lines[mid].record;
    if (line < r.firstLine) hi = mid - 1;
    else if (line > r.lastLine) lo = mid + 1;
    else return lines[mid];
  }
  return undefined;
}
