import { lastAtOrBefore } from '../lastAtOrBefore';
import type { FixDescriptor } from '../languageMode';
import type { SectionName } from './directiveSchema';
import type { Resolved } from './specifiers';
import type { SplitResult, Word } from './splitWords';

/**
 * The model of a drop-in (parse.ts builds it): what systemd reads of the file, plus what
 * it makes of the `Environment=` lines. Every position is a document offset, as in the
 * other modes (#14); every feature (rules, completion, hover, outline, fixes) works from this.
 */

/** A slice of the document, in offsets (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Text taken from the document (joined continuation lines, unquoted words, resolved `%%`),
 * with the document offset of each character: `offsets[i]` for `text[i]`, and
 * `offsets[text.length]` one past the end.
 */
export interface MappedText {
  text: string;
  offsets: readonly number[];
}

export interface SectionHeader {
  /** Name between the brackets. */
  name: string;
  /** The whole `[Name]` text. */
  span: Span;
  /** Just the name. */
  nameSpan: Span;
  /** How many headers with the same name come before it (quick fixes find it again by name and occurrence). */
  occurrence: number;
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
  /** Offset where the logical line's first physical line starts (where a line is inserted before it). */
  lineStart: number;
  /** How many assignments of the same key in sections of the same name come before it (see AssignmentRef). */
  occurrence: number;
}

export type LineProblemKind = 'missing-equals' | 'missing-key' | 'invalid-section-header' | 'line-too-long';

export interface LineProblem {
  kind: LineProblemKind;
  /** The offending text (stripped logical line). */
  text: string;
  span: Span;
}

/** Why systemd refuses one word of `Environment=` ("Invalid environment assignment"). */
export type EnvWordProblem = 'missing-equals' | 'bad-name' | 'comment';

export interface EnvWord {
  line: EnvironmentLine;
  word: Word;
  resolved: Resolved;
  /** Set when systemd rejects the word. */
  problem?: EnvWordProblem;
  /** True when one of its specifiers is unknown (systemd drops the word). */
  badSpecifier: boolean;
  name: string;
  nameSpan: Span;
  /** The value after `=`, with `%%` resolved. */
  value: string;
  /** Offsets of `value`'s characters, plus the end. */
  valueOffsets: readonly number[];
  valueSpan: Span;
  /** How many words of Environment= lines with the same name come before it (see VariableRef). */
  occurrence: number;
}

export interface EnvironmentLine {
  assignment: EffectiveAssignment;
  split: SplitResult;
  words: EnvWord[];
  /** `Environment=` with an empty value clears every earlier assignment. */
  reset: boolean;
  /** The valid words that set one of the six proxy variables dockerd reads. */
  proxyWords: EnvWord[];
}

/** An assignment in [Unit], [Service] or [Install]: one systemd applies. */
export type EffectiveAssignment = Assignment & { section: SectionHeader & { name: SectionName } };

/**
 * One logical line that is not blank and not a comment: a "spot" of the model. They are
 * sorted by offset, so a position is looked up by binary search (`lineAt`).
 */
export interface LogicalLine {
  /** From the first non-blank character to the end of its last character. */
  span: Span;
  header?: SectionHeader;
  assignment?: Assignment;
  problem?: LineProblem;
  /** Set for `Environment=` in [Service]. */
  environment?: EnvironmentLine;
}

export interface DropinModel {
  uri: string;
  /** Decoded path, forward slashes. */
  path: string;
  /** The text parsed. */
  text: string;
  /** Offset of the start of each physical line, with LSP's line breaks (`\n`, `\r\n`, `\r`), as the TextDocument has them. */
  lineStarts: readonly number[];
  lines: LogicalLine[];
  headers: SectionHeader[];
  assignments: Assignment[];
  problems: LineProblem[];
  /**
   * Offset at which systemd stops reading: the start of an invalid section header or of a
   * line over 1 MiB, or the end of an Exec*= assignment systemd refuses without `-`.
   */
  stopsAt?: number;
  /** Assignments in [Unit], [Service] or [Install]: the ones systemd applies. */
  effective: EffectiveAssignment[];
  environment: EnvironmentLine[];
  /** Valid variable assignments in file order (what reaches dockerd). */
  variables: EnvWord[];
  /** A file systemd never reads (in a `.service.d/` folder, not `*.conf`). */
  notRead: boolean;
}

