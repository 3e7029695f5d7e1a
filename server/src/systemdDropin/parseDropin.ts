/**
 * A parser for systemd unit-file drop-ins that keeps a document offset for every
 * character it hands on (stored as runs, see offsetMap.ts). There is no maintained
 * npm library for systemd unit syntax that reports positions (the "ini" packages
 * neither follow systemd.syntax(7) nor keep offsets), so this follows systemd.syntax(7) and what systemd 252 really does
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

import { OffsetMap, OffsetMapBuilder } from './offsetMap';

/** A slice of the document, as offsets. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Text taken from the document, with the document offset of each character
 * (`offsets.get(i)` for `text[i]`, and `offsets.get(text.length)` one past the end).
 */
export interface MappedText {
  text: string;
  offsets: OffsetMap;
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
  /**
   * Offset at which systemd stops reading: the start of an invalid section header, or
   * the end of an assignment `stopsReading` picked (a fatal Exec*= error).
   */
  stopsAt?: number;
  /** Comment lines (0-based), for features that must leave them alone. */
  commentLines: number[];
}

/** Blank as systemd's WHITESPACE: space, tab, newline, carriage return. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

export function spanOf(m: MappedText, a = 0, b = m.text.length): Span {
  // The end is one past the last character's own offset, so a range never swallows
  // a continuation backslash and line break that happen to follow it.
  if (b <= a) return { start: m.offsets.get(a)!, end: m.offsets.get(a)! };
  return { start: m.offsets.get(a)!, end: m.offsets.get(b - 1)! + 1 };
}

/**
 * True when `text` ends in a backslash that is not itself escaped. Escapes pair up
 * left to right and a backslash only ever escapes one character, so this is decided by
 * the run of backslashes at the end alone: an odd run ends in a lone backslash. (Only
 * that run is read: scanning every line char by char was a hot loop of the parse, #8.)
 */
function endsWithContinuation(text: string): boolean {
  let run = 0;
  for (let i = text.length - 1; i >= 0 && text.charCodeAt(i) === 92; i--) run++;
  return run % 2 === 1;
}

/** A logical line being joined from physical lines. */
interface RawLine {
  text: string;
  offsets: OffsetMap;
  firstLine: number;
}

/**
 * @param stopsReading says whether systemd gives up on the file at this assignment
 *   (the parser itself knows no directive; the model passes the Exec*= check)
 */
export function parseDropin(source: string, stopsReading?: (a: Assignment) => boolean): DropinDocument {
  const doc: DropinDocument = { headers: [], assignments: [], problems: [], commentLines: [] };
  let section: SectionHeader | undefined;
  // A continued line: its text so far and the offsets of its characters (no end entry yet).
  let pending: { text: string; offsets: OffsetMapBuilder; firstLine: number; end: number } | undefined;

  let start = 0;
  let line = 0;
  for (; ; start = source.indexOf('\n', start) + 1, line++) {
    const nl = source.indexOf('\n', start);
    let end = nl < 0 ? source.length : nl;
    if (end > start && source.charCodeAt(end - 1) === 13) end--;
    let base = start;
    // A UTF-8 byte-order mark at the very start is skipped, as systemd does.
    if (line === 0 && source.charCodeAt(0) === 0xfeff) base += 1;
    let i = base;
    while (i < end && isBlank(source.charCodeAt(i))) i++;
    const c = source.charCodeAt(i);
    if (i < end && (c === 35 /* # */ || c === 59) /* ; */) {
      doc.commentLines.push(line);
      if (nl < 0) break;
      continue;
    }
    const text = source.slice(base, end);
    const last = nl < 0;
    let joined: RawLine | { text: string; offsets: OffsetMapBuilder; firstLine: number };
    if (pending) {
      pending.offsets.pushRange(base, text.length);
      joined = { text: pending.text + text, offsets: pending.offsets, firstLine: pending.firstLine };
    } else {
      joined = { text, offsets: undefined as unknown as OffsetMapBuilder, firstLine: line };
    }
    if (endsWithContinuation(joined.text)) {
      // systemd replaces the backslash by a space and reads on.
      let offsets = joined.offsets;
      if (!pending) {
        offsets = new OffsetMapBuilder();
        offsets.pushRange(base, text.length);
      }
      pending = { text: joined.text.slice(0, -1) + ' ', offsets, firstLine: joined.firstLine, end: base + text.length };
      if (last) break;
      continue;
    }
    let map: OffsetMap;
    if (pending) {
      pending.offsets.push(base + text.length);
      map = pending.offsets.build();
    } else {
      map = OffsetMap.contiguous(base, text.length + 1);
    }
    pending = undefined;
    section = handleLogicalLine(doc, { text: joined.text, offsets: map, firstLine: joined.firstLine }, line, section, stopsReading);
    if (doc.stopsAt !== undefined) return doc;
    if (last) break;
  }
  if (pending) {
    // A continuation at the end of the file: systemd still parses what it has.
    pending.offsets.push(pending.end);
    section = handleLogicalLine(doc, { text: pending.text, offsets: pending.offsets.build(), firstLine: pending.firstLine }, line, section, stopsReading);
  }
  return doc;
}

function handleLogicalLine(
  doc: DropinDocument,
  raw: RawLine,
  lastLine: number,
  section: SectionHeader | undefined,
  stopsReading?: (a: Assignment) => boolean,
): SectionHeader | undefined {
  // Works on indices into the raw line and builds only the value's offsets: the
  // other parts need just their text and span.
  const text = raw.text;
  const off = (i: number): number => raw.offsets.get(i)!;
  let s = 0;
  let e = text.length;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (s === e) return section;
  const lineText = text.slice(s, e);
  const span = { start: off(s), end: off(e - 1) + 1 };
  if (text.charCodeAt(s) === 91 /* [ */) {
    if (text.charCodeAt(e - 1) !== 93 /* ] */) {
      doc.problems.push({ kind: 'invalid-section-header', text: lineText, span, firstLine: raw.firstLine, lastLine });
      doc.stopsAt = span.start;
      return section;
    }
    // systemd takes the text between the brackets as it is; "[ Service ]" names an
    // unknown section " Service ".
    const nameSpan = e - s > 2 ? { start: off(s + 1), end: off(e - 2) + 1 } : { start: span.start + 1, end: span.start + 1 };
    const header: SectionHeader = { name: text.slice(s + 1, e - 1), span, nameSpan, line: raw.firstLine };
    doc.headers.push(header);
    return header;
  }
  const eq = text.indexOf('=', s);
  if (eq < 0 || eq >= e) {
    doc.problems.push({ kind: 'missing-equals', text: lineText, span, firstLine: raw.firstLine, lastLine });
    return section;
  }
  let ke = eq;
  while (ke > s && isBlank(text.charCodeAt(ke - 1))) ke--;
  if (ke === s) {
    doc.problems.push({ kind: 'missing-key', text: lineText, span, firstLine: raw.firstLine, lastLine });
    return section;
  }
  let vs = eq + 1;
  while (vs < e && isBlank(text.charCodeAt(vs))) vs++;
  const value: MappedText = { text: text.slice(vs, e), offsets: raw.offsets.slice(vs, e + 1) };
  const keySpan = { start: off(s), end: off(ke - 1) + 1 };
  const assignment: Assignment = {
    section,
    key: text.slice(s, ke),
    keySpan,
    value,
    span: { start: keySpan.start, end: vs < e ? off(e - 1) + 1 : span.end },
    firstLine: raw.firstLine,
    lastLine,
  };
  doc.assignments.push(assignment);
  if (stopsReading?.(assignment)) doc.stopsAt = assignment.span.end;
  return section;
}
