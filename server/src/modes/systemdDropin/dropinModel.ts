import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { uriPath } from '../../shared/fileKinds';
import { isSectionName, proxyVariableOf, type SectionName } from './directiveSchema';
import { execCommandProblem } from './execCommandLine';
import { OffsetMap } from './offsetMap';
import { parseDropin, type Assignment, type DropinDocument, type LineRecord, type SectionHeader, type Span } from './parseDropin';
import { resolveSpecifiers, type Resolved } from './specifiers';
import { splitWords, type SplitResult, type Word } from './splitWords';

/**
 * The cached parse of a drop-in: the syntax tree plus what systemd makes of the
 * `Environment=` lines. Every feature (rules, completion, hover) works from this.
 */

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
  /** Locs of `value`'s characters, plus the end. */
  valueOffsets: OffsetMap;
  valueSpan: Span;
}

export interface EnvironmentLine {
  assignment: Assignment;
  split: SplitResult;
  words: EnvWord[];
  /** `Environment=` with an empty value clears every earlier assignment. */
  reset: boolean;
  /** The valid words that set one of the six proxy variables dockerd reads (found once per line, not per keystroke). */
  proxyWords: EnvWord[];
}

export interface DropinModel {
  uri: string;
  /** Decoded path, forward slashes. */
  path: string;
  doc: DropinDocument;
  /** One per entry of `doc.lines`. */
  lines: LineState[];
  /** Assignments in [Unit], [Service] or [Install]: the ones systemd applies. */
  effective: EffectiveAssignment[];
  environment: EnvironmentLine[];
  /** Valid variable assignments in file order (what reaches dockerd). */
  variables: EnvWord[];
  /** A file systemd never reads (in a `.service.d/` folder, not `*.conf`). */
  notRead: boolean;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function analyzeEnvWord(line: EnvironmentLine, word: Word): EnvWord {
  const resolved = resolveSpecifiers(word.text, word.offsets);
  const eq = resolved.text.indexOf('=');
  const name = eq < 0 ? resolved.text : resolved.text.slice(0, eq);
  const nameSpan = { start: resolved.offsets.get(0)!, end: eq < 0 ? word.span.end : resolved.offsets.get(eq)! };
  const value = eq < 0 ? '' : resolved.text.slice(eq + 1);
  const valueOffsets = eq < 0 ? OffsetMap.contiguous(word.span.end, 1) : resolved.offsets.slice(eq + 1);
  const valueStart = valueOffsets.get(0)!;
  const valueSpan =
    eq < 0
      ? { start: word.span.end, end: word.span.end }
      : { start: valueStart, end: value.length > 0 ? valueOffsets.get(value.length - 1)! + 1 : valueStart };
  const badSpecifier = resolved.uses.some((u) => !u.known);
  let problem: EnvWordProblem | undefined;
  if (word.text.startsWith('#') || word.text.startsWith(';')) problem = 'comment';
  else if (eq < 0) problem = 'missing-equals';
  else if (!ENV_NAME.test(name)) problem = 'bad-name';
  return { line, word, resolved, problem, badSpecifier, name, nameSpan, value, valueOffsets, valueSpan };
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

/** An assignment in [Unit], [Service] or [Install]. */
export type EffectiveAssignment = Assignment & { section: SectionHeader & { name: SectionName } };

/**
 * One logical line and what the model derives from it. A line the parser takes over
 * from the previous version (parseDropin.ts) keeps its LineState, so this is derived
 * once per line, not once per keystroke (#8).
 */
export interface LineState {
  record: LineRecord;
  /** Set when the line is an assignment systemd applies. */
  effective?: EffectiveAssignment;
  /** Set for `Environment=` in [Service]. */
  environment?: EnvironmentLine;
  /** The line's diagnostics, kept by validateDropin.ts. */
  verdicts?: readonly Diagnostic[];
}

function lineState(record: LineRecord): LineState {
  const state: LineState = { record, effective: undefined, environment: undefined, verdicts: undefined };
  const a = record.assignment;
  if (a === undefined || !isSectionName(a.section?.name)) return state;
  const effective = a as EffectiveAssignment;
  state.effective = effective;
  if (effective.section.name === 'Service' && a.key === 'Environment') {
    const split = splitWords(a.value);
    const line: EnvironmentLine = { assignment: effective, split, words: [], reset: a.value.text.length === 0, proxyWords: [] };
    // map() sizes the array exactly; a pushed-to array keeps spare room per line.
    line.words = split.words.map((w) => analyzeEnvWord(line, w));
    line.proxyWords = line.words.filter((w) => !w.problem && !w.badSpecifier && proxyVariableOf(w.name) !== undefined);
    state.environment = line;
  }
  return state;
}

/** The parts of the model that come from some of its lines (all of them, or those a rule pass needs). */
export function collectLines(lines: readonly LineState[]): Pick<DropinModel, 'effective' | 'environment' | 'variables'> {
  const effective: EffectiveAssignment[] = [];
  const environment: EnvironmentLine[] = [];
  const variables: EnvWord[] = [];
  for (const s of lines) {
    if (s.effective !== undefined) effective.push(s.effective);
    const env = s.environment;
    if (env === undefined) continue;
    environment.push(env);
    for (const ew of env.words) if (!ew.problem && !ew.badSpecifier) variables.push(ew);
  }
  return { effective, environment, variables };
}

/**
 * @param previous the model of an earlier version of the same document: the lines
 *   that did not change are taken over with everything derived from them (#8)
 */
export function buildModel(document: TextDocument, previous?: DropinModel): DropinModel {
  // systemd stops reading the file at an Exec*= command it refuses without the - prefix.
  const doc = parseDropin(document.getText(), (a) => execCommandProblem(a)?.fatal === true, previous?.doc);
  const lines = doc.lines.map((record, i) => {
    const from = doc.reusedFrom[i];
    return from >= 0 && previous !== undefined ? previous.lines[from] : lineState(record);
  });
  const same = previous?.uri === document.uri;
  const path = same ? previous.path : uriPath(document.uri);
  const { effective, environment, variables } = collectLines(lines);
  return { uri: document.uri, path, doc, lines, effective, environment, variables, notRead: same ? previous.notRead : isIgnoredDropinPath(path) };
}

/** The document span of characters [a, b) of an assignment's value. */
export function valueSlice(w: EnvWord, a: number, b: number): Span {
  const at = w.valueOffsets.get(a);
  if (b <= a) return { start: at ?? w.valueSpan.end, end: at ?? w.valueSpan.end };
  return { start: at!, end: w.valueOffsets.get(b - 1)! + 1 };
}
