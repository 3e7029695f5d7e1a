import * as l10n from '@vscode/l10n';
import { describeRange, parseCidr, parseIp } from '../../shared/cidr';
import type { ModeContext } from '../languageMode';
import { IMPLICIT_NETWORK } from './composeSchema';
import { usesDefaultNetwork, type ComposeModel, type NetworkDecl } from './model';
import { engineName, type ComposeProject } from './project/composeProject';
import { baseName } from './project/projectSpecs';
import { addressing } from './networkAddressing';
import { entry, isNull, scalarText, seqItems } from './yamlNodes';

/**
 * Markdown summary of a network for hovers on its declaration and references, over the
 * merged project (#16): every file's declaration of the network (which
 * file each part comes from, when several files declare it), the services of the whole
 * project that join it, its real name on the Engine (`name:`, else `<project>_<key>`;
 * compose-go `loader/normalize.go`) and, when the client is connected to an Engine, the
 * live network of that name, marked when its subnets differ from the file's.
 */
export function projectNetworkSummary(model: ComposeModel, name: string, project: ComposeProject, ctx: ModeContext): string {
  const users = new Set<string>();
  for (const svc of project.services.values()) {
    const mode = svc.networkMode?.decl.networkMode;
    if (svc.networks.has(name) || (name === IMPLICIT_NETWORK && svc.networks.size === 0 && (!mode || isNull(mode.value)))) users.add(svc.name);
  }
  const several = new Set((project.networks.get(name) ?? []).map((d) => d.file.uri)).size > 1;
  const decls = (project.networks.get(name) ?? []).map((d) => ({ model: d.file.model, decl: d.decl, file: several || d.file.model !== model ? baseName(d.file.uri) : undefined }));
  const lines = [renderNetwork(name, decls, [...users], project.incomplete)];
  const last = project.networks.get(name)?.at(-1);
  if (!last) return lines[0];
  const a = addressing(last.file.model, last.decl);
  const realName = engineName(project, last.file, last.decl, a.external);
  if (!realName) return lines[0];
  lines.push(`- ${l10n.t('name on the Engine: `{0}`', realName)}`);
  const live = ctx.liveNetworks?.find((n) => n.name === realName);
  if (live) {
    const liveSubnets = live.subnets.map((x) => x.subnet);
    const subnets = liveSubnets.length ? liveSubnets.map((x) => `\`${x}\``).join(', ') : l10n.t('no subnet');
    lines.push(`- ${l10n.t('on the connected Engine: {0} (driver `{1}`)', subnets, live.driver)}`);
    if (live.containers) lines.push(`- ${l10n.t('containers on it: {0}', live.containers.length ? listOf(live.containers.map((c) => `${c.name}${c.ipv4Address ? ` ${c.ipv4Address}` : ''}`)) : l10n.t('none'))}`);
    const fileSubnets = a.external ? [] : a.blocks.map((b) => b.subnet?.cidr?.network).filter((x): x is string => x !== undefined);
    const liveNorm = liveSubnets.map((x) => parseCidr(x)?.network ?? x);
    if (fileSubnets.length && (fileSubnets.length !== liveNorm.length || fileSubnets.some((x) => !liveNorm.includes(x)))) {
      lines.push(`- ⚠ ${l10n.t("the file's subnets differ from the live network's, which keeps the ones it was created with: recreate the network to apply (`docker compose down`, then `up`).")}`);
    }
  }
  return lines.join('\n');
}

/** At most this many service or container names in a hover: past it a hover is a wall of names. */
const MAX_LISTED_USERS = 20;

function listOfUsers(users: readonly string[]): string {
  return users.length === 0 ? l10n.t('no service') : listOf([...new Set(users)].sort());
}

/** Names in code spans, at most MAX_LISTED_USERS of them, then how many more. */
function listOf(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED_USERS).map((s) => `\`${s}\``).join(', ');
  return names.length > MAX_LISTED_USERS ? l10n.t('{0} and {1} more', shown, names.length - MAX_LISTED_USERS) : shown;
}

