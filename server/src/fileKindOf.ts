import { minimatch } from 'minimatch';
import { anchorPattern, FILE_KINDS, patternsOf, uriPath, type ExtraPatterns, type FileKind } from './shared/fileKinds';
import type { Settings } from './shared/settings';

// Kept apart from shared/fileKinds.ts so that the client bundle, which only needs the
// patterns for its document selector, does not carry minimatch (#14).

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(pattern: string): (path: string) => boolean {
  let fn = matcherCache.get(pattern);
  if (!fn) {
    fn = compileMatcher(anchorPattern(pattern));
    matcherCache.set(pattern, fn);
  }
  return fn;
}

/**
 * minimatch's verdict on `pattern` for a `/`-separated path. Through the pattern's regular
 * expression where minimatch can make one: a test of it is several times faster than
 * `match`, which splits the path and walks it segment by segment, and the walk of a folder
 * asks for every file in it (#21: 10 % of choosing the files of a 1,000-file check). Both
 * are minimatch's reading of the pattern, and test/unit/fileKindOf.test.ts holds them
 * equal; only a path ending in `/`, which `match` reads as the path without it, is left
 * to `match`.
 */
export function compileMatcher(pattern: string): (path: string) => boolean {
  const mm = new minimatch.Minimatch(pattern, { dot: true, nocase: false });
  const re = mm.makeRe();
  return re ? (path) => (path.endsWith('/') ? mm.match(path) : re.test(path)) : (path) => mm.match(path);
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
