import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, Utils } from 'vscode-uri';
import type { FileKind } from '../../shared/fileKinds';
import type { ModeContext, WorkspaceFiles } from '../languageMode';
import type { DaemonJsonModel } from '../daemonJson/model';
import { parse as parseDaemonJson } from '../daemonJson/parse';
import { execCommandProblem } from '../systemdDropin/execCommandLine';
import type { DropinModel, EffectiveAssignment } from '../systemdDropin/model';
import { parse as parseDropin } from '../systemdDropin/parse';
import { splitWords } from '../systemdDropin/splitWords';
import { baseName } from '../compose/project/projectSpecs';
import { memoByReads, readsMemo } from '../readsMemo';
import { packagedCommand, parseDockerdCommand, PACKAGED_UNIT, type ArgWord, type DockerdCommand } from './dockerdFlags';

/**
 * The Docker host a daemon.json or a docker.service drop-in belongs to (#17): the files
 * dockerd reads together, and the command line systemd starts it with. dockerd does not
 * read daemon.json alone: it merges it with the flags of its unit's ExecStart= (and
 * refuses a setting given both ways), and gets the environment of the drop-ins.
 *
 * Which files belong together:
 * - the setting `dockerNetworking.hostFiles` (paths relative to the first workspace
 *   folder, or absolute): one host, its daemon.json and its drop-ins;
 * - the machine setting `dockerNetworking.localEngineFiles` (absolute paths): the files of
 *   the local Engine, one host too;
 * - else by their place in an /etc-like tree: `R/docker/daemon.json` beside
 *   `R/systemd/system/docker.service.d/*.conf` (R is /etc), or for rootless Docker
 *   `R/docker/daemon.json` beside `R/systemd/user/docker.service.d/*.conf` (R is
 *   ~/.config; moby daemon/command/daemon_unix.go getDefaultDaemonConfigDir).
 *
 * The other files are read only through `ctx.workspace`, so a CLI with a file-system
 * workspace gets the same host.
 */
export interface HostFile<M> {
  uri: string;
  model: M;
}

export interface HostModel {
  /** The /etc-like folder, when the host was found by place. */
  root?: string;
  source: 'setting' | 'place' | 'alone';
  daemonJson?: HostFile<DaemonJsonModel>;
  /** The drop-ins in the order systemd applies them (by file name). */
  dropins: HostFile<DropinModel>[];
  /** True when the host's drop-in folder is known (it has at least one drop-in): the unit is then the packaged one plus these. */
  unitKnown: boolean;
  /** The command systemd runs; undefined when the unit has none or several (systemd refuses it, the drop-in rules say so). */
  execStart?: EffectiveExecStart;
  /** The variables the drop-ins' Environment= lines give dockerd, with where each is set. */
  environment: Map<string, { value: string; file: HostFile<DropinModel>; offset: number; end: number }>;
}

export interface EffectiveExecStart {
  /** `packaged`: the assumed packaged unit's (schemas/docker-unit.json); `dropin`: a drop-in replaced it. */
  source: 'packaged' | 'dropin';
  /** The drop-in and the assignment that give it, for `dropin`. */
  file?: HostFile<DropinModel>;
  assignment?: EffectiveAssignment;
  /** Undefined when the command is not dockerd (a wrapper script): its flags are not known. */
  command?: DockerdCommand;
  /** Who we assume installed the unit, for messages. */
  assumed: string;
}

const DAEMON_JSON = /^(.*)\/docker\/daemon\.json$/;
const DROPIN = /^(.*)\/systemd\/(system|user)\/docker\.service\.d\/([^/]+)$/;

function parsed<M>(ws: WorkspaceFiles | undefined, uri: string, kind: FileKind, self: HostFile<unknown> | undefined): M | undefined {
  if (self && self.uri === uri) return self.model as M;
  if (!ws) return undefined;
  if (ws.parse) return ws.parse(uri, kind) as M | undefined;
  const text = ws.read(uri);
  if (text === undefined) return undefined;
  const doc = TextDocument.create(uri, kind === 'daemonJson' ? 'json' : 'ini', 0, text);
  return (kind === 'daemonJson' ? parseDaemonJson(doc) : parseDropin(doc)) as M;
}