function renderNetwork(name: string, decls: { model: ComposeModel; decl: NetworkDecl; file?: string }[], users: string[], incomplete = false): string {
  const usedBy = listOfUsers(users);
  if (!decls.length) {
    if (name === IMPLICIT_NETWORK) {
      return `${l10n.t('**network `default`** (implicit)')}\n\n${l10n.t('The network Compose creates for services that set neither `networks` nor `network_mode`.')}\n\n${l10n.t('Used by: {0}', usedBy)}`;
    }
    return incomplete
      ? l10n.t('**network `{0}`**: not declared under the top-level `networks` of the files that could be read.', name)
      : l10n.t('**network `{0}`**: not declared under the top-level `networks`.', name);
  }
  const externalNow = addressing(decls[decls.length - 1].model, decls[decls.length - 1].decl).external;
  const lines = [externalNow ? l10n.t('**network `{0}`** (external)', name) : l10n.t('**network `{0}`**', name), ''];
  for (const { model, decl, file } of decls.length > 1 && decls.some((d) => d.file) ? decls : decls.slice(-1)) {
    const a = addressing(model, decl);
    const parts: string[] = [];
    const realName = scalarText(entry(decl.entries, 'name')?.value ?? null);
    if (realName) parts.push(`name: \`${realName}\``);
    if (!a.external) parts.push(`driver: \`${a.driver ?? 'bridge'}\``);
    for (const b of a.blocks) {
      const block = [b.subnet ? `subnet \`${b.subnet.text}\`` : l10n.t('no subnet')];
      if (b.ipRange) block.push(`ip_range \`${b.ipRange.text}\``);
      if (b.gateway) block.push(`gateway \`${b.gateway.text}\``);
      parts.push(block.join(', '));
    }
    if (!a.external && a.blocks.length === 0) parts.push(l10n.t('subnet: allocated by the Engine'));
    if (a.enableIpv6) parts.push(l10n.t('IPv6 enabled'));
    if (file) lines.push(`- ${l10n.t('from `{0}`: {1}', file, parts.join('; '))}`);
    else lines.push(...parts.map((x) => `- ${x}`));
  }
  lines.push(`- ${l10n.t('used by: {0}', usedBy)}`);
  return lines.join('\n');
}

/** Markdown for an address value: the range a CIDR block spans, or the family of an IP. */
export function addressSummary(text: string): string | undefined {
  const c = parseCidr(text);
  if (c) return `\`${c.network}\`: ${describeRange(c)}${c.hostBitsSet ? `\n\n${l10n.t('Host bits are set: the block is `{0}`.', c.network)}` : ''}`;
  const ip = parseIp(text);
  if (ip) return l10n.t('IPv{0} address `{1}`', ip.family, ip.text);
  return undefined;
}

/**
 * Markdown summary of a service's networking, for hovers on `network_mode: service:NAME`
 * and on service keys: its network_mode or the networks it joins (with static
 * addresses and aliases), and which services share its network stack. Undefined for
 * a service that is not in the file.
 */
export function serviceSummary(model: ComposeModel, name: string): string | undefined {
  const decls = model.servicesByName.get(name);
  if (!decls) return undefined;
  const lines = [l10n.t('**service `{0}`**', name), ''];
  // Later layers (documents) override earlier ones: the last network_mode written wins.
  const withMode = [...decls].reverse().find((d) => d.networkMode && !isNull(d.networkMode.value));
  const mode = withMode ? scalarText(withMode.networkMode!.value) : undefined;
  if (mode?.startsWith('service:')) lines.push(`- ${l10n.t('network_mode: shares the network stack of `{0}`', mode.slice('service:'.length))}`);
  else if (mode !== undefined) lines.push(`- network_mode: \`${mode}\``);
  else if (decls.every(usesDefaultNetwork)) lines.push(`- ${l10n.t('networks: `{0}` (implicit)', IMPLICIT_NETWORK)}`);
  else {
    const seen = new Set<string>();
    for (const r of model.refs) {
      if (r.service.name !== name || seen.has(r.network)) continue;
      seen.add(r.network);
      const parts: string[] = [];
      for (const key of ['ipv4_address', 'ipv6_address']) {
        const v = scalarText(entry(r.configEntries, key)?.value ?? null);
        if (v) parts.push(`\`${v}\``);
      }
      const aliases = seqItems(r.service.doc, entry(r.configEntries, 'aliases')?.value ?? null)
        .map(scalarText)
        .filter((a): a is string => a !== undefined);
      if (aliases.length) parts.push(l10n.t('aliases {0}', aliases.map((a) => `\`${a}\``).join(', ')));
      lines.push(`- ${parts.length ? l10n.t('network `{0}`: {1}', r.network, parts.join(', ')) : l10n.t('network `{0}`', r.network)}`);
    }
  }
  const sharing = [...new Set(model.modeRefs.filter((m) => m.target === name).map((m) => m.from.name))].sort();
  if (sharing.length) lines.push(`- ${l10n.t('its network stack is shared by: {0}', sharing.map((s) => `\`${s}\``).join(', '))}`);
  return lines.join('\n');
}

/** Whether a service key deserves a networking hover: it has network settings or others share its stack. */
export function hasNetworking(model: ComposeModel, name: string): boolean {
  const decls = model.servicesByName.get(name) ?? [];
  return decls.some((d) => d.networks !== undefined || d.networkMode !== undefined) || model.modeRefs.some((m) => m.target === name);
}
