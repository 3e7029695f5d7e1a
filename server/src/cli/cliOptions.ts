import { parseArgs } from 'node:util';

/** The output formats of `check` (#21). */
export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

/** Exit codes, as the README documents them (#21). */
export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export interface CliOptions {
  command: 'check' | 'help' | 'version';
  /** Paths, directories and globs; empty: the current folder. */
  targets: string[];
  /** "MAJOR.MINOR", "auto" (ask the Engine) or undefined (the config's, else the newest known release). */
  engineVersion?: string;
  format: Format;
  maxWarnings?: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  config?: string;
  fix: boolean;
}

/** A command line the CLI cannot run: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

export const HELP = `Usage: docker-networking check [options] [PATH|GLOB ...]

Checks daemon.json files, Compose files and systemd drop-ins (docker.service.d/*.conf)
with the same rules as the Docker Networking VS Code extension. No VS Code and no
Docker Engine needed.

With no PATH it walks the current folder for the three kinds of files (by name, as the
extension chooses them), skipping node_modules, .git and what .gitignore lists. A
directory is walked the same way; a glob (quoted, e.g. 'deploy/**/compose*.yaml' or
'../infra/**/daemon.json') picks files of ours the same way; a file named explicitly is
checked even when .gitignore lists it, and one that is not of ours is noted and skipped.

Options:
  --engine-version V    MAJOR.MINOR of the Docker Engine the verdicts follow, or "auto"
                        to ask the Engine at DOCKER_HOST (default: the newest release
                        the rules know)
  --format F            stylish (default), json, sarif (SARIF 2.1.0, for code-scanning
                        uploads) or github (workflow-command annotations)
  --max-warnings N      exit with 1 when there are more than N warnings
  --quiet               report errors only
  --stdin               read one file's text from standard input (a pipe or a file,
                        not a terminal)
  --stdin-filename NAME the path that text stands for (required with --stdin: the kind
                        of file is chosen by its name)
  --config FILE         settings as JSON: the extension's dockerNetworking.* settings,
                        either nested ({"files": {"compose": ["*.compose.yml"]}}) or as
                        settings.json spells them ("dockerNetworking.files.compose")
  --fix                 apply the safe quick fixes, write the files and say what changed
                        (with --stdin: the fixed text goes to standard output and the
                        report to standard error)
  -h, --help            show this help
  -v, --version         show the version

Exit codes: 0 no problems (or only warnings, within --max-warnings), 1 errors or too
many warnings, 2 a usage error (an unknown option, a path that does not exist, a glob
that matches nothing, a --config that is not an object of settings), a file or folder
that cannot be read, a report that cannot be written, or an internal error.
`;

/** Throws UsageError unless `value` is "auto" or MAJOR.MINOR; `where` names the option or setting it came from. */
export function checkEngineVersion(value: string, where: string): void {
  if (value !== 'auto' && !/^\d{1,2}\.\d{1,2}$/.test(value)) {
    throw new UsageError(`${where} "${value}" is neither "auto" nor MAJOR.MINOR (for example 20.10 or 28.5).`);
  }
}

/** Parses the command line (without node and the script); throws UsageError. */
export function parseCliOptions(argv: readonly string[]): CliOptions {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    // node:util's messages name the option and what is wrong with it, over several lines
    // for some (a value that starts with a dash): one line, as every other message (#21).
    throw new UsageError((err as Error).message.replace(/\s*\n\s*/g, ' '));
  }
  const v = parsed.values;
  if (v.help) return defaults('help');
  if (v.version) return defaults('version');
  const [command, ...targets] = parsed.positionals;
  if (command === undefined) throw new UsageError('No command given: use "docker-networking check [PATH|GLOB ...]".');
  if (command !== 'check') throw new UsageError(`Unknown command "${command}": the only command is "check".`);
  const format = (v.format ?? 'stylish') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format "${v.format}" is not one of ${FORMATS.join(', ')}.`);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!/^\d+$/.test(v['max-warnings'].trim()) || !Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings "${v['max-warnings']}" is not a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`);
  }
  const engineVersion = v['engine-version']?.trim();
  if (engineVersion !== undefined) checkEngineVersion(engineVersion, '--engine-version');
  if (v.stdin && !v['stdin-filename']) throw new UsageError('--stdin needs --stdin-filename NAME: the kind of file is chosen by its name.');
  if (!v.stdin && v['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename is only used with --stdin.');
  if (v.stdin && targets.length) throw new UsageError('--stdin checks standard input only: give no PATH or GLOB with it.');
  return {
    command: 'check',
    targets,
    engineVersion,
    format,
    maxWarnings,
    quiet: v.quiet ?? false,
    stdin: v.stdin ?? false,
    stdinFilename: v['stdin-filename'],
    config: v.config,
    fix: v.fix ?? false,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      'engine-version': { type: 'string' },
      format: { type: 'string', short: 'f' },
      'max-warnings': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      config: { type: 'string', short: 'c' },
      fix: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function defaults(command: CliOptions['command']): CliOptions {
  return { command, targets: [], format: 'stylish', quiet: false, stdin: false, fix: false };
}
