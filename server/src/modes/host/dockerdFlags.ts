import * as l10n from '@vscode/l10n';
import { readDataFile } from '../../shared/dataFile';
import { compareEngineVersions, type EngineVersion } from '../../shared/engineVersion';
import { dataVersion, isFlatOption, mainType, TOP_LEVEL, type SchemaNode } from '../daemonJson/daemonSchema';
import type { Span } from '../systemdDropin/model';

const unitData = readDataFile<typeof import('../../../../schemas/docker-unit.json')>('schemas/docker-unit.json');

/** A word of a command line; `span` is where it is written in a drop-in (absent for the assumed packaged unit). */
export interface ArgWord {
  text: string;
  span?: Span;
}

/** One dockerd flag as the command line gives it. */
export interface DockerdFlag {
  /** The long name (`host` for `-H`), or the name as written when dockerd has no such flag. */
  name: string;
  /** As written: `-H`, `--host`, `--host=…`. */
  written: string;
  value?: string;
  /** The daemon.json keys (after dockerd flattens the file) this flag conflicts with. */
  keys: readonly string[];
  /** False for a flag dockerd does not know. */
  known: boolean;
  /** The first Engine version with this flag, when known. */
  since?: string;
  absentThrough?: string;
  removed?: string;
  word: ArgWord;
}

/** A dockerd command line, as systemd passes it after expanding variables. */
export interface DockerdCommand {
  program: ArgWord;
  /** `docker daemon …`: the subcommand word (removed in Docker 17.06: the command fails). */
  subcommand?: ArgWord;
  flags: DockerdFlag[];
  /** Words that are not flags: `dockerd` takes no arguments and refuses them. */
  positional: ArgWord[];
  /** The words after the program (and subcommand), as dockerd receives them. */
  args: string[];
  /** A variable whose value is not known here (an EnvironmentFile=, `$DOCKER_OPTS`): flags may be missing. */
  unresolved: string[];
}

interface FlagInfo {
  long: string;
  short?: string;
  takesValue: boolean;
  keys: string[];
  /** The first Engine with the flag: the `x-since` of its key (dockerd adds flag and key together). */
  since?: string;
  /** The newest Engine known not to have the flag, for the few that came after their key (schemas/docker-unit.json). */
  absentThrough?: string;
  /** The Engine that dropped the flag with its key (`x-removed`). */
  removed?: string;
}

/**
 * dockerd's flags by long and short name, from the `x-flag` of every daemon.json key in
 * schemas/daemon.schema.json (a key is the flag's name, or for a flag given several times
 * its plural config name: moby `opts.NamedOption`), plus the few flags without a key.
 * Keys inside an object dockerd flattens (`proxies`) are the flags of their children.
 */
const FLAGS = new Map<string, FlagInfo>();

function addFlag(key: string | undefined, spec: string, takesValue: boolean, since?: string, removed?: string): void {
  let long: string | undefined;
  let short: string | undefined;
  for (const part of spec.split(/,\s*/)) {
    if (part.startsWith('--')) long = part.slice(2);
    else if (part.startsWith('-')) short = part.slice(1);
  }
  if (!long) return;
  const known = FLAGS.get(long);
  const info: FlagInfo = known ?? { long, short, takesValue, keys: [], since, removed };
  // A flag shared by a removed key and a live one (host-gateway-ip, -ips) is not removed.
  if (known && !removed) info.removed = undefined;
  if (key && !info.keys.includes(key)) info.keys.push(key);
  if (since && info.since && compareEngineVersions(dataVersion(since), dataVersion(info.since)) < 0) info.since = since;
  FLAGS.set(long, info);
  if (short) FLAGS.set(`-${short}`, info);
}

function addKey(key: string, node: SchemaNode, since = node['x-since']): void {
  const children = node.properties;
  if (children && !isFlatOption(key) && Object.values(children).some((c) => c['x-flag'])) {
    for (const [child, c] of Object.entries(children)) addKey(child, c, c['x-since'] ?? since);
    return;
  }
  if (node['x-flag']) addFlag(key, node['x-flag'], mainType(node) !== 'boolean', since, node['x-removed']);
}

for (const [key, node] of Object.entries(TOP_LEVEL)) addKey(key, node);
for (const [long, f] of Object.entries(unitData.flagsNewerThanKey) as [string, { absentThrough: string }][]) {
  const info = FLAGS.get(long);
  if (info) info.absentThrough = f.absentThrough;
}
for (const long of unitData.flagsKeptAfterKeyRemoved) {
  const info = FLAGS.get(long);
  if (info) info.removed = undefined;
}
for (const [long, f] of Object.entries(unitData.flagsWithoutKey) as [string, { value: boolean; short?: string }][]) {
  addFlag(undefined, f.short ? `-${f.short}, --${long}` : `--${long}`, f.value);
}

