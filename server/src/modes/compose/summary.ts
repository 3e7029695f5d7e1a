import { describeRange, parseCidr, parseIp } from '../../shared/cidr';
import { IMPLICIT_NETWORK } from './composeSchema';
import { usesDefaultNetwork, type ComposeModel } from './model';
import { addressing } from './networkAddressing';
import { entry, isNull, scalarText, seqItems } from './yamlNodes';

/** Markdown summary of a network for hovers on its declaration and references. */
export function networkSummary(model: ComposeModel, name: string): string {
  const decls = model.networksByKey.get(name);
  const users = new Set(model.refs.filter((r) => r.network === name).map((r) => r.service.name));
  if (name === IMPLICIT_NETWORK) for (const [svc, d] of model.servicesByName) if (d.every(usesDefaultNetwork)) users.add(svc);
  const usedBy = users.size ? [...users].sort().map((s) => `\`${s}\``).join(', ') : 'no service';
  if (!decls) {
    if (name === IMPLICIT_NETWORK) return `**network \`default\`** (implicit)\n\nThe network Compose creates for services that set neither \`networks\` nor \`network_mode\`.\n\nUsed by: ${usedBy}`;
    return `**network \`${name}\`**: not declared under the top-level \`networks\`.`;
  }
  const decl = decls[decls.length - 1];
  const a = addressing(model, decl);
  const lines = [`**network \`${name}\`**${a.external ? ' (external)' : ''}`, ''];
  const realName = scalarText(entry(decl.entries, 'name')?.value ?? null);
  if (realName) lines.push(`- name: \`${realName}\``);
  if (!a.external) lines.push(`- driver: \`${a.driver ?? 'bridge'}\``);
  for (const b of a.blocks) {
    const parts = [b.subnet ? `subnet \`${b.subnet.text}\`` : 'no subnet'];
    if (b.ipRange) parts.push(`ip_range \`${b.ipRange.text}\``);
    if (b.gateway) parts.push(`gateway \`${b.gateway.text}\``);
    lines.push(`- ${parts.join(', ')}`);
  }
  if (!a.external && a.blocks.length === 0) lines.push('- subnet: allocated by the Engine');
  if (a.enableIpv6) lines.push('- IPv6 enabled');
  lines.push(`- used by: ${usedBy}`);
  return lines.join('\n');
}

/** Markdown for an address value: the range a CIDR block spans, or the family of an IP. */
export function addressSummary(text: string): string | undefined {
  const c = parseCidr(text);
  if (c) return `\`${c.network}\`: ${describeRange(c)}${c.hostBitsSet ? `\n\nHost bits are set: the block is \`${c.network}\`.` : ''}`;
  const ip = parseIp(text);
  if (ip) return `IPv${ip.family} address \`${ip.text}\``;
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
  const lines = [`**service \`${name}\`**`, ''];
  // Later layers (documents) override earlier ones: the last network_mode written wins.
  const withMode = [...decls].reverse().find((d) => d.networkMode && !isNull(d.networkMode.value));
  const mode = withMode ? scalarText(withMode.networkMode!.value) : undefined;
  if (mode?.startsWith('service:')) lines.push(`- network_mode: shares the network stack of \`${mode.slice('service:'.length)}\``);
  else if (mode !== undefined) lines.push(`- network_mode: \`${mode}\``);
  else if (decls.every(usesDefaultNetwork)) lines.push(`- networks: \`${IMPLICIT_NETWORK}\` (implicit)`);
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
      if (aliases.length) parts.push(`aliases ${aliases.map((a) => `\`${a}\``).join(', ')}`);
      lines.push(`- network \`${r.network}\`${parts.length ? `: ${parts.join(', ')}` : ''}`);
    }
  }
  const sharing = [...new Set(model.modeRefs.filter((m) => m.target === name).map((m) => m.from.name))].sort();
  if (sharing.length) lines.push(`- its network stack is shared by: ${sharing.map((s) => `\`${s}\``).join(', ')}`);
  return lines.join('\n');
}

/** Whether a service key deserves a networking hover: it has network settings or others share its stack. */
export function hasNetworking(model: ComposeModel, name: string): boolean {
  const decls = model.servicesByName.get(name) ?? [];
  return decls.some((d) => d.networks !== undefined || d.networkMode !== undefined) || model.modeRefs.some((m) => m.target === name);
}
