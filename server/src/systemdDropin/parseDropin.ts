/**
 * A parser for systemd unit-file drop-ins that keeps a document offset for every
 * character it hands on. There is no maintained npm library for systemd unit syntax
 * that reports positions (the "ini" packages neither follow systemd.syntax(7) nor keep
 * offsets), so this follows systemd.syntax(7) and what systemd 252 really does
 * (src/shared/conf-parser.c `config_parse`/`parse_line`, checked with
 * `systemd-analyze verify`, see test/integration/systemdAnalyze.test.ts):
 *
 * - a line whose first non-blank character is `#` or `;` is a comment, even in the
 *   middle of a continuation (systemd 252 skips it and goes on joining);
 * - a line ending in an unescaped backslash continues on the next line; the backslash
 *   becomes a space (`\\` at the end is an escaped backslash, not a continuation);
 *   systemd reports problems of a continued line on its LAST physical line;
 * - `[Name]` starts a section; a `[` line without the closing `]` at its end is an
 *   invalid header, and systemd stops reading the file there;
 * - otherwise `key = value`, split at the first `=`, both sides stripped.
 */

/** A slice of the document, as offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Text taken from the document, with the document offset of each character
 * (`offsets[i]` for `text[i]`, and `offsets[text.length]` one past the end).
 */
export interface MappedText {
  text: string;
  offsets: number[];
}

export interface SectionHeader {
  /** Name between the brackets. */
  name: string;
  /** The whole `[Name]` text. */
  span: Span;
  /** Just the name. */
  nameSpan: Span;
  /** 0-based line. */
  line: number;
}

export interface Assignment {
  /** The section it belongs to; undefined when it comes before any header. */
  section?: SectionHeader;
  key: string;
  keySpan: Span;
  /** The value after `=`, stripped, with continuation backslashes turned into spaces. */
  value: MappedText;
  /** From the key to the end of the value. */
  span: Span;
  /** First and last physical line (0-based) of the logical line. */
  firstLine: number;
  lastLine: number;
}

export type LineProblemKind = 'missing-equals' | 'missing-key' | 'invalid-section-header';

export interface LineProblem {
  kind: LineProblemKind;
  /** The offending text (stripped logical line). */
  text: string;
  span: Span;
  firstLine: number;
  lastLine: number;
}

export interface DropinDocument {
  headers: SectionHeader[];
  assignments: Assignment[];
  problems: LineProblem[];
  /** Offset at which systemd stops reading (after an invalid section header). */
  stopsAt?: number;
  /** Comment lines (0-based), for features that must leave them alone. */
  commentLines: number[];
}

const WHITESPACE = /[ \t\n\r]/;

function isBlank(ch: string): boolean {
  return WHITESPACE.test(ch);
}

/** Strips blanks on both sides of a mapped text. */
export function stripMapped(m: MappedText): MappedText {
  let a = 0;
  let b = m.text.length;
  while (a < b && isBlank(m.text[a])) a++;
  while (b > a && isBlank(m.text[b - 1])) b--;
  return sliceMapped(m, a, b);
}

export function sliceMapped(m: MappedText, a: number, b: number): MappedText {
  return { text: m.text.slice(a, b), offsets: m.offsets.slice(a, b + 1) };
}

export function spanOf(m: MappedText, a = 0, b = m.text.length): Span {
  // The end is one past the last character's own offset, so a range never swallows
  // a continuation backslash and line break that happen to follow it.
  if (b <= a) return { start: m.offsets[a], end: m.offsets[a] };
  return { start: m.offsets[a], end: m.offsets[b - 1] + 1 };
}

interface PhysicalLine {
  text: string;
  start: number;
  line: number;
}

function physicalLines(source: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  let line = 0;
  for (;;) {
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    let text = source.slice(start, end);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    lines.push({ text, start, line });
    if (nl < 0) break;
    start = nl + 1;
    line++;
  }
  return lines;
}

