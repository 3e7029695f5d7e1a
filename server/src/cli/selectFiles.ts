import * as fs from 'fs';
import * as path from 'path';
import { minimatch } from 'minimatch';
import { URI } from 'vscode-uri';
import { enabledKindOf, fileKindOf } from '../fileKindOf';
import { FILE_KINDS } from '../shared/fileKinds';
import type { Settings } from '../shared/settings';
import type { WorkspaceIndex } from '../workspaceIndex';
import { UsageError } from './cliOptions';
import { Gitignore } from './gitignore';

export interface Selection {
  /** Absolute paths of the files to check, sorted, each once. */
  files: string[];
  /** Said on standard error: files named that are not of ours. */
  notes: string[];
}

/**
 * The folder of the CLI's workspace a target lies in: the current folder, else the
 * directory named, else the file's own folder (whose siblings a Compose file reads).
 */
export function folderFor(cwd: string, target: string): string {
  if (isInside(cwd, target)) return cwd;
  try {
    if (fs.statSync(target).isDirectory()) return target;
  } catch {
    // Not there: selectFiles says so.
  }
  return path.dirname(target);
}

function isInside(folder: string, file: string): boolean {
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
export function selectFiles(targets: readonly string[], cwd: string, index: WorkspaceIndex, settings: Settings): Selection {
  const kinds = new Set<string>(FILE_KINDS.filter((k) => settings[k].enable));
  const candidates = FILE_KINDS.filter((k) => kinds.has(k))
    .flatMap((kind) => index.list(kind))
    .map((uri) => URI.parse(uri).fsPath);
  const gitignore = new Gitignore(cwd);
  const tracked = (file: string) => !gitignore.ignores(file);
  const chosen = new Set<string>();
  const notes: string[] = [];
  for (const target of targets.length ? targets : ['.']) {
    const abs = path.resolve(cwd, target);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      // Named explicitly: checked even when .gitignore lists it, as git itself adds an ignored file named on its command line with -f.
      const uri = URI.file(abs).toString();
      if (enabledKindOf(uri, settings)) chosen.add(abs);
      else if (fileKindOf(uri, settings.files)) notes.push(`${target}: skipped, the checks of its kind are turned off in the settings (--config).`);
      else notes.push(`${target}: skipped, not a daemon.json, Compose file or systemd drop-in by its name (extra names go in --config "files").`);
    } else if (stat?.isDirectory()) {
      const gi = isInside(cwd, abs) ? gitignore : new Gitignore(abs);
      for (const file of candidates) if (isInside(abs, file) && file !== abs && !gi.ignores(file)) chosen.add(file);
    } else if (new minimatch.Minimatch(target).hasMagic()) {
      const mm = new minimatch.Minimatch(target.replace(/\\/g, '/').replace(/^\.\//, ''), { dot: true });
      let matched = 0;
      for (const file of candidates) {
        if (!isInside(cwd, file)) continue;
        if (mm.match(path.relative(cwd, file).split(path.sep).join('/')) && tracked(file)) {
          chosen.add(file);
          matched++;
        }
      }
      if (!matched) throw new UsageError(`No file of ours matches "${target}" below ${cwd} (globs match paths relative to the current folder).`);
    } else {
      throw new UsageError(`${target}: no such file or directory.`);
    }
  }
  return { files: [...chosen].sort(), notes };
}