/** The logical line whose span contains `offset` (ends included), or undefined. */
export function lineAt(model: DropinModel, offset: number): LogicalLine | undefined {
  const line = model.lines[lastAtOrBefore(model.lines, offset, (l) => l.span.start)];
  return line && offset <= line.span.end ? line : undefined;
}

/** The 0-based physical line of an offset. */
export function lineOf(model: DropinModel, offset: number): number {
  return Math.max(0, lastAtOrBefore(model.lineStarts, offset, (start) => start));
}

/** The last section header that starts before `offset`, if any. */
export function sectionBefore(model: DropinModel, offset: number): SectionHeader | undefined {
  // Offsets are whole numbers: "starts before offset" is "starts at or before offset - 1".
  return model.headers[lastAtOrBefore(model.headers, offset - 1, (h) => h.span.start)];
}

/** The document span of characters [a, b) of a variable's value. */
export function valueSlice(w: EnvWord, a: number, b: number): Span {
  const at = w.valueOffsets[a];
  if (b <= a) return { start: at ?? w.valueSpan.end, end: at ?? w.valueSpan.end };
  return { start: at, end: w.valueOffsets[b - 1] + 1 };
}

/**
 * An assignment named in the terms a user would use: the `occurrence`-th (from 0)
 * assignment of `key` in sections named `section` ('' for above the first header),
 * counted over the file. Quick fixes carry this instead of positions (#14).
 */
export interface AssignmentRef {
  section: string;
  key: string;
  occurrence: number;
}

/** The `occurrence`-th (from 0) word of the file's Environment= lines that assigns `name`. */
export interface VariableRef {
  name: string;
  occurrence: number;
}

/**
 * What a drop-in quick fix does, as plain JSON (it travels in Diagnostic.data). It is
 * resolved against the parse of the text as it is when the user asks for code actions
 * (codeActions.ts), and refused when its target is gone or its text changed.
 */
export type DropinFix = FixDescriptor &
  (
    | { kind: 'rename-directive'; at: AssignmentRef; to: string }
    | { kind: 'add-section-header'; at: AssignmentRef; header: string }
    | { kind: 'rename-section'; name: string; occurrence: number; to: string }
    | { kind: 'insert-execstart-reset'; at: AssignmentRef; command: string }
    | { kind: 'move-comment'; at: AssignmentRef; comment: string }
    | { kind: 'rename-variable'; at: VariableRef; to: string }
    | { kind: 'encode-character'; at: VariableRef; index: number; character: string; to: string }
    /** `%X` → `%%X`: the `use`-th specifier of a variable's word or of an assignment's value. */
    | { kind: 'double-percent'; at: VariableRef | AssignmentRef; use: number; letter: string }
    /** Removes `text`, found at `index` in the variable's value (a duplicate NO_PROXY entry with its comma, #20). */
    | { kind: 'remove-value-text'; at: VariableRef; index: number; text: string }
    /** Removes the whole assignment, physical lines and all, while its text is still `text` (#20: messages that say "remove the line"). */
    | { kind: 'remove-line'; at: AssignmentRef; text: string }
  );

export function assignmentRef(a: Assignment): AssignmentRef {
  return { section: a.section?.name ?? '', key: a.key, occurrence: a.occurrence };
}

/** The fix that removes assignment `a` (line and continuation lines). */
export function removeLineFix(model: { text: string }, a: Assignment, title: string): DropinFix {
  return { kind: 'remove-line', title, at: assignmentRef(a), text: model.text.slice(a.lineStart, a.span.end) };
}

export function variableRef(w: EnvWord): VariableRef {
  return { name: w.name, occurrence: w.occurrence };
}
