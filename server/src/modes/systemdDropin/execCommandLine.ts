import { directiveEntry } from './directiveSchema';
import type { MappedText, Span } from './model';
import type { Word } from './splitWords';
import { splitWords } from './splitWords';

/**
 * The command of `ExecStart=` and the other Exec*= directives (schema kind `command`):
 * systemd.service(5) "Command lines". The first word may start with the prefixes
 * `-` (failure ignored), `@` (the next word is argv[0]), `:` (no variable expansion),
 * and one of `+`, `!` or `!!` (privileges), each at most once and in any order; the
 * rest must be an absolute path or a bare program name (looked up in a fixed search
 * path). systemd 252 (src/core/load-fragment.c `config_parse_exec`) drops a line that
 * breaks this with "Neither a valid executable name nor an absolute path", "Empty
 * path in command line", "Executable path specifies a directory", "Executable name
 * contains special characters" or "Empty executable name or zeroeth argument"; each
 * verdict below was checked with `systemd-analyze verify` 252 (fixtures in
 * test/fixtures/systemdDropin/verify/exec-*.conf).
 *
 * Without the `-` prefix the error is fatal for the file: systemd stops reading the
 * drop-in at that line, as after an invalid section header (verified with 252: lines
 * below it get no warnings and do not apply). With `-` only the line is ignored.
 */

export type ExecProblemKind = 'prefix' | 'empty' | 'special' | 'directory' | 'relative' | 'argv0';

export interface ExecProblem {
  kind: ExecProblemKind;
  span: Span;
  /** The prefix characters as read, e.g. "-@". */
  prefix: string;
  /** The command after the prefixes. */
  path: string;
  /** True without the `-` prefix: systemd stops reading the file at this line. */
  fatal: boolean;
}

// A quote, backslash, DEL or control character left after unquoting and unescaping
// (systemd's string_is_safe()).
const UNSAFE = /[\x01-\x1f"'\\\x7f]/;

/** A bare program name systemd can look up: filename_is_valid(). */
function isFileName(s: string): boolean {
  return s.length > 0 && s.length <= 255 && s !== '.' && s !== '..' && !s.includes('/');
}

/** The program word of an Exec*= value, read as systemd reads it (see `execProgram`). */
export interface ExecProgram {
  first: Word;
  /** How many words the command has. */
  words: number;
  /** The prefix characters as read, e.g. "-@". */
  prefix: string;
  /** The command after the prefixes. */
  path: string;
  /** The `-` prefix: a failure (a missing program too) is ignored. */
  ignoreFailure: boolean;
  /** The `@` prefix: the next word is argv[0]. */
  argv0: boolean;
}

/**
 * The first word of a command split into systemd's prefix characters and the program,
 * in systemd's order of tests (a second "!" turns "!" into "!!"); undefined for a value
 * that is empty or does not split (a syntax error other rules report).
 */
export function execProgram(value: MappedText): ExecProgram | undefined {
  const split = splitWords(value);
  const first = split.words[0];
  if (!first || split.error) return undefined;
  const t = first.text;
  let ignoreFailure = false;
  let argv0 = false;
  let noExpand = false;
  let plus = false;
  let bang = false;
  let bangBang = false;
  let i = 0;
  for (; i < t.length; i++) {
    const c = t[i];
    if (c === '-' && !ignoreFailure) ignoreFailure = true;
    else if (c === '@' && !argv0) argv0 = true;
    else if (c === ':' && !noExpand) noExpand = true;
    else if (c === '+' && !plus && !bang && !bangBang) plus = true;
    else if (c === '!' && !plus && !bang && !bangBang) bang = true;
    else if (c === '!' && !plus && !bangBang) {
      bang = false;
      bangBang = true;
    } else break;
  }
  return { first, words: split.words.length, prefix: t.slice(0, i), path: t.slice(i), ignoreFailure, argv0 };
}

/**
 * Why systemd drops this Exec*= line, or undefined when it keeps it (or when the
 * value holds a specifier or a syntax error, whose effect on the command is not known
 * here; other rules report those).
 */
export function execCommandProblem(a: { section?: { name: string }; key: string; value: MappedText }): ExecProblem | undefined {
  if (a.value.text.length === 0 || !a.key.startsWith('Exec')) return undefined;
  if (directiveEntry(a.section?.name, a.key)?.kind !== 'command') return undefined;
  if (a.value.text.includes('%')) return undefined;
  const program = execProgram(a.value);
  if (!program) return undefined;
  const { first, prefix, path, ignoreFailure, argv0, words } = program;
  const problem = (kind: ExecProblemKind, span: Span = first.span): ExecProblem => ({ kind, span, prefix, path, fatal: !ignoreFailure });
  if (path.length === 0) return problem('empty');
  if (UNSAFE.test(path)) return problem('special');
  if (path.endsWith('/')) return problem('directory');
  if (!path.startsWith('/') && !isFileName(path)) {
    if ('-@:+!'.includes(path[0])) {
      const at = first.offsets[prefix.length];
      return problem('prefix', { start: at, end: at + 1 });
    }
    return problem('relative');
  }
  if (argv0 && words < 2) return problem('argv0');
  return undefined;
}