/**
 * The hosts the settings name, each as URIs: `dockerNetworking.hostFiles` (relative paths
 * from the first workspace folder) and `dockerNetworking.localEngineFiles` (absolute).
 */
function settingHosts(ctx: ModeContext): string[][] {
  const folder = ctx.workspace?.workspaceFolders?.()[0];
  const uris = (paths: readonly string[] | undefined): string[] => {
    const out: string[] = [];
    for (const p of paths ?? []) {
      if (p.startsWith('/')) out.push(URI.file(p).toString());
      else if (folder) out.push(Utils.resolvePath(URI.parse(folder), p).toString());
    }
    return out;
  };
  return [uris(ctx.settings.hostFiles), uris(ctx.settings.localEngineFiles)];
}

/** The host of a daemon.json or drop-in (`self` is its own parse). */
export function hostOf(self: HostFile<DaemonJsonModel> | HostFile<DropinModel>, kind: 'daemonJson' | 'systemdDropin', ctx: ModeContext): HostModel {
  // Several rules of a file ask for its host on each validation: kept per parse while the
  // workspace answers the same (readsMemo.ts).
  return memoByReads(hosts, self.model, ctx, (c) => findHost(self, kind, c));
}

const hosts = readsMemo();

function findHost(self: HostFile<DaemonJsonModel> | HostFile<DropinModel>, kind: 'daemonJson' | 'systemdDropin', ctx: ModeContext): HostModel {
  const ws = ctx.workspace;
  let daemonUri: string | undefined;
  let dropinUris: string[] = [];
  let root: string | undefined;
  let source: HostModel['source'] = 'alone';
  const named = settingHosts(ctx).find((files) => files.includes(self.uri));
  if (named) {
    source = 'setting';
    daemonUri = named.find((u) => baseName(u) === 'daemon.json');
    dropinUris = named.filter((u) => u !== daemonUri);
  } else {
    const m = kind === 'daemonJson' ? DAEMON_JSON.exec(self.uri) : DROPIN.exec(self.uri);
    if (m) {
      root = m[1];
      source = 'place';
      daemonUri = `${root}/docker/daemon.json`;
      const listed = ws?.list('systemdDropin') ?? [];
      dropinUris = listed.filter((u) => {
        const d = DROPIN.exec(u);
        return d !== null && d[1] === root && d[3].endsWith('.conf');
      });
      if (kind === 'systemdDropin' && !dropinUris.includes(self.uri)) dropinUris.push(self.uri);
      if (kind === 'daemonJson') daemonUri = self.uri;
      else if (ws && !ws.list('daemonJson').includes(daemonUri) && ws.read(daemonUri) === undefined) daemonUri = undefined;
    } else if (kind === 'daemonJson') daemonUri = self.uri;
    else dropinUris = [self.uri];
  }
  // systemd applies the drop-ins of a unit in the order of their file names (systemd.unit(5)).
  dropinUris = [...new Set(dropinUris)].sort((a, b) => (baseName(a) < baseName(b) ? -1 : baseName(a) > baseName(b) ? 1 : 0));
  const selfAny = self as HostFile<unknown>;
  let daemonJson: HostFile<DaemonJsonModel> | undefined;
  if (daemonUri) {
    const model = parsed<DaemonJsonModel>(ws, daemonUri, 'daemonJson', selfAny);
    if (model) daemonJson = { uri: daemonUri, model };
  }
  const dropins: HostFile<DropinModel>[] = [];
  for (const uri of dropinUris) {
    const model = parsed<DropinModel>(ws, uri, 'systemdDropin', selfAny);
    if (model && !model.notRead) dropins.push({ uri, model });
  }
  const environment = environmentOf(dropins);
  return { root, source, daemonJson, dropins, unitKnown: dropins.length > 0, execStart: execStartOf(dropins, environment), environment };
}

