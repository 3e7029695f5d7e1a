/**
 * A parser for systemd unit-file drop-ins that keeps the position of every character
 * it hands on (as locs, loc.ts, stored as runs, offsetMap.ts), and re-parses only the
 * lines that changed since the previous version. There is no maintained
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
 * - otherwise `key = value`, split at the first `=`, both sides stripped;
 * - a line longer than 1 MiB (systemd.syntax(7)) ends the file for systemd, silently.
 */

import { loc, LINE_STRIDE } from './loc';
import { OffsetMap, OffsetMapBuilder } from './offsetMap';

/** A slice of the document, as locs (line and character in one number, see loc.ts). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Text taken from the document, with the loc of each character
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

export type LineProblemKind = 'missing-equals' | 'missing-key' | 'invalid-section-header' | 'line-too-long';

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
  /** Every logical line that is not blank, in order. */
  lines: LineRecord[];
  /** The text parsed, and where each of `lines` lies in it (flat [start, end] pairs): the next parse compares against them. */
  source: string;
  rawSpans: number[];
  /** For each of `lines`, its index in `previous.lines` when taken over from there, else -1. */
  reusedFrom: number[];
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
function endsWithContinuation(source: string, start: number, end: number): boolean {
  let run = 0;
  for (let i = end - 1; i >= start && source.charCodeAt(i) === 92; i--) run++;
  return run % 2 === 1;
}

/**
 * One logical line as parsed, kept so the next parse can take it over unchanged.
 * Blank lines and comment lines have none.
 */
export interface LineRecord {
  firstLine: number;
  lastLine: number;
  /** The section in effect above the line (compared by identity when reusing). */
  sectionBefore: SectionHeader | undefined;
  header?: SectionHeader;
  assignment?: Assignment;
  problem?: LineProblem;
  /** Set when systemd stops reading the file at this line. */
  stopsAt?: number;
}

/** A continued logical line being joined. */
interface Pending {
  text: string;
  offsets: OffsetMapBuilder;
  firstLine: number;
  /** Offset where its first physical line starts: the line's source, compared by reuse(), begins there. */
  rawStart: number;
  /** Loc one past its last character so far. */
  end: number;
}

/**
 * @param stopsReading says whether systemd gives up on the file at this assignment
 *   (the parser itself knows no directive; the model passes the Exec*= check)
 * @param previous an earlier parse of the same document: a logical line with the same
 *   source, on the same line, under the same section header is taken over from it
 *   as it is (locs make that safe, see loc.ts), so an edit re-parses only the lines
 *   it touched (#8)
 */
