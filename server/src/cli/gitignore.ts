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
  /**
   * Folder (its path below the root, `/`-separated, `''` for the root) → whether it or a
   * folder above it is ignored, and the rules that apply inside it: those of the
   * `.gitignore` files from the root down to it. Worked out once per folder from its
   * parent's, so that a file costs one lookup and the matching of the rules that apply
   * (#21: joining each ancestor's path again for every file was a tenth of choosing the
   * files of a 1,000-file check).
   */
  private readonly folders = new Map<string, FolderState>();

  constructor(private readonly root: string) {}

  /** Whether `file` (absolute, below the root) is ignored by the root's `.gitignore` files. */
  ignores(file: string): boolean {
    const relPath = this.below(file);
    if (relPath === undefined) return false;
    const cut = relPath.lastIndexOf('/');
    // A folder that is ignored hides everything below it.
    const folder = this.folder(cut < 0 ? '' : relPath.slice(0, cut));
    return folder.ignored || matches(folder.rules, relPath, false);
  }

  /** Whether the folder `dir` (absolute, below the root) is ignored, itself or by a folder above it. */
  ignoresFolder(dir: string): boolean {
    const rel = this.below(dir);
    return rel !== undefined && this.folder(rel).ignored;
  }

  /** `p` (absolute) as a `/`-separated path below the root; undefined for the root itself and outside it. */
  private below(p: string): string | undefined {
    const rel = path.relative(this.root, p);
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
    return path.sep === '/' ? rel : rel.split(path.sep).join('/');
  }

  private folder(rel: string): FolderState {
    let state = this.folders.get(rel);
    if (!state) {
      if (rel === '') {
        state = withOwnRules({ ignored: false, rules: [] }, this.root, '');
      } else {
        const cut = rel.lastIndexOf('/');
        const parent = this.folder(cut < 0 ? '' : rel.slice(0, cut));
        const ignored = parent.ignored || matches(parent.rules, rel, true);
        // git never reads a .gitignore inside an ignored folder: nothing there is checked anyway.
        state = ignored ? { ignored, rules: [] } : withOwnRules({ ignored, rules: parent.rules }, path.join(this.root, rel), rel);
      }
      this.folders.set(rel, state);
    }
    return state;
  }
}

interface FolderState {
  ignored: boolean;
  /** The `.gitignore` rules of the folder and of those above it, each with the folder it is relative to; outermost first. */
  rules: readonly { base: string; rules: IgnoreRule[] }[];
}

/** `state` with the rules of the `.gitignore` in `dir` (whose path below the root is `rel`) added last, when there is one. */
function withOwnRules(state: FolderState, dir: string, rel: string): FolderState {
  // existsSync first: most folders have no .gitignore, and a failed read costs an exception each.
  const file = path.join(dir, '.gitignore');
  let text: string | undefined;
  try {
    text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    text = undefined;
  }
  return text === undefined ? state : { ignored: state.ignored, rules: [...state.rules, { base: rel, rules: parseGitignore(text) }] };
}

/** The verdict on one path below the root of the rules that apply to it: later lines and deeper files win, as in git. */
function matches(rules: FolderState['rules'], relPath: string, isDir: boolean): boolean {
  let ignored = false;
  for (const { base, rules: list } of rules) {
    const relToBase = base === '' ? relPath : relPath.slice(base.length + 1);
    for (const rule of list) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.negated === ignored && rule.match(relToBase)) ignored = !rule.negated;
    }
  }
  return ignored;
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
