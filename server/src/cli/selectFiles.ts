import * as fs from 'fs';
import * as path from 'path';
import { minimatch } from 'minimatch';
import { URI } from 'vscode-uri';
import { enabledKindOf, fileKindOf } from '../fileKindOf';
import { FILE_KINDS, type FileKind } from '../shared/fileKinds';
import type { Settings } from '../shared/settings';
import { fsPathOf, type WorkspaceIndex } from '../workspaceIndex';
import { UsageError } from './cliOptions';
import { describeFsError } from './describeFsError';
import { Gitignore } from './gitignore';

/** A file to check: its path, its URI as the index spells it, and the kind of its mode. */
export interface CheckTarget {
  file: string;
  uri: string;
  kind: FileKind;
}

export interface Selection {
  /** The files to check, sorted by path, each once. */
  files: CheckTarget[];
  /** Said on standard error: files named that are not of ours. */
  notes: string[];
  /** Said on standard error with exit code 2: paths named, or folders below them, that cannot be read (#21). */
  unreadable: string[];
}

/** A folder the workspace index could not list (WorkspaceIndexOptions.onUnreadableDirectory). */
export interface UnreadableDirectory {
  dir: string;
  code: string;
}

/** What a path that is neither a file nor a directory is, for the message that it is not checked. */
function specialKind(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

function isGlob(target: string): boolean {
  return new minimatch.Minimatch(target.replace(/\\/g, '/')).hasMagic();
}

/** The part of a glob before its first segment with a wildcard: `../infra/**\/compose.yaml` → `../infra`. */
export function globBase(glob: string): string {
  const segments = glob.replace(/\\/g, '/').split('/');
  const first = segments.findIndex((seg) => isGlob(seg));
  return first < 0 ? glob : segments.slice(0, first).join('/') || (glob.startsWith('/') ? '/' : '.');
}

/**
 * The folder of the CLI's workspace a target (as given) lies in: the current folder, else
 * the directory named (for a glob, the directory before its wildcards), else the file's
 * own folder (whose siblings a Compose file reads).
 */
export function folderFor(cwd: string, target: string): string {
  let abs = path.resolve(cwd, target);
  if (!fs.existsSync(abs) && isGlob(target)) abs = path.resolve(cwd, globBase(target));
  if (isInside(cwd, abs)) return cwd;
  try {
    if (fs.statSync(abs).isDirectory()) return abs;
  } catch {
    // Not there: selectFiles says so.
  }
  return path.dirname(abs);
}

function isInside(folder: string, file: string): boolean {
  // Below the folder as spelled: the usual answer for every candidate of a check of `.`,
  // without path.relative's work (#21). Otherwise path.relative decides, which also knows
  // that Windows paths ignore case.
  if (file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) return true;
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Which files `check` looks at (#21). The candidates are the workspace index's files
 * (server/src/workspaceIndex.ts: the same walk as the server's, skipping node_modules and
 * .git, and the same file patterns); `.gitignore` is applied here, on top, and not in the
 * index, because the index is also what the modes read other files through, and Compose
 * reads a `.env` file that a repository rightly ignores.
 *
 * The index must already have the folders of the targets (`folderFor`).
 */
export function selectFiles(targets: readonly string[], cwd: string, index: WorkspaceIndex, settings: Settings, unreadableDirs: readonly UnreadableDirectory[] = []): Selection {
  // With their URIs and kinds as the index has them: checkFile need not work them out again.
  const candidates = FILE_KINDS.filter((k) => settings[k].enable).flatMap((kind) => index.list(kind).map((uri): CheckTarget => ({ file: fsPathOf(uri), uri, kind })));
  const gitignore = new Gitignore(cwd);
  const chosen = new Map<string, CheckTarget>();
  const notes: string[] = [];
  const unreadable = new Set<string>();
  // A folder below a target that the walk could not list hides its files: said, not skipped
  // in silence, unless .gitignore lists it (then its files would not be checked anyway).
  const noteUnreadableBelow = (dir: string, gi: Gitignore) => {
    for (const u of unreadableDirs) {
      if ((u.dir === dir || isInside(dir, u.dir)) && !gi.ignoresFolder(u.dir)) unreadable.add(`${path.relative(cwd, u.dir) || '.'}: a folder that cannot be read (${describeFsError(u.code)}); its files are not checked.`);
    }
  };
  for (const target of targets.length ? targets : ['.']) {
    const abs = path.resolve(cwd, target);
    let stat: fs.Stats | undefined;
    let statError: unknown;
    try {
      stat = fs.statSync(abs);
    } catch (err) {
      statError = err;
    }
    const code = (statError as NodeJS.ErrnoException | undefined)?.code;
    if (stat?.isFile()) {
      // Named explicitly: checked even when .gitignore lists it, as git itself adds an ignored file named on its command line with -f.
      const uri = URI.file(abs).toString();
      const kind = enabledKindOf(uri, settings);
      if (kind) chosen.set(abs, { file: abs, uri, kind });
      else if (fileKindOf(uri, settings.files)) notes.push(`${target}: skipped, the checks of its kind are turned off in the settings (--config).`);
      else notes.push(`${target}: skipped, not a daemon.json, Compose file or systemd drop-in by its name (extra names go in --config "files").`);
    } else if (stat?.isDirectory()) {
      const gi = isInside(cwd, abs) ? gitignore : new Gitignore(abs);
      for (const c of candidates) if (isInside(abs, c.file) && c.file !== abs && !gi.ignores(c.file)) chosen.set(c.file, c);
      noteUnreadableBelow(abs, gi);
    } else if (stat) {
      // Never opened: reading a named pipe waits for a writer, and a device may never end (#21).
      // One named as ours cannot be checked (exit code 2); any other is skipped as a README is.
      if (fileKindOf(URI.file(abs).toString(), settings.files)) unreadable.add(`${target}: ${specialKind(stat)}, not a file; not checked.`);
      else notes.push(`${target}: skipped, ${specialKind(stat)}, not a daemon.json, Compose file or systemd drop-in.`);
    } else if (code !== 'ENOENT' && code !== 'ENOTDIR') {
      // There, but behind a folder that may not be entered, or a loop of symbolic links.
      unreadable.add(`${target}: cannot be read (${describeFsError(statError)}).`);
    } else if (fs.lstatSync(abs, { throwIfNoEntry: false })?.isSymbolicLink()) {
      unreadable.add(`${target}: a symbolic link to ${fs.readlinkSync(abs)}, which does not exist; not checked.`);
    } else if (isGlob(target)) {
      // Matched as an absolute path, so that '../infra/**/compose.yaml' and '/srv/**/daemon.json' work as 'deploy/**' does.
      const mm = new minimatch.Minimatch(path.resolve(cwd, target).split(path.sep).join('/'), { dot: true });
      const base = path.resolve(cwd, globBase(target));
      const gi = isInside(cwd, base) ? gitignore : new Gitignore(base);
      let matched = 0;
      for (const c of candidates) {
        if (mm.match(c.file.split(path.sep).join('/')) && !gi.ignores(c.file)) {
          chosen.set(c.file, c);
          matched++;
        }
      }
      noteUnreadableBelow(base, gi);
      if (!matched && !unreadable.size) throw new UsageError(`No file of ours matches "${target}".`);
    } else {
      throw new UsageError(`${target}: no such file or directory.`);
    }
  }
  return { files: [...chosen.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)), notes, unreadable: [...unreadable] };
}
