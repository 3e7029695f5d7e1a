import * as l10n from '@vscode/l10n';
import { memoByReads, readsMemo } from '../../readsMemo';
import { isMap, isSeq, type Node } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ModeContext, Severity, WorkspaceFiles } from '../../languageMode';
import { substitute, type Lookup } from '../interpolation';
import type { ComposeModel, NetworkDecl, NetworkRef, ServiceDecl } from '../model';
import { parse } from '../parse';
import { entry, hasTag, mapEntries, offsetRange, scalarText, seqItems, type OffsetRange } from '../yamlNodes';
import { baseName, dirOf, environment, resolvePath, type ProjectSource, type ProjectSpec } from './projectSpecs';

/**
 * A Compose project as Compose v2 loads it (#16), for the rules and features of one of
 * its files: its files with their parses, and the merged view the consistency checks
 * of compose-go (`loader/validate.go` checkConsistency) run on. Pure: other files are
 * read only through `ctx.workspace`, so a CLI with a file-system `WorkspaceFiles` gets
 * the same verdicts.
 *
 * Loading follows compose-go `loader/loader.go` loadYamlFile: each listed file is
 * interpolated, its `include`s imported (`loader/include.go`: the included files are a
 * project of their own, with their own `.env`, whose services and networks join this
 * one), its `extends` applied (`loader/extends.go`: only the base *service* is taken
 * from another file, never its networks), then merged over the files before it
 * (`override/merge.go`: service `networks` as maps, list form converted; `!reset`
 * removes, `!override` replaces; `loader/reset.go`).
 */

export interface ProjectFile {
  uri: string;
  model: ComposeModel;
  /** Listed (`-f`, COMPOSE_FILE, default names), imported by `include`, or read only as the base of an `extends`. */
  via: 'listed' | 'include' | 'extends';
  /** The variables its text is interpolated with. */
  lookup: Lookup;
  /**
   * What its relative `extends` and `include` paths start from: the project's working
   * directory for a listed file, the include's project directory for an included one,
   * the file's own directory for an `extends` base (compose-go `localResourceLoader`;
   * checked with Compose 2.40.3: `-f sub/extra.yml` extending `file: x.yml` reads `./x.yml`).
   */
  workingDir: string;
}

/** One reference that puts a network into a merged service, and the file it is written in. */
export interface Contribution {
  file: ProjectFile;
  ref: NetworkRef;
}

/** A service after merging every file and applying `extends`. */
export interface MergedService {
  name: string;
  /** Its declarations in the project's own files (listed or included), in load order. */
  layers: { file: ProjectFile; decl: ServiceDecl }[];
  /** The networks it joins, each with the references that write it (through `extends` too). */
  networks: Map<string, Contribution[]>;
  /** The declaration whose `network_mode` is in effect, if any. */
  networkMode?: { file: ProjectFile; decl: ServiceDecl };
  /** It extends a service we could not read (unreadable file, unresolved variable): its networks are not all known. */
  unknownBase: boolean;
}

/** A problem found while loading, in the file that causes it. */
export interface LoadProblem {
  uri: string;
  range: OffsetRange;
  severity: Severity;
  code: string;
  message: string;
}

export interface ComposeProject {
  /** The working directory (URI). */
  dir: string;
  /** The project name as Compose computes it; undefined when it depends on an unknown variable. */
  name?: string;
  /** How the project was found; `alone` for a file that belongs to none. */
  source: ProjectSource | 'alone';
  files: ProjectFile[];
  /**
   * Some part cannot be read or did not parse whole (a listed or included file, or the
   * base of an override by its name): names it may declare are unknown, so nothing is
   * reported as undeclared or unused (#16: "we do not guess").
   */
  incomplete: boolean;
  networks: Map<string, { file: ProjectFile; decl: NetworkDecl }[]>;
  services: Map<string, MergedService>;
  problems: LoadProblem[];
  lookup: Lookup;
}

