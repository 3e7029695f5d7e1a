import * as l10n from '@vscode/l10n';
import * as path from 'path';
import { chosenEndpoint, configDir, parseHost, resolveContext, resolveDefault, resolveEndpoint, type ResolveEnv, type ResolveSettings, type Resolution } from './engineEndpoint';

/**
 * Every Engine the Docker Networks view lists side by side (#22): each docker context of
 * the CLI's context store (as `docker context ls` lists them: the `default` context, which
 * is `DOCKER_HOST` when that is set, and every `contexts/meta/<digest>/meta.json`), the
 * host setting, and the Engines named in `dockerNetworking.engines`. The one
 * `resolveEndpoint` picks (the Engine the docker CLI would use) is `current` and comes
 * first. Plain data, no I/O except through `ResolveEnv`.
 */

export interface EngineEntry {
  /** Stable across reloads of the list: the view's node ids and the target choice use it. */
  id: string;
  /** What the view shows and `dockerNetworking.hiddenEngines` names. */
  name: string;
  /** Where the entry comes from, in the user's words ("docker context", "DOCKER_HOST", "setting dockerNetworking.engines"). */
  source: string;
  resolution: Resolution;
  /** The Engine the docker CLI would talk to (and the one diagnostics follow unless the user picks another). */
  current: boolean;
}

/** `dockerNetworking.engines`: one Engine per item, its host written as `DOCKER_HOST` spells it. */
export interface ConfiguredEngine {
  name: string;
  host: string;
}

export interface EngineListSettings extends ResolveSettings {
  /** `dockerNetworking.engines` as read; malformed items are reported as entries that cannot connect. */
  engines?: unknown;
  /** `dockerNetworking.hiddenEngines`: names not to list. */
  hidden?: unknown;
}

/** A ResolveEnv that can also list a folder (the context store's `meta` folder). */
export interface ListEnv extends ResolveEnv {
  listDir(dir: string): string[];
}

/** The words for where an entry comes from; functions, so that they follow the display language. */
const dockerContext = (): string => l10n.t('docker context');
const settingEngines = (): string => l10n.t('setting {0}', 'dockerNetworking.engines');

/** The names of the contexts in the store, sorted; a meta.json without a usable name is skipped (the CLI skips it too). */
export function storedContextNames(r: ListEnv): string[] {
  const metaDir = path.join(configDir(r), 'contexts', 'meta');
  const names: string[] = [];
  for (const digest of r.listDir(metaDir)) {
    const text = r.readFile(path.join(metaDir, digest, 'meta.json'));
    if (text === undefined) continue;
    try {
      const name = (JSON.parse(text) as { Name?: unknown }).Name;
      if (typeof name === 'string' && name !== '' && name !== 'default') names.push(name);
    } catch {
      // resolveContext says what is wrong when the context is used by name; listing skips it.
    }
  }
  return [...new Set(names)].sort((a, b) => a.localeCompare(b));
}

/** The items of `dockerNetworking.engines` that have a name and a host, and a message per item that has not. */
export function configuredEngines(value: unknown): { engines: ConfiguredEngine[]; problems: string[] } {
  const engines: ConfiguredEngine[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { engines, problems };
  if (!Array.isArray(value)) return { engines, problems: [l10n.t('The setting dockerNetworking.engines must be a list of {"name": …, "host": …} objects.')] };
  value.forEach((item, i) => {
    const o = item !== null && typeof item === 'object' ? (item as { name?: unknown; host?: unknown }) : {};
    if (typeof o.name === 'string' && o.name.trim() !== '' && typeof o.host === 'string' && o.host.trim() !== '') engines.push({ name: o.name.trim(), host: o.host.trim() });
    else problems.push(l10n.t('Item {0} of the setting dockerNetworking.engines needs a "name" and a "host" (as DOCKER_HOST spells it), e.g. {"name": "build", "host": "ssh://me@build"}.', i + 1));
  });
  return { engines, problems };
}

/** The id of a context's entry (`context/<name>`), of a `dockerNetworking.engines` item (`setting/<name>`). */
const contextId = (name: string): string => `context/${name}`;
const DEFAULT_ID = contextId('default');

/** The id of the entry `resolveEndpoint` picks (one order of precedence: `chosenEndpoint`). */
function currentId(settings: ResolveSettings, r: ResolveEnv): string {
  const choice = chosenEndpoint(settings, r);
  return choice.kind === 'host' ? 'host' : choice.kind === 'context' ? contextId(choice.name) : DEFAULT_ID;
}

/** The Engines of the view, the current one first; the hidden ones left out. */
export function listEngines(settings: EngineListSettings, r: ListEnv): EngineEntry[] {
  const current = currentId(settings, r);
  const entries: EngineEntry[] = [];
  const host = settings.host?.trim();
  if (host) entries.push({ id: 'host', name: host, source: l10n.t('setting {0}', 'dockerNetworking.host'), resolution: resolveEndpoint(settings, r), current: false });
  // The CLI's `default` context is DOCKER_HOST when that is set (docker context ls shows it so).
  entries.push({ id: DEFAULT_ID, name: r.env.DOCKER_HOST ? 'DOCKER_HOST' : 'default', source: r.env.DOCKER_HOST ? 'DOCKER_HOST' : dockerContext(), resolution: resolveDefault(r), current: false });
  const names = storedContextNames(r);
  // A context named by a setting or DOCKER_CONTEXT that the store lacks is still listed, with its error.
  const wanted = current.startsWith(contextId('')) ? current.slice(contextId('').length) : undefined;
  if (wanted && wanted !== 'default' && !names.includes(wanted)) names.push(wanted);
  for (const name of names) entries.push({ id: contextId(name), name, source: dockerContext(), resolution: resolveContext(name, r, l10n.t('docker context "{0}"', name)), current: false });
  const { engines, problems } = configuredEngines(settings.engines);
  const seen = new Set<string>();
  for (const e of engines) {
    const id = `setting/${e.name}`;
    if (seen.has(id)) continue;
    seen.add(id);
    entries.push({ id, name: e.name, source: settingEngines(), resolution: parseHost(e.host, l10n.t('Engine "{0}" of {1}', e.name, settingEngines()), undefined, r.platform), current: false });
  }
  problems.forEach((reason, i) => entries.push({ id: `setting/#${i}`, name: l10n.t('(unnamed Engine {0})', i + 1), source: settingEngines(), resolution: { ok: false, reason, advice: l10n.t('Fix the item in your User settings.') }, current: false }));
  const hidden = new Set(Array.isArray(settings.hidden) ? settings.hidden.filter((h): h is string => typeof h === 'string').map((h) => h.trim()) : []);
  const shown = entries.filter((e) => !hidden.has(e.name));
  const first = shown.find((e) => e.id === current);
  if (first) first.current = true;
  return first ? [first, ...shown.filter((e) => e !== first)] : shown;
}
