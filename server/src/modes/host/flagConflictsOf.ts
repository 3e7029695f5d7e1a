import type { Node } from 'jsonc-parser';
import { isFlatOption } from '../daemonJson/daemonSchema';
import { properties } from '../daemonJson/model';
import type { DockerdFlag } from './dockerdFlags';
import type { HostModel } from './hostModel';

/** A daemon.json setting that the effective ExecStart= also gives as a flag. */
export interface FlagConflict {
  /** The key as dockerd names it after flattening (`http-proxy` for `proxies.http-proxy`). */
  key: string;
  /** The key's node in daemon.json. */
  keyNode: Node;
  flag: DockerdFlag;
}

/** Keys dockerd lets both sides give (moby daemon/config/config.go `skipDuplicates`): runtimes are merged. */
const MERGED = new Set(['runtimes']);

/**
 * The settings given both as a flag of the effective ExecStart= and in daemon.json:
 * dockerd refuses to start with "the following directives are specified both as a flag
 * and in the configuration file", whatever the values (moby daemon/config/config.go
 * `findConfigurationConflicts`, run on the file after `configValuesSet` flattened
 * every object that is not a flat option, so `proxies.http-proxy` meets
 * `--http-proxy`). Empty when dockerd reads another file (`--config-file`).
 */
export function flagConflictsOf(host: HostModel): FlagConflict[] {
  const command = host.execStart?.command;
  const dj = host.daemonJson;
  if (!command || !dj) return [];
  if (readsOtherFile(host)) return [];
  const flat = new Map<string, Node>();
  for (const p of dj.model.top.values()) {
    if (p.value?.type === 'object' && !isFlatOption(p.name)) {
      for (const c of properties(p.value)) flat.set(c.name, c.key);
    } else flat.set(p.name, p.key);
  }
  const out: FlagConflict[] = [];
  for (const flag of command.flags) {
    for (const key of flag.keys) {
      const keyNode = flat.get(key);
      if (keyNode && !MERGED.has(key)) out.push({ key, keyNode, flag });
    }
  }
  return out;
}

/** True when the command line names a `--config-file` other than the host's daemon.json (as /etc/docker/daemon.json). */
export function readsOtherFile(host: HostModel): boolean {
  const f = host.execStart?.command?.flags.find((x) => x.name === 'config-file');
  if (!f || f.value === undefined) return false;
  if (host.source === 'place') return f.value !== '/etc/docker/daemon.json' && !/\/\.config\/docker\/daemon\.json$/.test(f.value);
  return host.daemonJson !== undefined && !decodeURIComponent(host.daemonJson.uri).endsWith(f.value);
}