/** Every dockerd flag we know, once each (by long name). */
export function allFlags(): FlagInfo[] {
  return [...new Set(FLAGS.values())];
}

/** The docker.service the host model assumes when no drop-in replaces its ExecStart= (schemas/docker-unit.json). */
export const PACKAGED_UNIT = unitData.packaged;

/** The file name of a path (`/usr/bin/dockerd` → `dockerd`). */
function programName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The flags of a dockerd command line (argv after systemd's prefixes and variable
 * expansion), read as dockerd's flag parser (spf13/pflag) reads them: `--name=value`,
 * `--name value` unless the flag is a boolean, `-Xvalue`, `-X=value`, `-X value`,
 * bundled boolean shorthands (`-Dl debug`), and `--` ending the flags. Returns
 * undefined when the program is neither dockerd nor `docker daemon`.
 */
export function parseDockerdCommand(words: readonly ArgWord[], unresolved: string[] = []): DockerdCommand | undefined {
  const program = words[0];
  if (!program) return undefined;
  const name = programName(program.text);
  let i = 1;
  let subcommand: ArgWord | undefined;
  if (name === 'docker' && words[1]?.text === 'daemon') {
    subcommand = words[1];
    i = 2;
  } else if (name !== 'dockerd') return undefined;
  const flags: DockerdFlag[] = [];
  const positional: ArgWord[] = [];
  for (; i < words.length; i++) {
    const w = words[i];
    const t = w.text;
    if (t === '--') {
      positional.push(...words.slice(i + 1));
      break;
    }
    if (t.startsWith('--')) {
      const eq = t.indexOf('=');
      const n = eq < 0 ? t.slice(2) : t.slice(2, eq);
      const info = FLAGS.get(n);
      let value = eq < 0 ? undefined : t.slice(eq + 1);
      if (value === undefined && info?.takesValue && i + 1 < words.length) value = words[++i].text;
      flags.push({ name: info?.long ?? n, written: t, value, keys: info?.keys ?? [], known: !!info, since: info?.since, absentThrough: info?.absentThrough, removed: info?.removed, word: w });
      continue;
    }
    if (t.startsWith('-') && t.length > 1) {
      for (let j = 1; j < t.length; j++) {
        const info = FLAGS.get(`-${t[j]}`);
        if (!info || !info.takesValue) {
          flags.push({ name: info?.long ?? t[j], written: `-${t[j]}`, keys: info?.keys ?? [], known: !!info, since: info?.since, absentThrough: info?.absentThrough, removed: info?.removed, word: w });
          continue;
        }
        let value: string | undefined = t.slice(j + 1).replace(/^=/, '');
        if (value === '' && j + 1 === t.length) value = i + 1 < words.length ? words[++i].text : undefined;
        flags.push({ name: info.long, written: `-${t[j]}`, value, keys: info.keys, known: true, since: info.since, absentThrough: info.absentThrough, removed: info.removed, word: w });
        break;
      }
      continue;
    }
    positional.push(w);
  }
  return { program, subcommand, flags, positional, args: words.slice(subcommand ? 2 : 1).map((w) => w.text), unresolved };
}

/**
 * Why dockerd `version` does not have a flag ("unknown flag" at start), or undefined when it
 * has it or we cannot tell: it came with a later Engine, or went with its removed key.
 */
export function flagMissingIn(f: Pick<FlagInfo, 'since' | 'absentThrough' | 'removed'>, version: EngineVersion): string | undefined {
  if (f.since && compareEngineVersions(version, dataVersion(f.since)) < 0) return l10n.t('it came with Engine {0}', f.since);
  if (f.absentThrough && compareEngineVersions(version, dataVersion(f.absentThrough)) <= 0) return l10n.t('it came after Engine {0}', f.absentThrough);
  if (f.removed && compareEngineVersions(version, dataVersion(f.removed)) >= 0) return l10n.t('it was removed in Engine {0}', f.removed);
  return undefined;
}

/**
 * The packaged unit's dockerd command (no spans: it is not in any file of the workspace).
 * Parsed once and frozen: every daemon.json and drop-in without an `ExecStart=` of its own
 * asks for it, and parsing it anew each time was 2 % of a check of 1,000 files (#21).
 */
export function packagedCommand(): DockerdCommand {
  return (packaged ??= deepFreeze(parseDockerdCommand(PACKAGED_UNIT.execStart.split(' ').map((text) => ({ text })))!));
}
let packaged: DockerdCommand | undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