export function parseDropin(source: string, stopsReading?: (a: Assignment) => boolean, previous?: DropinDocument): DropinDocument {
  const doc: DropinDocument = { headers: [], assignments: [], problems: [], commentLines: [], lines: [], source, rawSpans: [], reusedFrom: [] };
  const reusable = previous?.lines ?? [];
  let cursor = 0;
  /** The index in `reusable` of what reuse() last returned, or -1. */
  let reusedAt = -1;
  let section: SectionHeader | undefined;
  let pending: Pending | undefined;

  /**
   * The record of `previous` for the logical line at [rawStart, rawEnd) of `source`,
   * if its source is the same there, on the same lines and under the same header.
   */
  const reuse = (rawStart: number, rawEnd: number, firstLine: number, lastLine: number): LineRecord | undefined => {
    reusedAt = -1;
    if (previous === undefined) return undefined;
    while (cursor < reusable.length && reusable[cursor].firstLine < firstLine) cursor++;
    const old = reusable[cursor];
    if (old === undefined || old.firstLine !== firstLine || old.lastLine !== lastLine || old.sectionBefore !== section) return undefined;
    const s = previous.rawSpans[2 * cursor];
    const e = previous.rawSpans[2 * cursor + 1];
    if (e - s !== rawEnd - rawStart || previous.source.slice(s, e) !== source.slice(rawStart, rawEnd)) return undefined;
    reusedAt = cursor;
    return old;
  };
  /** Adds one logical line; returns false when systemd stops reading there. */
  const add = (record: LineRecord | undefined, rawStart: number, rawEnd: number): boolean => {
    if (record === undefined) return true;
    doc.lines.push(record);
    doc.rawSpans.push(rawStart, rawEnd);
    doc.reusedFrom.push(reusedAt);
    if (record.header) {
      doc.headers.push(record.header);
      section = record.header;
    }
    if (record.assignment) doc.assignments.push(record.assignment);
    if (record.problem) doc.problems.push(record.problem);
    if (record.stopsAt === undefined) return true;
    doc.stopsAt = record.stopsAt;
    return false;
  };

  let start = 0;
  let line = 0;
  // Where the text both versions end with begins, and how far it moved: from a line
  // start past it, the rest of the file parses as before (see takeRest).
  let sharedEnd = Infinity;
  let shift = 0;
  if (previous !== undefined) {
    // The lines before the edit, taken over in one go: their source and line breaks
    // are in the text both versions start with, so they parse as before.
    const same = commonPrefix(previous.source, source);
    const kept = linesWithin(previous, same);
    if (kept > 0) {
      line = previous.lines[kept - 1].lastLine + 1;
      start = lineBreakAfter(previous, kept - 1) + 1;
      cursor = kept;
    }
    for (const c of previous.commentLines) {
      if (c >= line) break;
      doc.commentLines.push(c);
    }
    for (let k = 0; k < kept; k++) {
      reusedAt = k;
      if (!add(previous.lines[k], previous.rawSpans[2 * k], previous.rawSpans[2 * k + 1])) return doc;
    }
    shift = source.length - previous.source.length;
    sharedEnd = source.length - commonSuffix(previous.source, source, Math.min(previous.source.length, source.length) - same);
  }
  /**
   * At the start of a physical line inside the shared end, with no line being joined:
   * when the previous parse had a logical line starting at the same place, on the same
   * line number and under the same header, the rest of the file parses exactly as it
   * did then, so its lines are taken over in one go. Returns false when it cannot.
   */
  const takeRest = (): boolean => {
    const old = recordStartingAt(previous!, start - shift);
    if (old < 0) return false;
    const r = previous!.lines[old];
    if (r.firstLine !== line || r.sectionBefore !== section) {
      // Lines moved or the section changed: no later line can match either.
      sharedEnd = Infinity;
      return false;
    }
    for (const c of previous!.commentLines) if (c >= line) doc.commentLines.push(c);
    for (let k = old; k < previous!.lines.length; k++) {
      reusedAt = k;
      if (!add(previous!.lines[k], previous!.rawSpans[2 * k] + shift, previous!.rawSpans[2 * k + 1] + shift)) break;
    }
    return true;
  };

  for (; ; start = source.indexOf('\n', start) + 1, line++) {
    if (start >= sharedEnd && pending === undefined && takeRest()) return doc;
    const nl = source.indexOf('\n', start);
    let end = nl < 0 ? source.length : nl;
    if (end > start && source.charCodeAt(end - 1) === 13) end--;
    if (end - start >= LINE_STRIDE) {
      // systemd reads lines of up to 1 MiB (systemd.syntax(7)) and silently stops
      // reading the file at a longer one (systemd-analyze verify 252); its characters
      // would not fit a loc either (loc.ts).
      const at = loc(line, 0);
      const problem: LineProblem = { kind: 'line-too-long', text: '', span: { start: at, end: at + 1 }, firstLine: line, lastLine: line };
      reusedAt = -1;
      add({ firstLine: line, lastLine: line, sectionBefore: section, problem, stopsAt: at }, start, end);
      return doc;
    }
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
    const last = nl < 0;
    const firstLoc = loc(line, base - start);
    const length = end - base;
    if (endsWithContinuation(source, base, end)) {
      // systemd replaces the backslash by a space and reads on.
      const text = source.slice(base, end - 1) + ' ';
      if (pending) {
        pending.offsets.pushRange(firstLoc, length);
        pending.text += text;
        pending.end = firstLoc + length;
      } else {
        const offsets = new OffsetMapBuilder();
        offsets.pushRange(firstLoc, length);
        pending = { text, offsets, firstLine: line, rawStart: start, end: firstLoc + length };
      }
      if (last) break;
      continue;
    }
    let record: LineRecord | undefined;
    let rawStart = start;
    if (pending) {
      rawStart = pending.rawStart;
      record = reuse(rawStart, end, pending.firstLine, line);
      if (!record) {
        pending.offsets.pushRange(firstLoc, length + 1);
        record = parseLogicalLine(pending.text + source.slice(base, end), pending.offsets.build(), pending.firstLine, line, section, stopsReading);
      }
      pending = undefined;
    } else {
      record = reuse(start, end, line, line) ?? parseLogicalLine(detach(source.slice(base, end)), OffsetMap.contiguous(firstLoc, length + 1), line, line, section, stopsReading);
    }
    if (!add(record, rawStart, end) || last) return doc;
  }
  if (pending) {
    // A continuation at the end of the file: systemd still parses what it has.
    let record = reuse(pending.rawStart, source.length, pending.firstLine, line);
    if (!record) {
      pending.offsets.push(pending.end);
      record = parseLogicalLine(pending.text, pending.offsets.build(), pending.firstLine, line, section, stopsReading);
    }
    add(record, pending.rawStart, source.length);
  }
  return doc;
}

