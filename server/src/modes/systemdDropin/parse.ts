/**
 * The drop-in parser: a plain, pure, whole-file parse into document offsets (#14). There
 * is no maintained npm library for systemd unit syntax that reports positions (the "ini"
 * packages neither follow systemd.syntax(7) nor keep offsets), so this follows
 * systemd.syntax(7) and what systemd 252 really does (src/shared/conf-parser.c
 * `config_parse`/`parse_line`, checked with `systemd-analyze verify`, see
 * test/integration/systemdAnalyze.test.ts):
 *
 * - lines end at `\n`, `\r\n` or a lone `\r`: LSP's line breaks, so that every offset
 *   and line agrees with the TextDocument (#15 item 5: breaking only at `\n` shifted
 *   every position after a lone `\r`); systemd's read_line() also ends a line at `\r`;
 * - a line whose first non-blank character is `#` or `;` is a comment, even in the
 *   middle of a continuation (systemd 252 skips it and goes on joining);
 * - a line ending in an unescaped backslash continues on the next line; the backslash
 *   becomes a space (`\\` at the end is an escaped backslash, not a continuation);
 *   systemd reports problems of a continued line on its LAST physical line;
 * - `[Name]` starts a section; a `[` line without the closing `]` at its end is an
 *   invalid header, and systemd stops reading the file there;
 * - otherwise `key = value`, split at the first `=`, both sides stripped;
 * - a line longer than 1 MiB (systemd.syntax(7)) ends the file for systemd, silently;
 * - an Exec*= command systemd refuses without the `-` prefix ends the file too
 *   (execCommandLine.ts).
 */

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriPath } from '../../shared/fileKinds';
import { isSectionName, proxyVariableOf } from './directiveSchema';
import { execCommandProblem } from './execCommandLine';
import type {
  Assignment,
  DropinModel,
  EffectiveAssignment,
  EnvironmentLine,
  EnvWord,
  EnvWordProblem,
  LineProblem,
  LogicalLine,
  SectionHeader,
} from './model';
import { resolveSpecifiers } from './specifiers';
import { splitWords, type Word } from './splitWords';

/** systemd reads lines of up to 1 MiB (systemd.syntax(7), LONG_LINE_MAX) and silently stops reading the file at a longer one. */
export const MAX_LINE_LENGTH = 2 ** 20;

/** The parse of a drop-in: document → model. Pure: nothing is kept between calls. */
export function parse(document: TextDocument): DropinModel {
  const text = document.getText();
  // systemd stops reading the file at an Exec*= command it refuses without the - prefix.
  const syntax = parseSyntax(text, (a) => execCommandProblem(a)?.fatal === true);
  const effective: EffectiveAssignment[] = [];
  const environment: EnvironmentLine[] = [];
  const variables: EnvWord[] = [];
  const wordCounts = new Map<string, number>();
  for (const line of syntax.lines) {
    const a = line.assignment;
    if (a === undefined || !isSectionName(a.section?.name)) continue;
    const e = a as EffectiveAssignment;
    effective.push(e);
    if (e.section.name !== 'Service' || a.key !== 'Environment') continue;
    const env = environmentLine(e);
    line.environment = env;
    environment.push(env);
    for (const w of env.words) {
      w.occurrence = wordCounts.get(w.name) ?? 0;
      wordCounts.set(w.name, w.occurrence + 1);
      if (!w.problem && !w.badSpecifier) variables.push(w);
    }
  }
  const path = uriPath(document.uri);
  return { uri: document.uri, path, text, ...syntax, effective, environment, variables, notRead: isIgnoredDropinPath(path) };
}

/** What the syntax alone gives: the part of the model parseSyntax builds. */
export type DropinSyntax = Pick<DropinModel, 'lineStarts' | 'lines' | 'headers' | 'assignments' | 'problems' | 'stopsAt'>;