/** True when `text` ends in a backslash that is not itself escaped. */
function endsWithContinuation(text: string): boolean {
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    if (escaped) escaped = false;
    else if (text[i] === '\\') escaped = true;
  }
  return escaped;
}

export function parseDropin(source: string): DropinDocument {
  const doc: DropinDocument = { headers: [], assignments: [], problems: [], commentLines: [] };
  let section: SectionHeader | undefined;
  let pending: { text: string; offsets: number[]; firstLine: number } | undefined;

  const lines = physicalLines(source);
  for (const pl of lines) {
    let text = pl.text;
    let base = pl.start;
    // A UTF-8 byte-order mark at the very start is skipped, as systemd does.
    if (pl.line === 0 && text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      base += 1;
    }
    const firstNonBlank = text.search(/[^ \t\n\r]/);
    if (firstNonBlank >= 0 && (text[firstNonBlank] === '#' || text[firstNonBlank] === ';')) {
      doc.commentLines.push(pl.line);
      continue;
    }
    const offsets: number[] = [];
    for (let i = 0; i <= text.length; i++) offsets.push(base + i);
    let joined: { text: string; offsets: number[]; firstLine: number };
    if (pending) {
      joined = { text: pending.text + text, offsets: [...pending.offsets.slice(0, -1), ...offsets], firstLine: pending.firstLine };
    } else {
      joined = { text, offsets, firstLine: pl.line };
    }
    if (endsWithContinuation(joined.text)) {
      // systemd replaces the backslash by a space and reads on.
      joined.text = joined.text.slice(0, -1) + ' ';
      pending = joined;
      continue;
    }
    pending = undefined;
    section = handleLogicalLine(doc, joined, pl.line, section);
    if (doc.stopsAt !== undefined) return doc;
  }
  if (pending) {
    // A continuation at the end of the file: systemd still parses what it has.
    section = handleLogicalLine(doc, pending, lines[lines.length - 1].line, section);
  }
  return doc;
}

function handleLogicalLine(
  doc: DropinDocument,
  raw: { text: string; offsets: number[]; firstLine: number },
  lastLine: number,
  section: SectionHeader | undefined,
): SectionHeader | undefined {
  const line = stripMapped({ text: raw.text, offsets: raw.offsets });
  if (line.text.length === 0) return section;
  const span = spanOf(line);
  if (line.text.startsWith('[')) {
    if (!line.text.endsWith(']')) {
      doc.problems.push({ kind: 'invalid-section-header', text: line.text, span, firstLine: raw.firstLine, lastLine });
      doc.stopsAt = span.start;
      return section;
    }
    const name = sliceMapped(line, 1, line.text.length - 1);
    // systemd takes the text between the brackets as it is; "[ Service ]" names an
    // unknown section " Service ".
    const header: SectionHeader = { name: name.text, span, nameSpan: spanOf(name), line: raw.firstLine };
    if (name.text.length === 0) header.nameSpan = { start: span.start + 1, end: span.start + 1 };
    doc.headers.push(header);
    return header;
  }
  const eq = line.text.indexOf('=');
  if (eq < 0) {
    doc.problems.push({ kind: 'missing-equals', text: line.text, span, firstLine: raw.firstLine, lastLine });
    return section;
  }
  const key = stripMapped(sliceMapped(line, 0, eq));
  if (key.text.length === 0) {
    doc.problems.push({ kind: 'missing-key', text: line.text, span, firstLine: raw.firstLine, lastLine });
    return section;
  }
  const value = stripMapped(sliceMapped(line, eq + 1, line.text.length));
  doc.assignments.push({
    section,
    key: key.text,
    keySpan: spanOf(key),
    value,
    span: { start: spanOf(key).start, end: value.text.length > 0 ? spanOf(value).end : spanOf(line).end },
    firstLine: raw.firstLine,
    lastLine,
  });
  return section;
}
