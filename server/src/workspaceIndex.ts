import * as fs from 'fs';
import * as path from 'path';
import { URI } from 'vscode-uri';
import { fileKindOf } from './fileKindOf';
import type { WorkspaceFiles } from './modes/languageMode';
import { type ExtraPatterns, type FileKind, isEnvFile } from './shared/fileKinds';

/** What the index lists: a file kind, or `env` for the `.env` files Compose reads. */
export type IndexedKind = FileKind | 'env';

/** A change to a watched file, as `workspace/didChangeWatchedFiles` reports it (FileChangeType: 1 created, 2 changed, 3 deleted). */
export interface FileChange {
  uri: string;
  type: 1 | 2 | 3;
}

export interface WorkspaceIndexOptions {
  /** The user's extra file patterns (settings `files`); compared by identity to notice a change. */
  patterns(): ExtraPatterns;
  /** The text of an open document, by URI as the index spells it (see `normalizeFileUri`); open documents win over the disk. */
  openText(uri: string): string | undefined;
  /**
   * URIs of the open documents. A file outside every folder is read when it lies below
   * the directory of an open document that is outside every folder too: a Compose file
   * opened on its own is judged with the project beside it (#16). Such texts are not
   * kept (no watcher reports their changes).
   */
  openUris?(): readonly string[];
  /** Files beyond the folders that modes may read and that `list` includes: the machine's Docker host files (#17). */
  machine?: { list(kind?: IndexedKind): readonly string[]; covers(uri: string): boolean; pathExists?(fileUri: string, path: string): boolean | undefined };
  /** Files and directories visited per folder before the walk stops. */
  maxEntries?: number;
  /** Files larger than this are listed but not read. */
  maxFileBytes?: number;
  /**
   * Told of each directory the walk cannot list (its path and the error's code): the CLI
   * says so and fails rather than pass a check that skipped a folder's files (#21).
   */
  onUnreadableDirectory?(dir: string, code: string): void;
  /** The clock of OUTSIDE_READ_MS (tests set it). */
  now?(): number;
}

