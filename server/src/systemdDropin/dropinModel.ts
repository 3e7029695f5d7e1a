import type { TextDocument } from 'vscode-languageserver-textdocument';
import { uriPath } from '../fileKinds';
import { isSectionName, type SectionName } from './directiveSchema';
import { execCommandProblem } from './execCommandLine';
import { OffsetMap } from './offsetMap';
import { parseDropin, type Assignment, type DropinDocument, type Span } from './parseDropin';
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
  /** Document offsets of `value`'s characters, plus the end. */
  valueOffsets: OffsetMap;
  valueSpan: Span;
}

export interface EnvironmentLine {
  assignment: Assignment;
  split: SplitResult;
  words: EnvWord[];
  /** `Environment=` with an empty value clears every earlier assignment. */
  reset: boolean;
}

export interface DropinModel {
  uri: string;
  /** Decoded path, forward slashes. */
  path: string;
  doc: DropinDocument;
  /** Assignments in [Unit], [Service] or [Install]: the ones systemd applies. */
  effective: Array<Assignment & { sectionName: SectionName }>;
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

export function buildModel(document: TextDocument): DropinModel {
  // systemd stops reading the file at an Exec*= command it refuses without the - prefix.
  const doc = parseDropin(document.getText(), (a) => execCommandProblem(a)?.fatal === true);
  const path = uriPath(document.uri);
  const effective: DropinModel['effective'] = [];
  for (const a of doc.assignments) {
    const name = a.section?.name;
    // A literal, not a spread: spreading every assignment was a third of the parse time.
    if (isSectionName(name)) {
      effective.push({
        section: a.section,
        key: a.key,
        keySpan: a.keySpan,
        value: a.value,
        span: a.span,
        firstLine: a.firstLine,
        lastLine: a.lastLine,
        sectionName: name,
      });
    }
  }
  const environment: EnvironmentLine[] = [];
  const variables: EnvWord[] = [];
  for (const a of effective) {
    if (a.sectionName !== 'Service' || a.key !== 'Environment') continue;
    const split = splitWords(a.value);
    const line: EnvironmentLine = { assignment: a, split, words: [], reset: a.value.text.length === 0 };
    // map() sizes the array exactly; a pushed-to array keeps spare room per line.
    line.words = split.words.map((w) => analyzeEnvWord(line, w));
    for (const ew of line.words) if (!ew.problem && !ew.badSpecifier) variables.push(ew);
    environment.push(line);
  }
  return { uri: document.uri, path, doc, effective, environment, variables, notRead: isIgnoredDropinPath(path) };
}

/** The document span of characters [a, b) of an assignment's value. */
export function valueSlice(w: EnvWord, a: number, b: number): Span {
  const at = w.valueOffsets.get(a);
  if (b <= a) return { start: at ?? w.valueSpan.end, end: at ?? w.valueSpan.end };
  return { start: at!, end: w.valueOffsets.get(b - 1)! + 1 };
}
