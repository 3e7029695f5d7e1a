import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import { availability, TOP_LEVEL } from '../daemonSchema';
import { type DaemonJsonFix, type DaemonJsonProblem, type DaemonJsonRule, pathOf, properties, stringItems, stringValue, topValue } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { featureOn, ignoredSince, refusedSince, refuses } from '../valueRules';

/**
 * `storage-driver` (moby daemon/graphdriver driver.go checkRemoved, driver_linux.go;
 * docker-facts §1.4.9, §3): removed drivers refuse the start; an unknown name is looked
 * up as a plugin, which 20.10 refuses outside experimental mode (run). With the
 * containerd image store (on by default from the Engine schemas/daemonValueRules.json
 * featureDefaults names, or features.containerd-snapshotter) the
 * name is a containerd snapshotter, which we do not list: then only a warning.
 * Deprecated drivers still work but may be missing from the kernel.
 */
export const storageDriver: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  const node = topValue(model, 'storage-driver');
  const name = stringValue(node);
  const values = TOP_LEVEL['storage-driver']['x-values'] ?? {};
  // On a platform that has no storage-driver option (Windows from 23.0) topLevelKeys reports the key.
  const keyState = availability(TOP_LEVEL['storage-driver'], t.version, t.platform).state;
  if (node && name && keyState !== 'platform') {
    const info = values[name];
    const snapshotterFeature = properties(topValue(model, 'features')).filter((p) => p.name === 'containerd-snapshotter').pop()?.value?.value;
    const snapshotter = featureOn('containerd-snapshotter', snapshotterFeature, t.version);
    if (!info) {
      const usable = Object.keys(values).filter((v) => availability(values[v], t.version, t.platform).state === 'ok').join(', ');
      out.push(problemAt(node, snapshotter ? 'warning' : 'error', 'unknown-storage-driver', snapshotter
        ? l10n.t('"{0}" is not a storage driver of Engine {1} (with the containerd image store it must name a containerd snapshotter). Use {2}.', name, t.versionText, usable)
        : l10n.t('"{0}" is not a storage driver of Engine {1}: dockerd refuses to start. Use {2}.', name, t.versionText, usable)));
    } else {
      const a = availability(info, t.version, t.platform);
      const fixes: DaemonJsonFix[] = 'replacement' in a && a.replacement ? [{ title: l10n.t('Change to "{0}"', a.replacement), kind: 'replaceValue', path: pathOf(node), from: name, to: a.replacement }] : [];
      if (a.state === 'removed') out.push(problemAt(node, 'error', 'storage-driver-removed', sentences(l10n.t('The {0} storage driver was removed in Engine {1}: dockerd refuses to start.', name, a.removed), a.replacement ? l10n.t('Use "{0}".', a.replacement) : ''), fixes));
      else if (a.state === 'deprecated') out.push(problemAt(node, 'warning', 'storage-driver-deprecated', sentences(l10n.t('The {0} storage driver is deprecated since Engine {1} and removed in {2}; dockerd also refuses to start if the kernel lacks it.', name, a.deprecated, info['x-removed'] ?? ''), a.replacement ? l10n.t('Use "{0}".', a.replacement) : ''), fixes));
      else if (a.state === 'platform') out.push(problemAt(node, 'error', 'storage-driver-wrong-platform', l10n.t('The {0} storage driver exists only on {1}.', name, a.platforms.join(', '))));
    }
  }
  // overlay2.override_kernel_check: ignored with a warning, then an unknown option that
  // refuses the start (versions in schemas/daemonValueRules.json; docker-facts §3).
  const kernelCheck = 'overlay2-override-kernel-check';
  for (const { node: item, value } of stringItems(topValue(model, 'storage-opts'))) {
    if (!/^overlay2\.override_kernel_check=/.test(value)) continue;
    if (refuses(kernelCheck, t.version)) out.push(problemAt(item, 'error', 'storage-opt-removed', l10n.t('"overlay2.override_kernel_check" was removed in Engine {0}: the overlay2 driver refuses it and dockerd does not start. Remove it.', refusedSince(kernelCheck) ?? '')));
    else out.push(problemAt(item, 'warning', 'storage-opt-deprecated', l10n.t('"overlay2.override_kernel_check" is deprecated (ignored from {0}, refused from {1}). Remove it.', ignoredSince(kernelCheck) ?? '', refusedSince(kernelCheck) ?? '')));
  }
  return out;
};
