import type { Diagnostic } from 'vscode-languageserver-types';
import { availability, reached, TOP_LEVEL } from '../daemonSchema';
import { properties } from '../parseDaemonJson';
import { diag, type DiagnosticData, type KeysRule, type RuleContext, stringItems, stringValue, topValue } from '../ruleContext';

/**
 * `storage-driver` (moby daemon/graphdriver driver.go checkRemoved, driver_linux.go;
 * docker-facts §1.4.9, §3): removed drivers refuse the start; an unknown name is looked
 * up as a plugin, which 20.10 refuses outside experimental mode (run). With the
 * containerd image store (default from 29.0, or features.containerd-snapshotter) the
 * name is a containerd snapshotter, which we do not list: then only a warning.
 * Deprecated drivers still work but may be missing from the kernel.
 */
export const storageDriver: KeysRule = { name: 'storageDriver', keys: ['storage-driver', 'features', 'storage-opts'], run: judgeStorageDriver };

function judgeStorageDriver(rc: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const node = topValue(rc, 'storage-driver');
  const name = stringValue(node);
  const values = TOP_LEVEL['storage-driver']['x-values'] ?? {};
  // On a platform that has no storage-driver option (Windows from 23.0) topLevelKeys reports the key.
  const keyState = availability(TOP_LEVEL['storage-driver'], rc.version, rc.platform).state;
  if (node && name && keyState !== 'platform') {
    const info = values[name];
    const snapshotterFeature = properties(topValue(rc, 'features')).filter((p) => p.name === 'containerd-snapshotter').pop()?.value?.value;
    const snapshotter = snapshotterFeature === true || (snapshotterFeature !== false && reached(rc.version, '29.0'));
    if (!info) {
      out.push(diag(rc, node, snapshotter ? 'warning' : 'error', 'unknown-storage-driver', `"${name}" is not a storage driver of Engine ${rc.versionText}${snapshotter ? ' (with the containerd image store it must name a containerd snapshotter)' : ': dockerd refuses to start'}. Use ${Object.keys(values).filter((v) => availability(values[v], rc.version, rc.platform).state === 'ok').join(', ')}.`));
    } else {
      const a = availability(info, rc.version, rc.platform);
      const fixes: DiagnosticData['fixes'] = 'replacement' in a && a.replacement ? [{ title: `Change to "${a.replacement}"`, fix: { kind: 'replaceValue', to: a.replacement } }] : [];
      if (a.state === 'removed') out.push(diag(rc, node, 'error', 'storage-driver-removed', `The ${name} storage driver was removed in Engine ${a.removed}: dockerd refuses to start.${a.replacement ? ` Use "${a.replacement}".` : ''}`, fixes));
      else if (a.state === 'deprecated') out.push(diag(rc, node, 'warning', 'storage-driver-deprecated', `The ${name} storage driver is deprecated since Engine ${a.deprecated} and removed in ${info['x-removed']}; dockerd also refuses to start if the kernel lacks it.${a.replacement ? ` Use "${a.replacement}".` : ''}`, fixes));
      else if (a.state === 'platform') out.push(diag(rc, node, 'error', 'storage-driver-wrong-platform', `The ${name} storage driver exists only on ${a.platforms.join(', ')}.`));
    }
  }
  // overlay2.override_kernel_check: ignored with a warning in 23.0, unknown (refused) from 24.0 (docker-facts §3).
  for (const { node: item, value } of stringItems(topValue(rc, 'storage-opts'))) {
    if (!/^overlay2\.override_kernel_check=/.test(value)) continue;
    if (reached(rc.version, '24.0')) out.push(diag(rc, item, 'error', 'storage-opt-removed', '"overlay2.override_kernel_check" was removed in Engine 24.0: the overlay2 driver refuses it and dockerd does not start. Remove it.'));
    else out.push(diag(rc, item, 'warning', 'storage-opt-deprecated', '"overlay2.override_kernel_check" is deprecated (ignored from 23.0, refused from 24.0). Remove it.'));
  }
  return out;
}
