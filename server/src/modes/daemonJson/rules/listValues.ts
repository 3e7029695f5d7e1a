import * as l10n from '@vscode/l10n';
import { parseIp } from '../../../shared/cidr';
import { type DaemonJsonProblem, type DaemonJsonRule, stringItems, stringValue, topValue } from '../model';
import { problemAt } from '../problemAt';
import { target } from '../target';
import { refusedSince, refuses, VALUE_RULES } from '../valueRules';

/**
 * Items of the string lists dockerd validates: labels, dns, dns-search, exec-opts,
 * node-generic-resources, host-gateway-ips, and the single IPs ip / default-gateway /
 * host-gateway-ip (moby daemon/config Validate, opts.ValidateLabel, ValidateIPAddress;
 * docker-facts §2.5; runs on 20.10).
 */
const DOMAIN = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*\.?$/;

export const listValues: DaemonJsonRule = (model, ctx) => {
  const t = target(ctx);
  const out: DaemonJsonProblem[] = [];

  const seen = new Map<string, string>();
  for (const { node, value } of stringItems(topValue(model, 'labels'))) {
    const eq = value.indexOf('=');
    if (eq <= 0) {
      out.push(problemAt(node, 'error', 'invalid-label', l10n.t('Label "{0}" must be written key=value: dockerd refuses to start.', value)));
      continue;
    }
    const key = value.slice(0, eq);
    const reserved = reservedNamespace(key);
    if (reserved) out.push(problemAt(node, 'error', 'reserved-label', l10n.t('Label "{0}" uses the reserved namespace {1}*: dockerd refuses to start. Choose another prefix.', value, reserved)));
    const prev = seen.get(key);
    if (prev !== undefined && prev !== value) out.push(problemAt(node, 'error', 'conflicting-label', l10n.t('Label key "{0}" is set twice with different values ("{1}" and "{2}"): dockerd refuses to start.', key, prev, value)));
    seen.set(key, value);
  }

  for (const { node, value } of stringItems(topValue(model, 'dns'))) {
    if (!parseIp(value)) out.push(problemAt(node, 'error', 'invalid-ip', l10n.t('"{0}" is not an IP address: dockerd refuses to start. dns takes server addresses such as "1.1.1.1".', value)));
  }
  for (const { node, value } of stringItems(topValue(model, 'dns-search'))) {
    if (value !== '.' && !DOMAIN.test(value)) out.push(problemAt(node, 'error', 'invalid-domain', l10n.t('"{0}" is not a valid domain: dockerd refuses to start.', value)));
  }
  for (const { node, value } of stringItems(topValue(model, 'node-generic-resources'))) {
    if (!/^[^=]+=[^=]+$/.test(value)) out.push(problemAt(node, 'error', 'invalid-generic-resource', l10n.t('"{0}" must be NAME=VALUE (e.g. "GPU=UUID1" or "SSD=2"): dockerd refuses to start.', value)));
  }

  // exec-opts (moby daemon/config parseExecOptions + validatePlatformExecOpt, from 28.0;
  // daemon_windows.go setDefaultIsolation for the isolation value, every release). Names
  // are lower-cased and trimmed; each platform knows only its own option.
  const platform = t.platform;
  const other = platform === 'linux' ? 'windows' : 'linux';
  const strictSince = refusedSince('exec-opt-shape');
  for (const { node, value } of stringItems(topValue(model, 'exec-opts'))) {
    const eq = value.indexOf('=');
    const shapeErr = refuses('exec-opt-shape', t.version);
    const sev = shapeErr ? 'error' : 'warning';
    if (eq <= 0) {
      out.push(problemAt(node, sev, 'invalid-exec-opt', shapeErr ? l10n.t('exec-opt "{0}" must be name=value: dockerd refuses to start.', value) : l10n.t('exec-opt "{0}" is not name=value; Engine {1} skips it (Engine {2} refuses it).', value, t.versionText, String(strictSince))));
      continue;
    }
    const name = value.slice(0, eq).trim().toLowerCase();
    const val = value.slice(eq + 1).trim();
    if (VALUE_RULES.execOpts[other].includes(name)) {
      out.push(problemAt(node, sev, 'invalid-exec-opt', shapeErr ? l10n.t('exec-opt "{0}" only exists on {1}: dockerd on {2} refuses to start. Remove it.', name, other, platform) : l10n.t('exec-opt "{0}" only exists on {1}: Engine {2} on {3} ignores it (Engine {4} refuses it). Remove it.', name, other, t.versionText, platform, String(strictSince))));
    } else if (!VALUE_RULES.execOpts[platform].includes(name)) {
      out.push(problemAt(node, sev, 'invalid-exec-opt', shapeErr ? l10n.t('Unknown exec-opt "{0}" on {1}: dockerd refuses to start. Use {2}.', name, platform, VALUE_RULES.execOpts[platform].join(', ')) : l10n.t('Unknown exec-opt "{0}" on {1}: Engine {2} ignores it (Engine {3} refuses it).', name, platform, t.versionText, String(strictSince))));
    } else if (name === 'native.cgroupdriver' && !VALUE_RULES.cgroupDrivers.includes(val)) {
      out.push(problemAt(node, 'error', 'invalid-cgroup-driver', l10n.t('"{0}" is not a cgroup driver: dockerd refuses to start. Use "native.cgroupdriver=systemd" or "native.cgroupdriver=cgroupfs".', val)));
    } else if (name === 'isolation' && !VALUE_RULES.isolationValues.values.includes(val.toLowerCase())) {
      out.push(problemAt(node, 'error', 'invalid-isolation', l10n.t('"{0}" is not an isolation mode: dockerd refuses to start. Use "isolation=process" or "isolation=hyperv".', val)));
    }
  }

  // Single addresses: dockerd parses them while loading the file (ValidateIPAddress).
  for (const [key, family] of [['ip', undefined], ['default-gateway', 4], ['default-gateway-v6', 6], ['host-gateway-ip', undefined]] as const) {
    const node = topValue(model, key);
    const value = stringValue(node);
    if (!node || value === undefined || value === '') continue;
    const ip = parseIp(value);
    if (!ip) out.push(problemAt(node, 'error', 'invalid-ip', l10n.t('"{0}" is not an IP address: dockerd refuses to start.', value)));
    else if (family && ip.family !== family) out.push(problemAt(node, 'error', 'invalid-ip', l10n.t('"{0}" needs an IPv{1} address, not "{2}".', key, family, value)));
  }
  const gws = stringItems(topValue(model, 'host-gateway-ips'));
  const fams = new Map<number, number>();
  for (const { node, value } of gws) {
    const ip = parseIp(value);
    if (!ip) {
      out.push(problemAt(node, 'error', 'invalid-ip', l10n.t('"{0}" is not an IP address: dockerd refuses to start.', value)));
      continue;
    }
    fams.set(ip.family, (fams.get(ip.family) ?? 0) + 1);
    if (fams.get(ip.family) === 2) out.push(problemAt(node, 'error', 'invalid-ip', l10n.t('Only one IPv{0} host gateway address may be given: dockerd refuses to start.', ip.family)));
  }
  return out;
};

/**
 * The reserved namespace a label key starts with, compared on the lower-cased key.
 * Keys are compared in place while they are ASCII (2,000 labels are common in big
 * files); only a non-ASCII character in the compared part needs the full toLowerCase.
 */
export function reservedNamespace(key: string): string | undefined {
  const list = VALUE_RULES.reservedLabelNamespaces;
  for (let i = 0; i < list.length; i++) if (startsWithLowerCased(key, list[i])) return list[i];
  return undefined;
}

function startsWithLowerCased(key: string, prefix: string): boolean {
  const n = Math.min(prefix.length, key.length);
  for (let i = 0; i < n; i++) {
    let c = key.charCodeAt(i);
    if (c >= 128) return key.toLowerCase().startsWith(prefix);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== prefix.charCodeAt(i)) return false;
  }
  return key.length >= prefix.length;
}