/** The parse of a file through the workspace (the server's cache), else of its text; undefined when unreadable. */
export function parsedFile(ws: WorkspaceFiles | undefined, uri: string, self?: ComposeModel): ComposeModel | undefined {
  if (self && self.uri === uri) return self;
  if (!ws) return undefined;
  if (ws.parse) return ws.parse(uri, 'compose') as ComposeModel | undefined;
  const text = ws.read(uri);
  return text === undefined ? undefined : parse(TextDocument.create(uri, 'dockercompose', 0, text));
}

/**
 * A remote resource (compose-go `loader.ResourceLoader`s: git repositories, OCI artifacts),
 * which Compose fetches and we do not: what it brings is unknown, not missing.
 */
function isRemote(path: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(path) || path.startsWith('git@');
}

/** compose-go `loader/loader.go` NormalizeProjectName: lower case, only [a-z0-9_-], no leading `_` or `-`. */
export function normalizeProjectName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[_-]+/, '');
}

interface ServiceState {
  networks: Map<string, Contribution[]>;
  networkMode?: { file: ProjectFile; decl: ServiceDecl };
  unknownBase: boolean;
  /** The layer's `networks` is `!reset` or `!override`: what the files before it set is dropped. */
  resetNetworks?: boolean;
  /** The layer's `network_mode` is `!reset`. */
  resetMode?: boolean;
}

/**
 * Loads the project of `spec` (or of a file alone, `source: 'alone'`); `self` is the parse
 * of the document being validated, used for its URI instead of the workspace's.
 */
export function loadProject(spec: Omit<ProjectSpec, 'source'> & { source: ComposeProject['source'] }, ctx: ModeContext, self?: ComposeModel): ComposeProject {
  // `self` changes nothing when the workspace gives that very parse (an open document's in
  // the server, every file's in the CLI): the project is then the one all other files load,
  // kept once instead of once more per file judged.
  if (self && ctx.workspace?.parse?.(self.uri, 'compose') === self) self = undefined;
  // Kept per spec (projectSpecs keeps its specs) and file being judged, while the workspace
  // answers what the load asked the same (readsMemo.ts).
  let bySelf = loadedProjects.get(spec);
  if (!bySelf) loadedProjects.set(spec, (bySelf = readsMemo()));
  return memoByReads(bySelf, self ?? NO_SELF, ctx, (c) => load(spec, c, self));
}

const loadedProjects = new WeakMap<object, ReturnType<typeof readsMemo>>();
const NO_SELF = {};

