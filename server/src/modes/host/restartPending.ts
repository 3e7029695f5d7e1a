import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { parseCidr } from '../../shared/cidr';
import type { RunningDaemon } from '../../shared/runningDaemon';
import { lastValue, stringItems, stringValue, type DaemonJsonModel } from '../daemonJson/model';
import { VALUE_RULES } from '../daemonJson/valueRules';
import { maskCredentials } from './effectiveProxies';

/** A setting whose saved value differs from what the running dockerd reports. */
export interface PendingChange {
  key: string;
  /** The key in daemon.json; undefined when the file no longer sets it. */
  node?: Node;
  saved: string;
  running: string;
}

/** The CIDRs dockerd adds to the insecure registries itself (see pendingChanges; schemas/daemonValueRules.json). */
const ALWAYS_INSECURE = VALUE_RULES.alwaysInsecureRegistries.cidrs;

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));
const show = (a: readonly string[]): string => (a.length ? a.join(', ') : 'none');

/**
 * The settings of a saved daemon.json that the running dockerd does not use yet (#17):
 * compared with its `/info` (shared/runningDaemon.ts). dockerd reads the file only at
 * start (and a few keys on SIGHUP), so a difference means a restart is pending. Only what
 * /info reports is compared, with dockerd's defaults for keys the file leaves out
 * (json-file, live-restore off, no labels/mirrors); pools and proxies only when the file
 * sets them (otherwise other sources decide). Mirrors compare without the trailing `/`
 * dockerd adds; the loopback ranges are always insecure CIDRs (127.0.0.0/8, and ::1/128
 * as dockerd 28.5 reports too: the Engine API's RegistryServiceConfig "by default, local
 * registries (::1/128 and 127.0.0.0/8) are configured as insecure"); proxies compare
 * masked, as /info shows them.
 */
export function pendingChanges(model: DaemonJsonModel, running: RunningDaemon): PendingChange[] {
  const out: PendingChange[] = [];
  const top = (k: string) => model.top.get(k);
  const list = (k: string): string[] => stringItems(top(k)?.value).map((i) => i.value);
  const push = (key: string, saved: string, run: string): void => {
    out.push({ key, node: top(key)?.key, saved, running: run });
  };
  const noSlash = (s: string) => s.replace(/\/+$/, '');
  if (running.registryMirrors) {
    const saved = list('registry-mirrors').map(noSlash);
    const run = running.registryMirrors.map(noSlash);
    if (!sameSet(saved, run)) push('registry-mirrors', show(saved), show(run));
  }
  if (running.insecureCidrs && running.insecureNames) {
    const saved = list('insecure-registries');
    const savedCidrs = saved.filter((s) => parseCidr(s)).map((s) => parseCidr(s)!.network);
    const savedNames = saved.filter((s) => !parseCidr(s));
    const runCidrs = running.insecureCidrs.filter((c) => !ALWAYS_INSECURE.includes(c));
    if (!sameSet(savedCidrs, runCidrs) || !sameSet(savedNames, running.insecureNames)) push('insecure-registries', show(saved), show([...runCidrs, ...running.insecureNames]));
  }
  if (running.labels) {
    const saved = list('labels');
    if (!sameSet(saved, running.labels)) push('labels', show(saved), show(running.labels));
  }
  if (running.loggingDriver !== undefined) {
    const saved = stringValue(top('log-driver')?.value) ?? 'json-file';
    if (saved !== running.loggingDriver) push('log-driver', saved, running.loggingDriver);
  }
  if (running.liveRestore !== undefined) {
    const v = top('live-restore')?.value;
    const saved = v?.type === 'boolean' ? (v.value as boolean) : false;
    if (saved !== running.liveRestore) push('live-restore', String(saved), String(running.liveRestore));
  }
  const cgroup = list('exec-opts').map((o) => /^\s*native\.cgroupdriver\s*=\s*(\S+)\s*$/i.exec(o)?.[1]).filter(Boolean).pop();
  if (cgroup && running.cgroupDriver && cgroup !== running.cgroupDriver) push('exec-opts', `native.cgroupdriver=${cgroup}`, l10n.t('cgroup driver {0}', running.cgroupDriver));
  const pools = top('default-address-pools')?.value;
  if (pools?.type === 'array' && running.defaultAddressPools !== undefined) {
    const saved = (pools.children ?? []).map((p) => `${stringValue(lastValue(p, 'base')) ?? '?'} size ${String(lastValue(p, 'size')?.value ?? '?')}`);
    const run = (running.defaultAddressPools ?? []).map((p) => `${p.base} size ${p.size}`);
    if (!sameSet(saved, run)) push('default-address-pools', show(saved), show(run));
  }
  const proxies = top('proxies')?.value;
  if (proxies?.type === 'object') {
    for (const [key, run] of [['http-proxy', running.httpProxy], ['https-proxy', running.httpsProxy], ['no-proxy', running.noProxy]] as const) {
      const saved = stringValue(lastValue(proxies, key));
      if (saved === undefined || run === undefined) continue;
      const masked = key === 'no-proxy' ? saved : maskCredentials(saved);
      if (masked !== run) out.push({ key: `proxies.${key}`, node: top('proxies')?.key, saved: masked, running: run || 'none' });
    }
  }
  return out;
}

/** The command that applies a saved daemon.json (we never run it ourselves). */
export const RESTART_COMMAND = 'sudo systemctl daemon-reload && sudo systemctl restart docker';
