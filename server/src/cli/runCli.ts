import * as fs from 'fs';
import * as path from 'path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { URI } from 'vscode-uri';
// A named import: esbuild then bundles the version string, not the whole manifest (#8).
import { version as toolVersion } from '../../../package.json';
import { EngineStateStore } from '../engineStateStore';
import { enabledKindOf } from '../fileKindOf';
import { formatEngineVersion } from '../shared/engineVersion';
import type { FileKind } from '../shared/fileKinds';
import type { LanguageMode } from '../modes/languageMode';
import { getLanguageModes } from '../modes/languageModes';
import { bomOf, withoutBom, WorkspaceIndex } from '../workspaceIndex';
import { WorkspaceParses } from '../workspaceParses';
import { checkFile, CLI_MAX_FILE_MB, UnreadableFile, type CheckHost, type FileReport } from './checkFile';
import { EXIT_CLEAN, EXIT_PROBLEMS, EXIT_USAGE, HELP, parseCliOptions, UsageError, type CliOptions } from './cliOptions';
import { describeFsError } from './describeFsError';
import { countProblems, type CheckReport } from './formatters/checkReport';
import { formatGithub } from './formatters/formatGithub';
import { formatJson } from './formatters/formatJson';
import { formatSarif } from './formatters/formatSarif';
import { COLOUR, formatStylish, NO_COLOUR } from './formatters/formatStylish';
import { loadCliSettings } from './loadCliSettings';
import { folderFor, selectFiles, type CheckTarget, type UnreadableDirectory } from './selectFiles';

/** What the CLI talks to: the process, or a test's stand-ins. */
export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  /** Whether standard input is a terminal: `--stdin` then refuses to wait for text nobody pipes in. */
  stdinIsTTY?: boolean;
  /** Standard input's bytes, or undefined when they are more than `maxBytes`. */
  readStdin(maxBytes: number): Promise<Uint8Array | undefined>;
}

/**
 * Files and directories the CLI's workspace index visits per folder: far more than the
 * server's default (an editor must stay responsive; a CI job checks a whole repository).
 */
const CLI_MAX_ENTRIES = 1_000_000;

/**
 * The order the kinds are checked in. Without `--fix` the order changes no verdict: the
 * rules of one kind that read another (daemon.json's `bip` against Compose subnets) read
 * its files through the workspace, which parses each file once, whichever asks first.
 * With `--fix`, a file fixed earlier is read fixed by the files checked after it, in the
 * same order on every run.
 */
const CHECK_ORDER: readonly FileKind[] = ['compose', 'daemonJson', 'systemdDropin'];