function load(spec: Omit<ProjectSpec, 'source'> & { source: ComposeProject['source'] }, ctx: ModeContext, self?: ComposeModel): ComposeProject {
  const ws = ctx.workspace;
  const project: ComposeProject = {
    dir: spec.dir,
    source: spec.source,
    files: [],
    incomplete: false,
    networks: new Map(),
    services: new Map(),
    problems: [],
    lookup: spec.lookup,
  };
  const byUri = new Map<string, ProjectFile>();
  const refsOf = new Map<ComposeModel, Map<ServiceDecl, NetworkRef[]>>();
  const refsOfDecl = (model: ComposeModel, decl: ServiceDecl): NetworkRef[] => {
    let m = refsOf.get(model);
    if (!m) {
      refsOf.set(model, (m = new Map()));
      for (const r of model.refs) {
        const list = m.get(r.service);
        if (list) list.push(r);
        else m.set(r.service, [r]);
      }
    }
    return m.get(decl) ?? [];
  };
  const problem = (file: ProjectFile, node: Node | null | undefined, code: string, message: string, severity: Severity = 'error'): void => {
    const range = offsetRange(node);
    // Without a workspace (a unit test of one file) nothing else can be read: no news there.
    if (range && ws) project.problems.push({ uri: file.uri, range, severity, code, message });
  };

  /** Adds a listed or included file and, first, the files it includes. */
  const addFile = (uri: string, via: 'listed' | 'include', lookup: Lookup, workingDir: string, including: string[]): void => {
    if (byUri.has(uri) || including.includes(uri)) return;
    const model = parsedFile(ws, uri, self);
    if (!model) {
      project.incomplete = true;
      return;
    }
    if (model.incomplete) project.incomplete = true;
    const file: ProjectFile = { uri, model, via, lookup, workingDir };
    for (const doc of model.docs) {
      const inc = entry(mapEntries(doc, doc.contents as Node | null), 'include');
      for (const item of seqItems(doc, inc?.value ?? null)) addIncluded(file, doc, item, [...including, uri]);
    }
    byUri.set(uri, file);
    project.files.push(file);
  };

  /** One `include` item: a path, or `{path, project_directory, env_file}` (compose-spec 14-include.md). */
  const addIncluded = (from: ProjectFile, doc: ComposeModel['docs'][number], item: Node, including: string[]): void => {
    const workingDir = from.workingDir;
    let paths: Node[] = [];
    let projectDir: Node | null = null;
    let envFiles: Node[] = [];
    if (isMap(item)) {
      const entries = mapEntries(doc, item);
      const p = entry(entries, 'path')?.value ?? null;
      paths = isSeq(p) ? seqItems(doc, p) : p ? [p] : [];
      projectDir = entry(entries, 'project_directory')?.value ?? null;
      const e = entry(entries, 'env_file')?.value ?? null;
      envFiles = isSeq(e) ? seqItems(doc, e) : e ? [e] : [];
    } else paths = [item];
    const texts = paths.map((n) => {
      const t = scalarText(n);
      return t === undefined ? undefined : substitute(t, from.lookup);
    });
    if (texts.some((t) => t === undefined || isRemote(t)) || texts.length === 0) {
      project.incomplete = true; // a path from an unknown variable, or a remote resource: we cannot tell what it brings
      return;
    }
    const uris = (texts as string[]).map((t) => resolvePath(workingDir, t));
    const dirText = projectDir ? substitute(scalarText(projectDir) ?? '', from.lookup) : undefined;
    const dir = dirText ? resolvePath(workingDir, dirText) : dirOf(uris[0]);
    const envUris: string[] = [];
    for (const n of envFiles) {
      const t = scalarText(n);
      const v = t === undefined ? undefined : substitute(t, from.lookup);
      if (v === undefined) project.incomplete = true;
      else if (v !== '/dev/null') envUris.push(resolvePath(workingDir, v));
    }
    // include.go: the included project's variables are the including one's, then its own env files (`Merge` keeps what is set).
    const lookup = environment(ctx, ws, envFiles.length ? envUris : [`${dir}/.env`], from.lookup);
    uris.forEach((u, i) => {
      if (parsedFile(ws, u, self) === undefined) {
        project.incomplete = true;
        if (ws?.exists?.(u) === false) problem(from, paths[i], 'include-missing', l10n.t('The included file `{0}` does not exist; Compose refuses the project.', texts[i] ?? ''));
        else problem(from, paths[i], 'include-unreadable', l10n.t('Cannot read the included file `{0}` (outside the workspace, unreadable or too large), so what it declares is not known here.', texts[i] ?? ''), 'warning');
        return;
      }
      addFile(u, 'include', lookup, dir, including);
    });
  };

  const workingDir = spec.dir;
  for (const uri of spec.files) addFile(uri, 'listed', spec.lookup, workingDir, []);

  // ---- extends -------------------------------------------------------------------
  const baseStates = new Map<string, ServiceState>();
  const extendsFile = (uri: string, lookup: Lookup): ProjectFile | undefined => {
    const known = byUri.get(uri);
    if (known) return known;
    const model = parsedFile(ws, uri, self);
    if (!model) return undefined;
    const file: ProjectFile = { uri, model, via: 'extends', lookup, workingDir: dirOf(uri) };
    byUri.set(uri, file);
    project.files.push(file);
    return file;
  };

  /** The state a declaration brings on its own: its base (extends) with its own keys merged over it. */
  const layerState = (file: ProjectFile, decl: ServiceDecl, stack: string[]): ServiceState => {
    const ext = entry(decl.entries, 'extends');
    let state: ServiceState = { networks: new Map(), unknownBase: false };
    if (ext) state = baseState(file, decl, ext.value, stack);
    mergeOwn(state, file, decl);
    return state;
  };

  const mergeOwn = (state: ServiceState, file: ProjectFile, decl: ServiceDecl): void => {
    const nets = entry(decl.entries, 'networks');
    if (nets) {
      if (hasTag(nets.value, '!reset') || hasTag(nets.value, '!override')) {
        state.networks = new Map();
        state.resetNetworks = true;
      }
      for (const ref of refsOfDecl(file.model, decl)) {
        // List items are values, which Compose interpolates; map keys are not (compose-go
        // `interpolation`: values only). An unknown variable keeps the name as written.
        const name = ref.form === 'list' && ref.network.includes('$') ? (substitute(ref.network, file.lookup) ?? ref.network) : ref.network;
        const list = state.networks.get(name);
        if (list) list.push({ file, ref });
        else state.networks.set(name, [{ file, ref }]);
      }
    }
    const mode = entry(decl.entries, 'network_mode');
    if (mode && hasTag(mode.value, '!reset')) {
      state.networkMode = undefined;
      state.resetMode = true;
    } else if (mode) state.networkMode = { file, decl };
  };

  const baseState = (file: ProjectFile, decl: ServiceDecl, value: Node | null, stack: string[]): ServiceState => {
    const unknown: ServiceState = { networks: new Map(), unknownBase: true };
    const doc = decl.doc;
    let serviceNode: Node | null = value;
    let fileNode: Node | null = null;
    if (isMap(value)) {
      const entries = mapEntries(doc, value);
      serviceNode = entry(entries, 'service')?.value ?? null;
      fileNode = entry(entries, 'file')?.value ?? null;
    }
    const serviceText = scalarText(serviceNode);
    const service = serviceText === undefined ? undefined : substitute(serviceText, file.lookup);
    if (service === undefined) return unknown;
    let target = file;
    if (fileNode) {
      const t = scalarText(fileNode);
      const path = t === undefined ? undefined : substitute(t, file.lookup);
      if (path === undefined || isRemote(path)) return unknown;
      const uri = resolvePath(file.workingDir, path);
      const found = extendsFile(uri, file.lookup);
      if (!found) {
        if (ws?.exists?.(uri) === false) problem(file, fileNode, 'extends-file-missing', l10n.t('`{0}`, the file service `{1}` extends, does not exist; Compose refuses the project.', path, decl.name));
        else problem(file, fileNode, 'extends-file-unreadable', l10n.t('Cannot read `{0}`, the file service `{1}` extends (outside the workspace, unreadable or too large), so what it brings is not known here.', path, decl.name), 'warning');
        return unknown;
      }
      target = found;
    }
    // `extends: NAME` names a service of this very file, not one an `include` brought
    // (Compose 2.40.3: "cannot extend service … service "base" not found").
    const key = `${target.uri}#${service}`;
    if (stack.includes(key)) {
      problem(file, serviceNode, 'extends-cycle', l10n.t('`extends` of service `{0}` comes back to itself ({1}); Compose refuses the cycle.', decl.name, [...stack, key].map((k) => `\`${baseName(k.split('#')[0])}#${k.split('#')[1]}\``).join(' → ')));
      return unknown;
    }
    const decls = target.model.servicesByName.get(service);
    if (!decls) {
      if (target.model.incomplete) return unknown;
      problem(
        file,
        serviceNode,
        'extends-service-not-found',
        fileNode
          ? l10n.t('Service `{0}` extends `{1}`, which `{2}` does not define; Compose refuses the project.', decl.name, service, baseName(target.uri))
          : l10n.t('Service `{0}` extends `{1}`, which this file does not define; Compose refuses the project.', decl.name, service),
      );
      return unknown;
    }
    const cached = baseStates.get(key);
    if (cached) return cloneState(cached);
    const state: ServiceState = { networks: new Map(), unknownBase: false };
    for (const d of decls) mergeState(state, layerState(target, d, [...stack, key]));
    baseStates.set(key, state);
    return cloneState(state);
  };

  // ---- merge ---------------------------------------------------------------------
  const states = new Map<string, ServiceState>();
  for (const file of [...project.files]) {
    if (file.via === 'extends') continue;
    for (const decl of file.model.services) {
      let merged = project.services.get(decl.name);
      if (!merged) project.services.set(decl.name, (merged = { name: decl.name, layers: [], networks: new Map(), unknownBase: false }));
      merged.layers.push({ file, decl });
      let state = states.get(decl.name);
      if (!state) states.set(decl.name, (state = { networks: new Map(), unknownBase: false }));
      // A file's service after its own extends, then merged over the files before it.
      mergeState(state, layerState(file, decl, [`${file.uri}#${decl.name}`]));
    }
    for (const decl of file.model.networks) {
      const list = project.networks.get(decl.key);
      if (list) list.push({ file, decl });
      else project.networks.set(decl.key, [{ file, decl }]);
    }
  }
  for (const [name, state] of states) {
    const merged = project.services.get(name)!;
    merged.networks = state.networks;
    merged.networkMode = state.networkMode;
    merged.unknownBase = state.unknownBase;
  }
  project.name = projectName(project, spec.name);
  return project;
}

