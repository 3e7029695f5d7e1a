import { memoByReads, readsMemo, unwrapWorkspace } from '../../readsMemo';
import { URI, Utils } from 'vscode-uri';
import type { ModeContext, WorkspaceFiles } from '../../languageMode';
import type { Lookup } from '../interpolation';
import { parseDotEnv } from './dotEnv';

/**
 * Which files make a Compose project, found the way Compose v2 finds them
 * (compose-go `cli/options.go`), from the files visible through `WorkspaceFiles`:
 *
 * - `COMPOSE_FILE` (from the environment, else the folder's `.env`, read by
 *   WithEnvFiles/WithDotEnv from the working directory before WithConfigFileEnv), split
 *   on `COMPOSE_PATH_SEPARATOR` (default the OS list separator, `:` here), relative to
 *   the working directory;
 * - else the first of the default names in the folder (a warning when several exist,
 *   "Found multiple config files with supported names"), plus the first default
 *   override name, which is added only then, never to a `-f` or COMPOSE_FILE list
 *   (WithDefaultConfigPath);
 * - the setting `dockerNetworking.compose.projects` for layouts only ever run with `-f`.
 *
 * A folder without a Compose file of its own gets its parent's project when `docker
 * compose` runs there (the parent search of WithDefaultConfigPath): the same project
 * as the parent's, so it adds nothing here.
 */

/** compose-go `cli/options.go` DefaultFileNames, in order of preference. */
export const DEFAULT_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'] as const;
/** compose-go `cli/options.go` DefaultOverrideFileNames, in order of preference. */
export const DEFAULT_OVERRIDE_FILE_NAMES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'] as const;

export type ProjectSource = 'setting' | 'COMPOSE_FILE' | 'default';

export interface ProjectSpec {
  /** The working (project) directory, a URI without trailing slash. */
  dir: string;
  /** The Compose files in load order (URIs). */
  files: string[];
  /** Variables for interpolation: the environment first, then the env files (compose-go `Mapping.Merge` keeps what is set). */
  lookup: Lookup;
  /** `-p` (the setting's projectName): wins over everything. */
  name?: string;
  source: ProjectSource;
}

/** The directory of a URI. */
export function dirOf(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

export function baseName(uri: string): string {
  return Utils.basename(URI.parse(uri));
}

/** A path as Compose reads it in a file or a variable: absolute, or relative to `dir`. */
export function resolvePath(dir: string, path: string): string {
  if (path.startsWith('/')) return URI.file(path).toString();
  return Utils.resolvePath(URI.parse(dir), path).toString();
}

/** The shell environment, then variables read from env files (earlier files win, as `Merge` does). */
export function environment(ctx: ModeContext, ws: WorkspaceFiles | undefined, envFiles: readonly string[], outer?: Lookup): Lookup {
  const base: Lookup = outer ?? ((name) => ctx.env?.[name]);
  const maps: Map<string, string>[] = [];
  for (const f of envFiles) {
    const text = ws?.read(f);
    if (text === undefined) continue;
    const lookupSoFar: Lookup = (name) => {
      const v = base(name);
      if (v !== undefined) return v;
      for (const m of maps) if (m.has(name)) return m.get(name);
      return undefined;
    };
    maps.push(parseDotEnv(text, lookupSoFar));
  }
  return (name) => {
    const v = base(name);
    if (v !== undefined) return v;
    for (const m of maps) if (m.has(name)) return m.get(name);
    return undefined;
  };
}

/** The setting's projects, resolved against every workspace folder where their first file can be read. */
function settingSpecs(ws: WorkspaceFiles, ctx: ModeContext): ProjectSpec[] {
  const out: ProjectSpec[] = [];
  const folders = ws.workspaceFolders?.() ?? [];
  for (const p of ctx.settings.compose.projects) {
    for (const folder of folders) {
      const files = p.files.map((f) => resolvePath(folder, f));
      if (files.length === 0 || ws.read(files[0]) === undefined) continue;
      const envFiles = p.envFile ? [resolvePath(folder, p.envFile)] : [`${dirOf(files[0])}/.env`];
      out.push({ dir: dirOf(files[0]), files, lookup: environment(ctx, ws, envFiles), name: p.projectName, source: 'setting' });
    }
  }
  return out;
}

/**
 * Every project of the workspace: the setting's first, then one per folder that holds a
 * default-named Compose file or a `.env` setting COMPOSE_FILE. At most `limit`.
 */
export function projectSpecs(ws: WorkspaceFiles, ctx: ModeContext): ProjectSpec[] {
  // Kept per workspace while it answers the same (readsMemo.ts): the same spec objects,
  // so that the projects loaded from them are kept too (loadProject).
  return memoByReads(specsMemo, unwrapWorkspace(ws), { ...ctx, workspace: ws }, (c) => findProjectSpecs(c.workspace!, c));
}

const specsMemo = readsMemo();

function findProjectSpecs(ws: WorkspaceFiles, ctx: ModeContext, limit = 64): ProjectSpec[] {
  const out = settingSpecs(ws, ctx);
  const composeFiles = ws.list('compose');
  const byDir = new Map<string, Set<string>>();
  for (const uri of [...composeFiles, ...ws.list('env')]) {
    const dir = dirOf(uri);
    let names = byDir.get(dir);
    if (!names) byDir.set(dir, (names = new Set()));
    names.add(baseName(uri));
  }
  for (const [dir, names] of byDir) {
    if (out.length >= limit) break;
    const spec = specOfDir(dir, (name) => names.has(name), ws, ctx);
    if (spec) out.push(spec);
  }
  return out;
}

/**
 * The project `docker compose` loads when run in `dir` (no `-f`), given which file names
 * the folder has: COMPOSE_FILE (environment, else the folder's `.env`), else the default
 * names. Undefined when the folder has neither.
 */
export function specOfDir(dir: string, has: (name: string) => boolean, ws: WorkspaceFiles, ctx: ModeContext): ProjectSpec | undefined {
  const lookup = environment(ctx, ws, has('.env') ? [`${dir}/.env`] : []);
  const list = lookup('COMPOSE_FILE');
  if (list !== undefined && list !== '') {
    const sep = lookup('COMPOSE_PATH_SEPARATOR') || ':';
    const files = list
      .split(sep)
      .filter((f) => f !== '')
      .map((f) => resolvePath(dir, f));
    return files.length ? { dir: dirOf(files[0]), files, lookup, source: 'COMPOSE_FILE' } : undefined;
  }
  const main = DEFAULT_FILE_NAMES.find(has);
  if (!main) return undefined;
  const override = DEFAULT_OVERRIDE_FILE_NAMES.find(has);
  return { dir, files: [`${dir}/${main}`, ...(override ? [`${dir}/${override}`] : [])], lookup, source: 'default' };
}