/** `docker-networking …` (#21): returns the exit code (0 clean, 1 problems, 2 usage or internal error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseCliOptions(argv);
    if (options.command === 'help') {
      io.stdout.write(HELP);
      return EXIT_CLEAN;
    }
    if (options.command === 'version') {
      io.stdout.write(`${toolVersion}\n`);
      return EXIT_CLEAN;
    }
    return await check(options, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`docker-networking: ${err.message}\nRun "docker-networking --help" for the options.\n`);
    } else if (err instanceof UnreadableFile) {
      io.stderr.write(`docker-networking: ${err.message}\n`);
    } else {
      io.stderr.write(`docker-networking: internal error, please report it: ${(err as Error)?.stack ?? String(err)}\n`);
    }
    return EXIT_USAGE;
  }
}

async function check(options: CliOptions, io: CliIo): Promise<number> {
  const cwd = io.cwd;
  const loaded = loadCliSettings(options.config === undefined ? undefined : path.resolve(cwd, options.config));
  let settings = loaded.settings;
  if (options.engineVersion) settings = { ...settings, engineVersion: options.engineVersion };

  // The CLI's default is the newest known release: a pipeline must not judge differently
  // depending on whether the runner happens to have a Docker Engine. "auto" asks.
  const engine = new EngineStateStore();
  if (settings.engineVersion === 'auto' && (options.engineVersion === 'auto' || loaded.engineVersionSet)) {
    // Loaded only here: Node's http stack costs every other run a few milliseconds to load.
    const { askEngineVersion } = await import('./askEngineVersion.js');
    const answer = await askEngineVersion(io.env);
    if (answer.ok) engine.set({ info: { version: answer.version } });
    else io.stderr.write(`docker-networking: --engine-version auto: ${answer.reason}; checking for the newest release known.\n`);
  }

  const overrides = new Map<string, string>();
  const unreadableDirs: UnreadableDirectory[] = [];
  const index = new WorkspaceIndex({
    patterns: () => settings.files,
    openText: (uri) => overrides.get(uri),
    maxEntries: CLI_MAX_ENTRIES,
    maxFileBytes: CLI_MAX_FILE_MB * 1024 * 1024,
    onUnreadableDirectory: (dir, code) => unreadableDirs.push({ dir, code }),
  });
  index.addFolder(URI.file(cwd).toString());

  let files: CheckTarget[];
  let notes: string[] = [];
  // Named paths and folders below them that cannot be read, then files that cannot be: said on standard error, exit code 2.
  let unreadable: string[] = [];
  let stdinText = '';
  let stdinRaw = '';
  let stdinBytes: Uint8Array = new Uint8Array();
  if (options.stdin) {
    const file = path.resolve(cwd, options.stdinFilename!);
    const uri = URI.file(file).toString();
    const kind = enabledKindOf(uri, settings);
    if (!kind) {
      throw new UsageError(`--stdin-filename ${options.stdinFilename}: not a daemon.json, Compose file or systemd drop-in by its name (extra names go in --config "files").`);
    }
    index.addFolder(URI.file(folderFor(cwd, options.stdinFilename!)).toString());
    // On a terminal the read would wait for an end of file that a hook or a script never
    // types: the run would hang (#21). A pipe, a file or /dev/null is read to its end.
    if (io.stdinIsTTY) throw new UsageError('--stdin reads the text from a pipe or a file, and standard input is a terminal: pipe the text in, or give PATHs instead.');
    let read: Uint8Array | undefined;
    try {
      read = await io.readStdin(CLI_MAX_FILE_MB * 1024 * 1024);
    } catch (err) {
      throw new UnreadableFile(`standard input cannot be read (${describeFsError(err)}).`);
    }
    if (read === undefined) throw new UnreadableFile(`standard input is larger than ${CLI_MAX_FILE_MB} MB; not checked.`);
    stdinBytes = read;
    stdinRaw = Buffer.from(read.buffer, read.byteOffset, read.byteLength).toString('utf8');
    stdinText = withoutBom(stdinRaw);
    overrides.set(uri, stdinText);
    files = [{ file, uri, kind }];
  } else {
    for (const t of options.targets) index.addFolder(URI.file(folderFor(cwd, t)).toString());
    // Files named that are not of ours are noted and skipped, not refused: a hook or a script
    // that passes every changed file must not fail on a README (a glob matching nothing, or a
    // path that does not exist, is refused: that is a typo).
    ({ files, notes, unreadable } = selectFiles(options.targets, cwd, index, settings, unreadableDirs));
  }

  // The parse of each file, kept per text, as the server keeps them (#16): each Compose
  // file's project reads its siblings, and without this every sibling was parsed again for
  // every file (1,000 files took 6 s instead of well under one).
  const modes = getLanguageModes();
  // The workspace changes only when --fix rewrites a file: its revision says so (readsMemo.ts).
  let revision = 0;
  const workspace = new WorkspaceParses(index, {
    openModel: () => undefined,
    parse: (kind, doc) => (modes[kind] as LanguageMode).parse(doc),
    maxEntries: CLI_MAX_ENTRIES,
    revision: () => revision,
  });
  const host: CheckHost = {
    ctx: engine.context(settings, workspace),
    setText: (uri, text) => {
      overrides.set(uri, text);
      revision++;
    },
  };
  // Text that is not UTF-8 is read with U+FFFD where its other bytes were (a Latin-1 comment):
  // written back fixed, those bytes would be lost. Such a file is checked, and left as it is (#21).
  const fixable = (file: CheckTarget): boolean => {
    let utf8 = true;
    try {
      utf8 = isUtf8(options.stdin ? stdinBytes : fs.readFileSync(file.file));
    } catch {
      // Unreadable: checkFile says so.
    }
    if (!utf8) notes.push(`${options.stdin ? options.stdinFilename : path.relative(cwd, file.file)}: not UTF-8 text; --fix leaves it as it is.`);
    return utf8;
  };
  // Checked a kind after the other, each in path order (1,000 files check about 3 % sooner
  // than in path order alone, where the kinds take turns, #21); reported in path order.
  const byFile = new Map<string, FileReport | string>();
  const checkAll = (fix: boolean): void => {
    for (const kind of CHECK_ORDER) {
      for (const file of files) {
        if (file.kind !== kind) continue;
        try {
          const r = checkFile(file, host, fix && fixable(file));
          const before = byFile.get(file.file);
          // A second pass keeps what the first read and fixed: the report is of the files as --fix left them.
          if (r) byFile.set(file.file, typeof before === 'object' ? { ...r, original: before.original, fixed: before.fixed } : r);
        } catch (err) {
          if (!(err instanceof UnreadableFile)) throw err;
          byFile.set(file.file, `${path.relative(cwd, file.file)}: ${err.message}`);
        }
      }
    }
  };
  checkAll(options.fix);
  // A fix in one file can change the verdict on another (a drop-in's ExecStart= flags against
  // a daemon.json), and a file checked before that fix was judged on the old text: when --fix
  // changed anything, every file is judged again on the texts as they now are, so the report
  // is what a check run afterwards prints, whatever the order of the files (found by review).
  if (options.fix && revision > 0) checkAll(false);
  const reports: FileReport[] = [];
  for (const file of files) {
    const r = byFile.get(file.file);
    if (typeof r === 'string') unreadable.push(r);
    else if (r) reports.push(r);
  }
  if (options.fix && !options.stdin) {
    // The index reads texts without their byte order mark (withoutBom): written back with it, as VS Code saves them.
    for (const r of reports) if (r.text !== r.original) fs.writeFileSync(r.file, bomOf(fs.readFileSync(r.file, 'utf8')) + r.text);
  }

  const counts = countProblems(reports);
  const shown = options.quiet ? reports.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error) })) : reports;
  const report: CheckReport = { cwd, files: shown, engineVersion: formatEngineVersion(host.ctx.engineVersion), toolVersion };
  // With --stdin --fix the fixed text is the output (for editors and formatters piping through), so the report goes to stderr.
  const reportOut = options.stdin && options.fix ? io.stderr : io.stdout;
  for (const note of notes) io.stderr.write(`docker-networking: ${note}\n`);
  reportOut.write(format(options, report, reportOut, io.env));
  // The text unchanged when nothing checked it (its mode's validation turned off): a pipe must never lose it.
  if (options.stdin && options.fix) io.stdout.write(isUtf8(stdinBytes) ? bomOf(stdinRaw) + (reports[0]?.text ?? stdinText) : stdinBytes);

  for (const u of unreadable) io.stderr.write(`docker-networking: ${u}\n`);
  if (unreadable.length) return EXIT_USAGE;
  if (counts.errors > 0) return EXIT_PROBLEMS;
  if (options.maxWarnings !== undefined && counts.warnings > options.maxWarnings) {
    io.stderr.write(`docker-networking: ${counts.warnings} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_CLEAN;
}

function format(options: CliOptions, report: CheckReport, out: CliIo['stdout'], env: NodeJS.ProcessEnv): string {
  switch (options.format) {
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    default:
      return formatStylish(report, wantsColour(out, env) ? COLOUR : NO_COLOUR);
  }
}

/**
 * Colour on a terminal unless NO_COLOR is set (no-color.org: any value but the empty
 * string); FORCE_COLOR (any value but "0" or "false", as Node and chalk read it) asks for
 * it off a terminal too, for CI logs that render escape codes, and wins over NO_COLOR, as
 * in Node itself (#21).
 */
function wantsColour(out: CliIo['stdout'], env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  return out.isTTY === true && !env.NO_COLOR;
}

/** Whether `bytes` are well-formed UTF-8 (TextDecoder's fatal mode, the WHATWG decoder Node ships). */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