/**
 * The length of the text `a` and `b` start with: a binary search over comparisons of
 * slices, which V8 does natively (startsWith() was twenty times slower here).
 */
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(0, mid) === b.slice(0, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The length, at most `max`, of the text `a` and `b` end with. */
function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid) === b.slice(b.length - mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Offset of the line break that ends line record `k` of `doc`, or Infinity when the file ends there. */
function lineBreakAfter(doc: DropinDocument, k: number): number {
  const end = doc.rawSpans[2 * k + 1];
  const nl = doc.source.charCodeAt(end) === 13 ? end + 1 : end;
  return doc.source.charCodeAt(nl) === 10 ? nl : Infinity;
}

/** How many line records of `doc` lie, line break included, in its first `length` characters. */
function linesWithin(doc: DropinDocument, length: number): number {
  let lo = 0;
  let hi = doc.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lineBreakAfter(doc, mid) < length) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the line record of `doc` whose source starts at `offset`, or -1. */
function recordStartingAt(doc: DropinDocument, offset: number): number {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = doc.rawSpans[2 * mid];
    if (at === offset) return mid;
    if (at < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A copy of `s` that does not keep the document it was cut from alive. V8 makes a
 * slice of 13 characters or more point into its parent string, and a line record
 * outlives its document version (it is reused); joining a character and slicing it
 * off again copies just the line.
 */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Parses one logical line: `text` with the loc of each character and one past the end. */
function parseLogicalLine(
  text: string,
  offsets: OffsetMap,
  firstLine: number,
  lastLine: number,
  section: SectionHeader | undefined,
  stopsReading?: (a: Assignment) => boolean,
): LineRecord | undefined {
  // Works on indices into the line and builds only the value's offsets: the other
  // parts need just their text and span.
  const off = (i: number): number => offsets.get(i)!;
  let s = 0;
  let e = text.length;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (s === e) return undefined;
  const record: LineRecord = { firstLine, lastLine, sectionBefore: section };
  const lineText = text.slice(s, e);
  const span = { start: off(s), end: off(e - 1) + 1 };
  if (text.charCodeAt(s) === 91 /* [ */) {
    if (text.charCodeAt(e - 1) !== 93 /* ] */) {
      record.problem = { kind: 'invalid-section-header', text: lineText, span, firstLine, lastLine };
      record.stopsAt = span.start;
      return record;
    }
    // systemd takes the text between the brackets as it is; "[ Service ]" names an
    // unknown section " Service ".
    const nameSpan = e - s > 2 ? { start: off(s + 1), end: off(e - 2) + 1 } : { start: span.start + 1, end: span.start + 1 };
    record.header = { name: text.slice(s + 1, e - 1), span, nameSpan, line: firstLine };
    return record;
  }
  const eq = text.indexOf('=', s);
  if (eq < 0 || eq >= e) {
    record.problem = { kind: 'missing-equals', text: lineText, span, firstLine, lastLine };
    return record;
  }
  let ke = eq;
  while (ke > s && isBlank(text.charCodeAt(ke - 1))) ke--;
  if (ke === s) {
    record.problem = { kind: 'missing-key', text: lineText, span, firstLine, lastLine };
    return record;
  }
  let vs = eq + 1;
  while (vs < e && isBlank(text.charCodeAt(vs))) vs++;
  const value: MappedText = { text: text.slice(vs, e), offsets: offsets.slice(vs, e + 1) };
  const keySpan = { start: off(s), end: off(ke - 1) + 1 };
  const assignment: Assignment = {
    section,
    key: text.slice(s, ke),
    keySpan,
    value,
    span: { start: keySpan.start, end: vs < e ? off(e - 1) + 1 : span.end },
    firstLine,
    lastLine,
  };
  record.assignment = assignment;
  if (stopsReading?.(assignment)) record.stopsAt = assignment.span.end;
  return record;
}
