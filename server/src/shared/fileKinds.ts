import { minimatch } from 'minimatch';

/** The three kinds of file the server understands, one mode each. */
export type FileKind = 'daemonJson' | 'compose' | 'systemdDropin';

export const FILE_KINDS: readonly FileKind[] = ['daemonJson', 'compose', 'systemdDropin'];

/**
 * Documents are chosen by path, whatever language id VS Code gave them
 * (a daemon.json may be "json" or "jsonc", a drop-in "ini" or "plaintext").
 * The client builds its document selector from the same table, so both sides agree.
 */
export const DEFAULT_PATTERNS: Readonly<Record<FileKind, readonly string[]>> = {
  daemonJson: ['**/daemon.json'],
  compose: ['**/{compose,docker-compose}{,.*}.{yml,yaml}'],
  // `*.service.d/*` (not only `*.conf`) so that the mode can warn about a drop-in
  // that systemd will never read because its name does not end in `.conf`.
  systemdDropin: ['**/*.service.d/*', '**/http-proxy.conf'],
};

export type ExtraPatterns = Partial<Record<FileKind, readonly string[]>>;

/** The path part of a URI, decoded, with forward slashes. */
export function uriPath(uri: string): string {
  let path = uri;
  const m = /^[a-zA-Z][\w+.-]*:(\/\/[^/]*)?(.*)$/.exec(uri);
  if (m) path = m[2];
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: keep the raw text rather than failing the lookup.
  }
  return path.replace(/\\/g, '/');
}

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(pattern: string): (path: string) => boolean {
  let fn = matcherCache.get(pattern);
  if (!fn) {
    const anchored = pattern.startsWith('/') || pattern.startsWith('**') ? pattern : `**/${pattern}`;
    const mm = new minimatch.Minimatch(anchored, { dot: true, nocase: false });
    fn = (path) => mm.match(path);
    matcherCache.set(pattern, fn);
  }
  return fn;
}

/** Which mode handles `uri`, or undefined. Defaults are tried before user patterns. */
export function fileKindOf(uri: string, extra: ExtraPatterns = {}): FileKind | undefined {
  const path = uriPath(uri);
  for (const kind of FILE_KINDS) {
    const patterns = [...DEFAULT_PATTERNS[kind], ...(extra[kind] ?? [])];
    if (patterns.some((p) => typeof p === 'string' && p.length > 0 && matcher(p)(path))) return kind;
  }
  return undefined;
}
