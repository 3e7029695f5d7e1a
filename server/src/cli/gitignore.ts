import * as fs from 'fs';
import * as path from 'path';
import { minimatch } from 'minimatch';

interface IgnoreRule {
  negated: boolean;
  dirOnly: boolean;
  match: (relPath: string) => boolean;
}

/**
 * What the `.gitignore` files of a tree list, matched with minimatch (#21). The subset of
 * gitignore(5) supported, and why it is enough for choosing which files to check:
 *
 * - Every `.gitignore` from the root folder down, each pattern relative to its own folder;
 *   later lines and deeper files win, as in git. Not read: `.git/info/exclude` and the
 *   user's `core.excludesFile`, which are one person's, not the repository's, so a CI job
 *   and a developer would check different files.
 * - Blank lines and `#` comments are skipped; trailing blanks are trimmed (a blank kept
 *   with `\ ` is not supported: no configuration file name ends in one).
 * - `!pattern` re-includes, except below an ignored folder: git never looks inside one,
 *   so a file there stays ignored whatever a later `!` says.
 * - A `/` at the start or in the middle anchors the pattern to its `.gitignore`'s
 *   folder; otherwise it matches at any depth. A `/` at the end matches folders only.
 * - `*`, `?`, `[…]` and `**` as minimatch reads them, which is what gitignore(5) gives
 *   them (`*` stops at `/`, `**` spans folders); a leading `\#` or `\!` is a literal.
 */
export class Gitignore {
  /** Folder (absolute) → its rules; undefined when it has no `.gitignore`. */
  private readonly rules = new Map<string, IgnoreRule[] | undefined>();
  /** Folder (its path below the root, `/`-separated) → whether it or a folder above it is ignored. */
  private readonly folders = new Map<string, boolean>();

  constructor(private readonly root: string) {}

  /** Whether `file` (absolute, below the root) is ignored by the root's `.gitignore` files. */
  ignores(file: string): boolean {
    const rel = path.relative(this.root, file);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const parts = rel.split(path.sep);
    // A folder that is ignored hides everything below it: check the ancestors first.
    return this.folderIgnored(parts.slice(0, -1)) || this.ignoredHere(parts, false);
  }

  /** Whether a folder (as its segments below the root) or one above it is ignored; worked out once per folder, not per file in it. */
  private folderIgnored(parts: string[]): boolean {
    if (parts.length === 0) return false;
    const key = parts.join('/');
    let ignored = this.folders.get(key);
    if (ignored === undefined) {
      ignored = this.folderIgnored(parts.slice(0, -1)) || this.ignoredHere(parts, true);
      this.folders.set(key, ignored);
    }
    return ignored;
  }

  /** The verdict on one path (as its segments below the root) of the `.gitignore` files in its ancestors. */
  private ignoredHere(parts: string[], isDir: boolean): boolean {
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = this.rulesOf(path.join(this.root, ...parts.slice(0, depth)));
      if (!rules.length) continue;
      const relToFolder = parts.slice(depth).join('/');
      for (const rule of rules) {
        if (rule.dirOnly && !isDir) continue;
        if (rule.negated === ignored && rule.match(relToFolder)) ignored = !rule.negated;
      }
    }
    return ignored;
  }

  private rulesOf(folder: string): IgnoreRule[] {
    if (!this.rules.has(folder)) {
      // existsSync first: most folders have no .gitignore, and a failed read costs an exception each.
      const file = path.join(folder, '.gitignore');
      let text: string | undefined;
      try {
        text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      } catch {
        text = undefined;
      }
      this.rules.set(folder, text === undefined ? undefined : parseGitignore(text));
    }
    return this.rules.get(folder) ?? [];
  }
}

/** The rules of one `.gitignore` text, in order. */
export function parseGitignore(text: string): IgnoreRule[] {
  const out: IgnoreRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.replace(/[ \t]+$/, '');
    if (line === '' || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    else if (line.startsWith('\\#') || line.startsWith('\\!')) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    if (line === '') continue;
    const anchored = line.includes('/');
    const pattern = anchored ? line.replace(/^\//, '') : `**/${line}`;
    const mm = new minimatch.Minimatch(pattern, { dot: true, nocomment: true, nonegate: true });
    out.push({ negated, dirOnly, match: (p) => mm.match(p) });
  }
  return out;
}