/** Blank as systemd's WHITESPACE: space, tab, newline, carriage return. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Offsets where the physical lines start, with LSP's line breaks (as vscode-languageserver-textdocument computes them). */
export function lineStartsOf(text: string): number[] {
  // The regular expression engine finds the breaks: a character loop in JavaScript runs in
  // V8's interpreter on the first file a server opens, and took 2.6 ms of the first 200-line
  // drop-in, most of its open → diagnostics (#14).
  const starts = [0];
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** LSP's line breaks: `\r\n`, `\r`, `\n`. */
const LINE_BREAK = /\r\n?|\n/g;

/**
 * True when `text[start, end)` ends in a backslash that is not itself escaped. Escapes
 * pair up left to right and a backslash only ever escapes one character, so the run of
 * backslashes at the end decides: an odd run ends in a lone backslash.
 */
function endsWithContinuation(text: string, start: number, end: number): boolean {
  let run = 0;
  for (let i = end - 1; i >= start && text.charCodeAt(i) === 92; i--) run++;
  return run % 2 === 1;
}

/** A continued logical line being joined. */
interface Pending {
  text: string;
  offsets: number[];
  lineStart: number;
  /** Offset one past its last character so far. */
  end: number;
}

/**
 * The lines of a drop-in as systemd reads them.
 * @param stopsReading says whether systemd gives up on the file at this assignment
 *   (the parser itself knows no directive; parse() passes the Exec*= check)
 */
export function parseSyntax(text: string, stopsReading?: (a: Assignment) => boolean): DropinSyntax {
  const lineStarts = lineStartsOf(text);
  const out: DropinSyntax = { lineStarts, lines: [], headers: [], assignments: [], problems: [] };
  let section: SectionHeader | undefined;
  let pending: Pending | undefined;
  // Occurrences of each header name and of each section/key pair, for AssignmentRef (model.ts).
  const headerCounts = new Map<string, number>();
  const assignmentCounts = new Map<string, number>();
  const count = (counts: Map<string, number>, key: string): number => {
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    return n;
  };
  /** Adds one logical line; returns false when systemd stops reading there. */
  const add = (parsed: { line: LogicalLine; stopsAt?: number } | undefined): boolean => {
    if (parsed === undefined) return true;
    const { line } = parsed;
    out.lines.push(line);
    if (line.header) {
      line.header.occurrence = count(headerCounts, line.header.name);
      out.headers.push(line.header);
      section = line.header;
    }
    if (line.assignment) {
      // Counted under the section it was parsed in: `section` is updated by headers only.
      line.assignment.occurrence = count(assignmentCounts, `${line.assignment.section?.name ?? ''}\0${line.assignment.key}`);
      out.assignments.push(line.assignment);
    }
    if (line.problem) out.problems.push(line.problem);
    if (parsed.stopsAt === undefined) return true;
    out.stopsAt = parsed.stopsAt;
    return false;
  };

  for (let k = 0; k < lineStarts.length; k++) {
    const start = lineStarts[k];
    const last = k + 1 === lineStarts.length;
    // The end of the line's content: before its break (\n, \r\n or \r).
    let end = last ? text.length : lineStarts[k + 1] - 1;
    if (!last && text.charCodeAt(end) === 10 && end > start && text.charCodeAt(end - 1) === 13) end--;
    if (end - start >= MAX_LINE_LENGTH) {
      // systemd stops reading at this line without a word (systemd-analyze verify 252).
      const problem: LineProblem = { kind: 'line-too-long', text: '', span: { start, end: start + 1 } };
      add({ line: { span: problem.span, problem }, stopsAt: start });
      return out;
    }
    let base = start;
    // A UTF-8 byte-order mark at the very start is skipped, as systemd does.
    if (k === 0 && text.charCodeAt(0) === 0xfeff) base += 1;
    let i = base;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    if (i < end && (c === 35 /* # */ || c === 59) /* ; */) continue;
    if (endsWithContinuation(text, base, end)) {
      // systemd replaces the backslash by a space and reads on.
      if (!pending) pending = { text: '', offsets: [], lineStart: start, end };
      pending.text += text.slice(base, end - 1) + ' ';
      for (let o = base; o < end; o++) pending.offsets.push(o);
      pending.end = end;
      continue;
    }
    if (pending) {
      for (let o = base; o <= end; o++) pending.offsets.push(o);
      const parsed = parseLogicalLine(pending.text + text.slice(base, end), pending.offsets, 0, pending.lineStart, section, stopsReading);
      pending = undefined;
      if (!add(parsed)) return out;
    } else if (!add(parseLogicalLine(text.slice(base, end), undefined, base, start, section, stopsReading))) return out;
  }
  if (pending) {
    // A continuation at the end of the file: systemd still parses what it has.
    pending.offsets.push(pending.end);
    add(parseLogicalLine(pending.text, pending.offsets, 0, pending.lineStart, section, stopsReading));
  }
  return out;
}

/**
 * Parses one logical line: `text` with the offset of each character and one past the end,
 * given as `map` (a joined continuation) or, for a single physical line, as `base + i`.
 */
function parseLogicalLine(
  text: string,
  map: number[] | undefined,
  base: number,
  lineStart: number,
  section: SectionHeader | undefined,
  stopsReading?: (a: Assignment) => boolean,
): { line: LogicalLine; stopsAt?: number } | undefined {
  const off = map ? (i: number): number => map[i] : (i: number): number => base + i;
  let s = 0;
  let e = text.length;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (s === e) return undefined;
  const lineText = text.slice(s, e);
  const span = { start: off(s), end: off(e - 1) + 1 };
  if (text.charCodeAt(s) === 91 /* [ */) {
    if (text.charCodeAt(e - 1) !== 93 /* ] */) {
      return { line: { span, problem: { kind: 'invalid-section-header', text: lineText, span } }, stopsAt: span.start };
    }
    // systemd takes the text between the brackets as it is; "[ Service ]" names an
    // unknown section " Service ".
    const nameSpan = e - s > 2 ? { start: off(s + 1), end: off(e - 2) + 1 } : { start: span.start + 1, end: span.start + 1 };
    return { line: { span, header: { name: text.slice(s + 1, e - 1), span, nameSpan, occurrence: 0 } } };
  }
  const eq = text.indexOf('=', s);
  if (eq < 0 || eq >= e) return { line: { span, problem: { kind: 'missing-equals', text: lineText, span } } };
  let ke = eq;
  while (ke > s && isBlank(text.charCodeAt(ke - 1))) ke--;
  if (ke === s) return { line: { span, problem: { kind: 'missing-key', text: lineText, span } } };
  let vs = eq + 1;
  while (vs < e && isBlank(text.charCodeAt(vs))) vs++;
  let valueOffsets: number[];
  if (map) valueOffsets = map.slice(vs, e + 1);
  else {
    valueOffsets = new Array<number>(e + 1 - vs);
    for (let j = vs; j <= e; j++) valueOffsets[j - vs] = base + j;
  }
  const keySpan = { start: off(s), end: off(ke - 1) + 1 };
  const assignment: Assignment = {
    section,
    key: text.slice(s, ke),
    keySpan,
    value: { text: text.slice(vs, e), offsets: valueOffsets },
    span: { start: keySpan.start, end: vs < e ? off(e - 1) + 1 : span.end },
    lineStart,
    occurrence: 0,
  };
  const line: LogicalLine = { span, assignment };
  return stopsReading?.(assignment) ? { line, stopsAt: assignment.span.end } : { line };
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** What systemd makes of one `Environment=` line of [Service] (systemd.exec(5)). */
function environmentLine(a: EffectiveAssignment): EnvironmentLine {
  const split = splitWords(a.value);
  const line: EnvironmentLine = { assignment: a, split, words: [], reset: a.value.text.length === 0, proxyWords: [] };
  line.words = split.words.map((w) => envWord(line, w));
  line.proxyWords = line.words.filter((w) => !w.problem && !w.badSpecifier && proxyVariableOf(w.name) !== undefined);
  return line;
}

function envWord(line: EnvironmentLine, word: Word): EnvWord {
  const resolved = resolveSpecifiers(word.text, word.offsets);
  const eq = resolved.text.indexOf('=');
  const name = eq < 0 ? resolved.text : resolved.text.slice(0, eq);
  const nameSpan = { start: resolved.offsets[0], end: eq < 0 ? word.span.end : resolved.offsets[eq] };
  const value = eq < 0 ? '' : resolved.text.slice(eq + 1);
  const valueOffsets = eq < 0 ? [word.span.end] : resolved.offsets.slice(eq + 1);
  const valueStart = valueOffsets[0];
  const valueSpan =
    eq < 0 ? { start: word.span.end, end: word.span.end } : { start: valueStart, end: value.length > 0 ? valueOffsets[value.length - 1] + 1 : valueStart };
  const badSpecifier = resolved.uses.some((u) => !u.known);
  let problem: EnvWordProblem | undefined;
  if (word.text.startsWith('#') || word.text.startsWith(';')) problem = 'comment';
  else if (eq < 0) problem = 'missing-equals';
  else if (!ENV_NAME.test(name)) problem = 'bad-name';
  return { line, word, resolved, problem, badSpecifier, name, nameSpan, value, valueOffsets, valueSpan, occurrence: 0 };
}

/** A `.service.d/*` file that is hidden or does not end in `.conf` (systemd.unit(5), verified with 252). */
export function isIgnoredDropinPath(path: string): boolean {
  const parts = path.split('/');
  if (parts.length < 2) return false;
  const dir = parts[parts.length - 2];
  const base = parts[parts.length - 1];
  if (!dir.endsWith('.service.d')) return false;
  return !base.endsWith('.conf') || base.startsWith('.');
}
