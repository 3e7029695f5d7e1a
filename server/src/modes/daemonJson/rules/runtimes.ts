import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { type DaemonJsonProblem, type DaemonJsonRule, properties, stringValue, topValue } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { refuses } from '../valueRules';

/**
 * `runtimes` and `default-runtime` (moby daemon/runtime_unix.go setupRuntimes, config
 * Validate; docker-facts §1.4.4; runs on 20.10: "runtime name 'runc' is reserved",
 * "specified default runtime 'x' does not exist").
 */
export const runtimes: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  const defined = new Set<string>();
  const strict = refuses('runtime-shape', t.version);
  const sev = strict ? 'error' : 'warning';
  const tail = strict ? l10n.t('dockerd refuses to start') : l10n.t('Engine {0} starts, but containers using it fail', t.versionText);
  for (const p of properties(topValue(model, 'runtimes'))) {
    defined.add(p.name);
    if (p.name === 'runc') {
      out.push(problemAt(p.key, 'error', 'reserved-runtime', l10n.t('The runtime name "runc" is reserved: dockerd refuses to start. Choose another name.')));
      continue;
    }
    if (p.value?.type !== 'object') continue;
    const has = (k: string): boolean => hasNonNull(p.value!, k);
    if (!has('path') && !has('runtimeType')) out.push(problemAt(p.key, sev, 'invalid-runtime', l10n.t('Runtime "{0}" needs a "path" or a "runtimeType": {1}.', p.name, tail)));
    else if (has('path') && has('runtimeType')) out.push(problemAt(p.key, sev, 'invalid-runtime', l10n.t('Runtime "{0}" cannot have both "path" and "runtimeType": {1}.', p.name, tail)));
    else if (has('path') && has('options')) out.push(problemAt(p.key, sev, 'invalid-runtime', l10n.t('Runtime "{0}": "options" only work with "runtimeType": {1}.', p.name, tail)));
    else if (has('runtimeType') && has('runtimeArgs')) out.push(problemAt(p.key, sev, 'invalid-runtime', l10n.t('Runtime "{0}": "runtimeArgs" only work with "path": {1}.', p.name, tail)));
  }
  const def = topValue(model, 'default-runtime');
  const name = stringValue(def);
  // io.containerd.* names are shims containerd resolves itself (23.0+).
  if (def && name && name !== 'runc' && !defined.has(name) && !(strict && name.startsWith('io.containerd.'))) {
    out.push(problemAt(def, 'error', 'unknown-default-runtime', l10n.t('Default runtime "{0}" is neither "runc" nor defined in "runtimes": dockerd refuses to start.', name)));
  }
  return out;
};

/** Does the object have a property `name` whose value is not null? (No allocation: runs for every runtime.) */
function hasNonNull(obj: Node, name: string): boolean {
  for (const c of obj.children ?? []) {
    const parts = c.children;
    if (c.type === 'property' && parts && parts.length > 0 && String(parts[0].value) === name && parts[1]?.type !== 'null') return true;
  }
  return false;
}