/** Merges a layer over the state of the layers before it (override/merge.go: networks as maps, `network_mode` replaced). */
function mergeState(state: ServiceState, layer: ServiceState): void {
  if (layer.resetNetworks) state.networks.clear();
  if (layer.resetMode) state.networkMode = undefined;
  for (const [name, list] of layer.networks) {
    const have = state.networks.get(name);
    if (have) have.push(...list);
    else state.networks.set(name, [...list]);
  }
  if (layer.networkMode) state.networkMode = layer.networkMode;
  state.unknownBase ||= layer.unknownBase;
}

/** A copy without the reset marks: a base's resets concern the base's own layers. */
function cloneState(s: ServiceState): ServiceState {
  return { networks: new Map([...s.networks].map(([k, v]) => [k, [...v]])), networkMode: s.networkMode, unknownBase: s.unknownBase };
}

/**
 * The project name (compose-go `cli/options.go` withNamePrecedenceLoad and
 * `loader/loader.go` projectName): `-p`, else COMPOSE_PROJECT_NAME, else the last
 * `name:` of the files (interpolated, normalised), else the working directory's name
 * normalised. Undefined when it depends on a variable we do not know.
 */
function projectName(project: ComposeProject, flag: string | undefined): string | undefined {
  if (flag) return flag;
  const env = project.lookup('COMPOSE_PROJECT_NAME');
  if (env) return env;
  let fromFile: string | undefined;
  for (const f of project.files) {
    if (f.via !== 'listed') continue;
    for (const doc of f.model.docs) {
      const n = scalarText(entry(mapEntries(doc, doc.contents as Node | null), 'name')?.value ?? null);
      if (n === undefined || n === '') continue;
      const v = substitute(n, project.lookup);
      if (v === undefined) return undefined;
      fromFile = normalizeProjectName(v) || fromFile;
    }
  }
  return fromFile ?? normalizeProjectName(baseName(project.dir));
}

/**
 * The name a declared network gets on the Engine (compose-go `loader/normalize.go`):
 * its `name:` (interpolated), else the key for an external network, else
 * `<project>_<key>`. Undefined when it depends on an unknown variable or project name.
 */
export function engineName(project: ComposeProject, file: ProjectFile, decl: NetworkDecl, external: boolean): string | undefined {
  const written = scalarText(entry(decl.entries, 'name')?.value ?? null);
  if (written !== undefined) return substitute(written, file.lookup);
  if (external) return decl.key;
  return project.name && `${project.name}_${decl.key}`;
}
