import { minimatch } from 'minimatch';
import { anchorPattern, DEFAULT_PATTERNS, FILE_KINDS, patternsOf, uriPath, type ExtraPatterns, type FileKind } from './shared/fileKinds';
import type { Settings } from './shared/settings';

// Kept apart from shared/fileKinds.ts so that the client bundle, which only needs the
// patterns for its document selector, does not carry minimatch (#14).

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(pattern: string): (path: string) => boolean {
  let fn = matcherCache.get(pattern);
  if (!fn) {
    fn = compileMatcher(anchorPattern(pattern), BUILT_IN.has(pattern));
    matcherCache.set(pattern, fn);
  }
  return fn;
}

/** Our own patterns: the ones whose regular expression is known to judge as `match` does. */
const BUILT_IN = new Set(Object.values(DEFAULT_PATTERNS).flat());

/**
 * minimatch's verdict on `pattern` for a `/`-separated path. For our own patterns
 * (`regex`), through the pattern's regular expression: a test of it is several times
 * faster than `match`, which splits the path and walks it segment by segment, and the
 * walk of a folder asks for every file in it (#21: 10 % of choosing the files of a
 * 1,000-file check). test/unit/server/fileKindOf.test.ts holds the two equal on them.
 * Not for the user's: minimatch's regular expressions judge some patterns otherwise than
 * `match` (a trailing `/**` matches `/srvx` for `/srv/**`; two `**` lose the last; `[!b]`
 * matches `/`), so those stay with `match`. The `s` flag: a folder name may hold a line
 * break, which `.` would not match. A path ending in `/`, which `match` reads as the path
 * without it, is left to `match` too.
 */
export function compileMatcher(pattern: string, regex: boolean): (path: string) => boolean {
  const mm = new minimatch.Minimatch(pattern, { dot: true, nocase: false });
  const made = regex ? mm.makeRe() : false;
  if (!made) return (path) => mm.match(path);
  const re = new RegExp(made.source, `${made.flags}s`);
  return (path) => (path.endsWith('/') ? mm.match(path) : re.test(path));
}

/** Which mode handles `uri`, or undefined. Defaults are tried before user patterns. */
export function fileKindOf(uri: string, extra: ExtraPatterns = {}): FileKind | undefined {
  const path = uriPath(uri);
  for (const kind of FILE_KINDS) {
    if (patternsOf(kind, extra).some((p) => matcher(p)(path))) return kind;
  }
  return undefined;
}

/**
 * The kind whose mode handles `uri` under `settings`: chosen by path, and only while that
 * mode is enabled. The one choice of both hosts of the modes, the server and the CLI (#21).
 */
export function enabledKindOf(uri: string, settings: Settings): FileKind | undefined {
  const kind = fileKindOf(uri, settings.files);
  return kind && settings[kind].enable ? kind : undefined;
}