/** Directories never walked: dependencies and version control, never a project's own configuration (#14). */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
export const DEFAULT_MAX_ENTRIES = 20_000;
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * How long a text read from outside every folder (beside a loose document, or the machine's
 * host files) is used before the disk is read again. No watcher sees the files beside a
 * loose document (the machine's are watched where the client can, and a change reported
 * drops the text kept), and reading them anew on every request was most of a hover on a
 * loose Compose file (#14: six `stat`s per hover for the project's file names). A file the
 * editor has open is never read from disk, and one it saves or closes is read again at
 * once (`forgetDiskText`).
 */
export const OUTSIDE_READ_MS = 2000;

/**
 * A file: URI in one spelling, VS Code's (vscode-uri, the library VS Code itself uses),
 * so that URIs from the walk, from watcher events and of open documents compare equal.
 * Other schemes are returned unchanged.
 */
export function normalizeFileUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  // Made only of characters vscode-uri never escapes (and no authority, so no drive letter
  // to lower-case): already in its spelling. Most URIs are, and every read asks (#21: the
  // CLI's 1,000 files asked 15,000 times, a tenth of its time).
  if (PLAIN_FILE_URI.test(uri)) return uri;
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/**
 * A file: URI with no authority, made only of characters vscode-uri never escapes, and not
 * of a path starting with `//` (which vscode-uri refuses to parse): in vscode-uri's spelling
 * as it stands, its path is its text after `file://`.
 */
const PLAIN_FILE_URI = /^file:\/\/\/(?!\/)[\w\-.~/]*$/;

/** The file: URI of an absolute file system path, in vscode-uri's spelling. */
export function fileUriOf(fsPath: string): string {
  // Made only of characters vscode-uri never escapes, and not a UNC path (`//server/…`), on
  // a system whose separator is `/`: the URI is the path behind `file://`. The walk asks
  // for every file it visits: URI.file for each was 5 % of choosing the files of a
  // 1,000-file check (#21).
  if (path.sep === '/' && /^\/(?!\/)[\w\-.~/]*$/.test(fsPath)) return `file://${fsPath}`;
  return URI.file(fsPath).toString();
}

/** The file system path of a file: URI. */
export function fsPathOf(uri: string): string {
  // In vscode-uri's spelling and made only of characters it never escapes, the path is the
  // URI's own text on a system whose separator is `/` (no authority, no drive letter). The
  // CLI asks for every file it selects and reads: URI.parse for each was 3 % of a check
  // of 1,000 files (#21).
  if (path.sep === '/' && PLAIN_FILE_URI.test(uri)) return uri.slice('file://'.length);
  return URI.parse(uri).fsPath;
}


/**
 * The files that matter beyond the open documents (#14): the workspace folders' files of
 * the three kinds and `.env` files, for modes through `ModeContext.workspace`.
 *
 * - Listed by walking each folder on the first `list` after the folder is added (or the
 *   file patterns changed), skipping `node_modules` and `.git`, following no symbolic
 *   link, and stopping after `maxEntries` files and directories.
 * - Read lazily: a file's text is read on the first `read` and kept until a watcher event
 *   says it changed; an open document's text is used instead of the disk's; files above
 *   `maxFileBytes` are not read. Files outside every folder are read again after
 *   OUTSIDE_READ_MS.
 * - Kept current by `workspace/didChangeWatchedFiles` (`onWatchedFilesChanged`) and
 *   `workspace/didChangeWorkspaceFolders` (`addFolder` / `removeFolder`).
 */
export class WorkspaceIndex implements WorkspaceFiles {
  /** Folder URI → its files (URI → kind), or undefined while it waits for its walk. */
  private readonly folders = new Map<string, Map<string, IndexedKind> | undefined>();
  /** Texts read from disk; `undefined` remembers a file that could not be read. */
  private readonly texts = new Map<string, string | undefined>();
  /** Texts read from outside every folder, with when (OUTSIDE_READ_MS). */
  private readonly outsideTexts = new Map<string, { text: string | undefined; at: number }>();
  private patternsSeen: ExtraPatterns | undefined;
  /** The folders' files of a kind (`list`), sorted; dropped whenever the files change. */
  private readonly listed = new Map<IndexedKind | undefined, string[]>();
  private readonly maxEntries: number;
  private readonly maxFileBytes: number;

  constructor(private readonly o: WorkspaceIndexOptions) {
    this.maxEntries = o.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.maxFileBytes = o.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  addFolder(uri: string): void {
    const folder = normalizeFileUri(uri).replace(/\/$/, '');
    if (folder.startsWith('file:') && !this.folders.has(folder)) this.folders.set(folder, undefined);
  }

  removeFolder(uri: string): void {
    const folder = normalizeFileUri(uri).replace(/\/$/, '');
    this.listed.clear();
    for (const file of this.folders.get(folder)?.keys() ?? []) this.texts.delete(file);
    this.folders.delete(folder);
  }

  get folderUris(): readonly string[] {
    return [...this.folders.keys()];
  }

  workspaceFolders(): readonly string[] {
    return this.folderUris;
  }

  list(kind?: IndexedKind): readonly string[] {
    this.refresh();
    // Kept: the modes ask for the same list for every file they judge (#21).
    let own = this.listed.get(kind);
    if (!own) {
      own = [];
      for (const files of this.folders.values()) {
        for (const [uri, k] of files ?? []) if (kind === undefined || k === kind) own.push(uri);
      }
      this.listed.set(kind, own.sort());
    }
    const mine = own;
    const machine = this.o.machine?.list(kind).filter((uri) => !mine.includes(uri)) ?? [];
    return machine.length ? [...own, ...machine].sort() : own;
  }

  read(uri: string): string | undefined {
    const key = normalizeFileUri(uri);
    const open = this.o.openText(key);
    if (open !== undefined) return open;
    if (!key.startsWith('file:')) return undefined;
    if (!this.folderOf(key)) return this.besideLooseDocument(key) || this.o.machine?.covers(key) ? this.readOutside(key) : undefined;
    if (this.texts.has(key)) return this.texts.get(key);
    const text = this.readFromDisk(key);
    this.texts.set(key, text);
    return text;
  }

  exists(uri: string): boolean | undefined {
    const key = normalizeFileUri(uri);
    if (!key.startsWith('file:') || (!this.folderOf(key) && !this.besideLooseDocument(key))) return undefined;
    return fs.existsSync(fsPathOf(key));
  }

  /** The editor saved or closed `uri`: the disk's text is read again on the next `read`. */
  forgetDiskText(uri: string): void {
    const key = normalizeFileUri(uri);
    this.texts.delete(key);
    this.outsideTexts.delete(key);
  }

  machinePathExists(fileUri: string, p: string): boolean | undefined {
    return this.o.machine?.pathExists?.(normalizeFileUri(fileUri), p);
  }

  /** `workspace/didChangeWatchedFiles`: forgets texts read before, adds and removes files. */
  onWatchedFilesChanged(changes: readonly FileChange[]): void {
    this.refreshPatterns();
    this.listed.clear();
    for (const change of changes) {
      const uri = normalizeFileUri(change.uri);
      this.outsideTexts.delete(uri);
      const folder = this.folderOf(uri);
      if (!folder) continue;
      this.texts.delete(uri);
      const files = this.folders.get(folder);
      if (!files) continue; // not walked yet: the walk will see the disk as it is
      if (change.type === 3) {
        // A deleted directory comes as one event: its files go with it.
        files.delete(uri);
        for (const f of [...files.keys()]) {
          if (f.startsWith(`${uri}/`)) {
            files.delete(f);
            this.texts.delete(f);
          }
        }
        continue;
      }
      if (change.type === 1 && !insideSkipped(folder, uri)) this.addPath(files, fsPathOf(uri), { entries: files.size });
    }
  }

  /** Walks the folders not walked yet; all again when the file patterns changed. */
  private refresh(): void {
    this.refreshPatterns();
    for (const [folder, files] of this.folders) {
      if (files) continue;
      this.folders.set(folder, this.walk(folder));
      this.listed.clear();
    }
  }

  private refreshPatterns(): void {
    const patterns = this.o.patterns();
    if (patterns === this.patternsSeen) return;
    const first = this.patternsSeen === undefined;
    this.patternsSeen = patterns;
    if (first) return;
    for (const folder of this.folders.keys()) this.folders.set(folder, undefined);
  }

  private walk(folder: string): Map<string, IndexedKind> {
    const files = new Map<string, IndexedKind>();
    const budget = { entries: 0 };
    this.addPath(files, fsPathOf(folder), budget);
    return files;
  }

  /** Adds a file, or walks a directory breadth-first, within `budget`; never throws. */
  private addPath(files: Map<string, IndexedKind>, start: string, budget: { entries: number }): void {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(start);
    } catch {
      return;
    }
    if (stat.isFile()) {
      this.addFile(files, start);
      return;
    }
    if (!stat.isDirectory()) return;
    const queue = [start];
    while (queue.length && budget.entries < this.maxEntries) {
      const dir = queue.shift()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (err) {
        this.o.onUnreadableDirectory?.(dir, (err as NodeJS.ErrnoException).code ?? String(err));
        continue;
      }
      for (const entry of entries) {
        if (++budget.entries > this.maxEntries) break;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_DIRECTORIES.has(entry.name)) queue.push(full);
        } else if (entry.isFile()) {
          this.addFile(files, full);
        }
      }
    }
  }

  private addFile(files: Map<string, IndexedKind>, file: string): void {
    // Files created later count against the same bound as the walk.
    if (files.size >= this.maxEntries) return;
    const uri = fileUriOf(file);
    const kind: IndexedKind | undefined = isEnvFile(path.basename(file)) ? 'env' : fileKindOf(uri, this.patternsSeen ?? this.o.patterns());
    if (kind) files.set(uri, kind);
  }

  /** A file outside every folder: from disk, or as read less than OUTSIDE_READ_MS ago. */
  private readOutside(uri: string): string | undefined {
    const now = this.o.now?.() ?? Date.now();
    const kept = this.outsideTexts.get(uri);
    if (kept && now - kept.at < OUTSIDE_READ_MS) return kept.text;
    // Few files sit beside loose documents; the bound only keeps a long session's map small.
    if (this.outsideTexts.size >= 1000) this.outsideTexts.clear();
    const text = this.readFromDisk(uri);
    this.outsideTexts.set(uri, { text, at: now });
    return text;
  }

  private readFromDisk(uri: string): string | undefined {
    try {
      const file = fsPathOf(uri);
      // A missing file is the usual answer (a project's optional names): no exception for it.
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.size > this.maxFileBytes) return undefined;
      return withoutBom(fs.readFileSync(file, 'utf8'));
    } catch {
      return undefined;
    }
  }

  /** Whether `uri` lies below the directory of an open document outside every folder. */
  private besideLooseDocument(uri: string): boolean {
    for (const open of this.o.openUris?.() ?? []) {
      const doc = normalizeFileUri(open);
      if (!doc.startsWith('file:') || this.folderOf(doc)) continue;
      const dir = doc.slice(0, doc.lastIndexOf('/') + 1);
      if (uri.startsWith(dir)) return true;
    }
    return false;
  }

  /** The folder `uri` lies in, or undefined. */
  private folderOf(uri: string): string | undefined {
    for (const folder of this.folders.keys()) if (uri.startsWith(`${folder}/`)) return folder;
    return undefined;
  }
}

/**
 * The text without a leading UTF-8 byte order mark. VS Code drops it from the documents it
 * opens (and writes it back on save), and the real readers skip it: dockerd 23.0+ (docker-facts
 * §2.1), systemd's config parser (conf-parser.c, UTF8_BYTE_ORDER_MARK), YAML. Read with it,
 * the disk's text judged differently from the editor's: a json-syntax error at 1:1, every
 * column of the first line one off, and a fix inserted at the start left it in the middle (#21).
 */
export function withoutBom(text: string): string {
  return bomOf(text) ? text.slice(1) : text;
}

/** The byte order mark `text` starts with, or nothing: what `withoutBom` takes off, to write back (`check --fix`). */
export function bomOf(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
}

/** Whether `uri` lies in a skipped directory below `folder`. */
function insideSkipped(folder: string, uri: string): boolean {
  return uri
    .slice(folder.length + 1)
    .split('/')
    .slice(0, -1)
    .some((segment) => SKIPPED_DIRECTORIES.has(decodeURIComponent(segment)));
}
