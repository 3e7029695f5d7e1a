import { describeRange, parseCidr, parseIp } from '../utils/cidr';
import { IMPLICIT_NETWORK } from './composeSchema';
import { usesDefaultNetwork, type ComposeModel } from './composeModel';
import { addressing } from './networkAddressing';
import { entry, scalarText } from './yamlNodes';

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
