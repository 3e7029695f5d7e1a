import { minimatch } from 'minimatch';
import { anchorPattern, FILE_KINDS, patternsOf, uriPath, type ExtraPatterns, type FileKind } from './shared/fileKinds';
import type { Settings } from './shared/settings';

// Kept apart from shared/fileKinds.ts so that the client bundle, which only needs the
// patterns for its document selector, does not carry minimatch (#14).

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(pattern: string): (path: string) => boolean {
  let fn = matcherCache.get(pattern);
  if (!fn) {
    const mm = new minimatch.Minimatch(anchorPattern(pattern), { dot: true, nocase: false });
    fn = (path) => mm.match(path);
    matcherCache.set(pattern, fn);
  }
  return fn;
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
