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

/**
 * A pattern as both sides use it: a pattern that does not start at the root (`/`) or
 * with `**` matches at any depth, as VS Code's own `files.associations` patterns do.
 */
export function anchorPattern(pattern: string): string {
  return pattern.startsWith('/') || pattern.startsWith('**') ? pattern : `**/${pattern}`;
}

/**
 * The user's patterns worth using: strings that are not blank (settings may hold anything).
 * The one filter of both sides (#14): the server's settings (settings.ts) and the client's
 * document selector (patternsOf on the raw configuration) keep the same patterns.
 */
export function usablePatterns(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
}

/** The built-in patterns of a kind plus the user's extra ones (usable ones only). */
export function patternsOf(kind: FileKind, extra: ExtraPatterns = {}): string[] {
  return [...DEFAULT_PATTERNS[kind], ...usablePatterns(extra[kind])];
}

/**
 * `.env` files as Compose reads them: `.env`, `.env.<stage>` and `<name>.env` (env_file).
 * They are no file kind of ours (no diagnostics, hover or completion), but the client
 * syncs them so that Compose files are judged with their unsaved text (#16).
 */
export const ENV_FILE_PATTERNS: readonly string[] = ['**/.env', '**/.env.*', '**/*.env'];

/** True for a file name `ENV_FILE_PATTERNS` matches (the name alone, not a path). */
export function isEnvFile(fileName: string): boolean {
  return fileName === '.env' || fileName.startsWith('.env.') || (fileName.endsWith('.env') && fileName.length > 4);
}