function environmentOf(dropins: HostFile<DropinModel>[]): HostModel['environment'] {
  const env: HostModel['environment'] = new Map();
  for (const file of dropins) {
    for (const line of file.model.environment) {
      // An empty Environment= clears what earlier lines set (systemd.exec(5)).
      if (line.reset) env.clear();
      for (const w of line.words) if (!w.problem && !w.badSpecifier) env.set(w.name, { value: w.value, file, offset: w.word.span.start, end: w.word.span.end });
    }
  }
  return env;
}

/**
 * The ExecStart= systemd runs: the packaged unit's, unless drop-ins clear the list with
 * an empty `ExecStart=` and give another (systemd.service(5); a list of several is
 * refused unless Type=oneshot, and drop-in rules report that). A line systemd drops
 * (rules/execCommand.ts) does not count.
 */
function execStartOf(dropins: HostFile<DropinModel>[], env: HostModel['environment']): EffectiveExecStart | undefined {
  let list: ({ file: HostFile<DropinModel>; a: EffectiveAssignment } | 'packaged')[] = ['packaged'];
  for (const file of dropins) {
    for (const a of file.model.effective) {
      if (a.section.name !== 'Service' || a.key !== 'ExecStart') continue;
      if (a.value.text.length === 0) list = [];
      else if (!execCommandProblem(a)) list.push({ file, a });
    }
  }
  if (list.length !== 1) return undefined;
  const only = list[0];
  if (only === 'packaged') return { source: 'packaged', command: packagedCommand(), assumed: PACKAGED_UNIT.name };
  return { source: 'dropin', file: only.file, assignment: only.a, command: commandOf(only.a, env), assumed: PACKAGED_UNIT.name };
}

/**
 * The words of an ExecStart= value after systemd's prefixes and variable expansion
 * (systemd.service(5) "Command lines"): `${NAME}` is replaced inside a word, a word that
 * is `$NAME` alone becomes the value's words; a `:` prefix turns expansion off, `@`
 * makes the next word argv[0]. Variables no drop-in sets (an EnvironmentFile=) are
 * left out and named in `unresolved`.
 */
export function commandOf(a: EffectiveAssignment, env: HostModel['environment']): DockerdCommand | undefined {
  const split = splitWords(a.value);
  const words = split.words;
  if (words.length === 0) return undefined;
  const prefix = /^[-@:+!]*/.exec(words[0].text)![0];
  const out: ArgWord[] = [{ text: words[0].text.slice(prefix.length), span: words[0].span }];
  let rest = words.slice(1);
  if (prefix.includes('@')) rest = rest.slice(1);
  const unresolved: string[] = [];
  for (const w of rest) {
    if (prefix.includes(':') || !w.text.includes('$')) {
      out.push({ text: w.text, span: w.span });
      continue;
    }
    const whole = /^\$([A-Za-z_][A-Za-z0-9_]*)$/.exec(w.text);
    if (whole) {
      const v = env.get(whole[1]);
      if (!v) unresolved.push(whole[1]);
      else for (const part of v.value.split(/\s+/).filter(Boolean)) out.push({ text: part, span: w.span });
      continue;
    }
    let missing = false;
    const text = w.text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, n: string) => {
      const v = env.get(n);
      if (!v) {
        unresolved.push(n);
        missing = true;
      }
      return v?.value ?? '';
    });
    if (!missing) out.push({ text: text.replace(/\$\$/g, '$'), span: w.span });
  }
  return parseDockerdCommand(out, unresolved);
}

/** 1-based line of an offset in a text, for messages that point into another file. */
export function lineNumber(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** A short name of a host file for messages: its path from the /etc-like root (`docker/daemon.json`), else its file name. */
export function displayName(host: HostModel, uri: string): string {
  if (host.root && uri.startsWith(`${host.root}/`)) return decodeURIComponent(uri.slice(host.root.length + 1));
  return baseName(uri);
}
