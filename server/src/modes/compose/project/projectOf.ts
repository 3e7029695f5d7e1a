import type { ModeContext } from '../../languageMode';
import type { ComposeModel } from '../model';
import { loadProject, parsedFile, type ComposeProject } from './composeProject';
import { memoByReads, readsMemo } from '../../readsMemo';
import { baseName, DEFAULT_FILE_NAMES, DEFAULT_OVERRIDE_FILE_NAMES, dirOf, environment, projectSpecs, specOfDir } from './projectSpecs';

/** Names of files that are overrides by their name: the default override names, and `compose.<stage>.yaml`-style names beside a base. */
export function isOverrideName(name: string): boolean {
  return (DEFAULT_OVERRIDE_FILE_NAMES as readonly string[]).includes(name) || /^(docker-)?compose\.[^.]+\.ya?ml$/.test(name);
}

/**
 * The project a Compose file is loaded with (#16): the first project of the workspace
 * (projectSpecs.ts: the setting's, then COMPOSE_FILE, then default names) that lists
 * it, else one that includes it or extends a service of it, else the one of its own
 * folder read from disk (a file outside every workspace folder). A file in no project is
 * judged as `docker compose -f FILE` would load it (with its includes and extends and
 * the `.env` beside it); an override by its name (`compose.prod.yaml`) with the default
 * base file beside it, after that base; one whose base cannot be read is marked
 * incomplete, so that names it does not declare are not reported.
 *
 * A file listed by two projects is judged in the first; the setting's come first, so a
 * user can choose.
 */
export function projectOf(model: ComposeModel, ctx: ModeContext): ComposeProject {
  return memoByReads(projects, model, ctx, (c) => loadProjectOf(model, c));
}

/** The projects already loaded, per parse of a file, with what loading them read (readsMemo.ts). */
const projects = readsMemo();

function loadProjectOf(model: ComposeModel, ctx: ModeContext): ComposeProject {
  const ws = ctx.workspace;
  const uri = model.uri;
  if (ws) {
    const specs = projectSpecs(ws, ctx);
    const direct = specs.find((s) => s.files.includes(uri));
    if (direct) return loadProject(direct, ctx, model);
    for (const spec of specs) {
      const p = loadProject(spec, ctx, model);
      if (p.files.some((f) => f.uri === uri)) return p;
    }
    // Outside every folder (or beside no listed file): the project of its own folder, found by reading.
    const own = specOfDir(dirOf(uri), (name) => ws.read(`${dirOf(uri)}/${name}`) !== undefined, ws, ctx);
    if (own?.files.includes(uri)) return loadProject(own, ctx, model);
  }
  const dir = dirOf(uri);
  const lookup = environment(ctx, ws, [`${dir}/.env`]);
  if (isOverrideName(baseName(uri))) {
    const base = DEFAULT_FILE_NAMES.map((n) => `${dir}/${n}`).find((u) => u !== uri && parsedFile(ws, u) !== undefined);
    if (base) return loadProject({ dir, files: [base, uri], lookup, source: 'alone' }, ctx, model);
    const alone = loadProject({ dir, files: [uri], lookup, source: 'alone' }, ctx, model);
    alone.incomplete = true;
    return alone;
  }
  return loadProject({ dir, files: [uri], lookup, source: 'alone' }, ctx, model);
}

/**
 * Every file whose verdicts may change when this one does (#16): the files of every
 * project of the workspace that loads it (a base file shared by two projects is read by
 * both), and of the project it is judged in; of every project when it declares networks.
 */
export function relatedFiles(model: ComposeModel, ctx: ModeContext): readonly string[] {
  const out = new Set<string>(projectOf(model, ctx).files.map((f) => f.uri));
  const ws = ctx.workspace;
  if (ws) {
    // A file that declares networks changes the verdicts between projects too (overlapping
    // subnets, one name with different settings): every project's files then.
    const all = model.networks.length > 0;
    for (const spec of projectSpecs(ws, ctx)) {
      const p = loadProject(spec, ctx, model);
      if (all || p.files.some((f) => f.uri === model.uri)) p.files.forEach((f) => out.add(f.uri));
    }
  }
  out.delete(model.uri);
  return [...out];
}

/**
 * The workspace's projects other than `project` (none share a listed file with it), for
 * the checks between projects that `up` on one machine runs into (#16).
 */
export function otherProjects(project: ComposeProject, ctx: ModeContext): ComposeProject[] {
  const ws = ctx.workspace;
  if (!ws) return [];
  const mine = new Set(project.files.filter((f) => f.via !== 'extends').map((f) => f.uri));
  const out: ComposeProject[] = [];
  for (const spec of projectSpecs(ws, ctx)) {
    if (spec.files.some((f) => mine.has(f))) continue;
    out.push(loadProject(spec, ctx));
  }
  return out;
}
