import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { type DaemonJsonModel, type DaemonJsonProblem, type DaemonJsonRule, properties, stringValue, topValue } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { refusedSince, refuses } from '../valueRules';

/**
 * Settings dockerd refuses together at start (docker-facts §2.3, §2.5–2.6; runs on 20.10
 * for bridge+bip and icc+iptables): each diagnostic sits on the second key.
 */
function keyNode(model: DaemonJsonModel, name: string): Node | undefined {
  return model.top.get(name)?.key;
}

export const combinations: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];
  const val = (k: string) => topValue(model, k)?.value as unknown;
  const feature = (k: string) => properties(topValue(model, 'features')).filter((p) => p.name === k).pop()?.value?.value as unknown;

  if (stringValue(topValue(model, 'bridge')) && stringValue(topValue(model, 'bip'))) {
    out.push(problemAt(keyNode(model, 'bip')!, 'error', 'bridge-with-bip', l10n.t('"bridge" and "bip" cannot be used together: dockerd refuses to start. Configure the address on your own bridge, or drop "bridge".')));
  }
  if (val('icc') === false && val('iptables') === false) {
    out.push(problemAt(keyNode(model, 'icc')!, 'error', 'icc-needs-iptables', l10n.t('"icc": false needs iptables to block traffic, but "iptables" is false: dockerd refuses to start. Set one of them to true.')));
  }
  if (val('icc') === false && val('ip6tables') === false && val('ipv6') === true) {
    out.push(problemAt(keyNode(model, 'icc')!, 'warning', 'icc-needs-ip6tables', l10n.t('"icc": false with IPv6 needs ip6tables, but "ip6tables" is false.')));
  }
  // ip6tables was experimental until moby#47747 (27.0); before it dockerd checks both pairs at
  // start (daemon_unix.go verifyDaemonSettings; the bridge driver's chains with iptables off).
  if (val('ip6tables') === true && val('experimental') !== true && refuses('ip6tables-experimental', t.version)) {
    out.push(problemAt(keyNode(model, 'ip6tables')!, 'error', 'ip6tables-needs-experimental', l10n.t('"ip6tables": true needs "experimental": true on Engine {0}: dockerd refuses to start. Add "experimental": true, or target Engine 27.0 or later.', t.versionText)));
  }
  if (val('ip6tables') === true && val('iptables') === false && refuses('ip6tables-without-iptables', t.version)) {
    out.push(problemAt(keyNode(model, 'ip6tables')!, 'error', 'ip6tables-needs-iptables', l10n.t('"ip6tables": true with "iptables": false: Engine {0} cannot create its IPv6 chains and refuses to start. Set "iptables" to true, or "ip6tables" to false.', t.versionText)));
  }
  if (topValue(model, 'host-gateway-ip') && topValue(model, 'host-gateway-ips')) {
    out.push(problemAt(keyNode(model, 'host-gateway-ip')!, 'error', 'host-gateway-ip-conflict', l10n.t('host-gateway-ip and host-gateway-ips must not both be set: dockerd refuses to start. Keep only "host-gateway-ips".'), [{ title: l10n.t('Remove "{0}"', 'host-gateway-ip'), kind: 'removeProperty', path: model.top.get('host-gateway-ip')!.path }]));
  }
  if (feature('embedded-containerd') === true && val('cri-containerd') === true) {
    out.push(problemAt(keyNode(model, 'cri-containerd')!, 'error', 'embedded-containerd-with-cri', l10n.t('The "embedded-containerd" feature and "cri-containerd" cannot be used together: dockerd refuses to start.')));
  }
  if (feature('containerd-snapshotter') === true && stringValue(topValue(model, 'userns-remap'))) {
    const err = refuses('snapshotter-userns', t.version);
    out.push(problemAt(keyNode(model, 'userns-remap')!, err ? 'error' : 'warning', 'snapshotter-with-userns', err
      ? l10n.t('The containerd image store (features.containerd-snapshotter) does not support "userns-remap": dockerd refuses to start. Remove one of them.')
      : l10n.t('The containerd image store (features.containerd-snapshotter) does not support "userns-remap": Engine {0} starts, but builds break (moby#47377) and Engine {1} refuses it. Remove one of them.', t.versionText, refusedSince('snapshotter-userns') ?? '')));
  }
  // tls/tlsverify without certificate paths: dockerd falls back to ~/.docker/{ca,cert,key}.pem and
  // refuses to start when they are missing (docker-facts §8.5, seed 000).
  if (val('tlsverify') === true || val('tls') === true) {
    for (const k of ['tlscert', 'tlskey', ...(val('tlsverify') === true ? ['tlscacert'] : [])]) {
      if (!stringValue(topValue(model, k))) {
        out.push(problemAt(keyNode(model, val('tlsverify') === true ? 'tlsverify' : 'tls')!, 'warning', 'tls-without-certificates', l10n.t('TLS is on but "{0}" is not set: dockerd looks in ~/.docker/ of the user it runs as and refuses to start if the file is missing. Set "{0}".', k)));
      }
    }
  }
  const uproxy = stringValue(topValue(model, 'userland-proxy-path'));
  if (uproxy && !uproxy.startsWith('/') && val('userland-proxy') !== false) {
    const err = refuses('userland-proxy-path-relative', t.version);
    out.push(problemAt(topValue(model, 'userland-proxy-path')!, err ? 'error' : 'warning', 'userland-proxy-path-relative', err
      ? l10n.t('userland-proxy-path must be an absolute path: dockerd refuses to start.')
      : l10n.t('userland-proxy-path must be an absolute path; Engine {0} accepts a relative one, Engine {1} refuses it.', t.versionText, refusedSince('userland-proxy-path-relative') ?? '')));
  }
  return out;
};
