import type { Diagnostic } from 'vscode-languageserver-types';
import { overlaps, parseCidr, type ParsedCidr } from '../../utils/cidr';
import { lastValue, properties } from '../parseDaemonJson';
import { diag, type RuleContext, stringValue } from '../ruleContext';

/**
 * `default-address-pools` (moby libnetwork ipamutils / defaultipam allocator;
 * docker-facts §1.4.2; runs on 20.10): base must be a CIDR, size at least the base's
 * prefix length ("invalid pools size" refuses the start). Overlapping pools, or a pool
 * overlapping `bip`, are accepted but hand out clashing subnets: warnings.
 */
export function addressPools(rc: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const pools = lastValue(rc.parsed.object, 'default-address-pools');
  if (pools?.type !== 'array') return out;
  const parsed: { cidr: ParsedCidr; node: NonNullable<typeof pools.children>[number] }[] = [];
  for (const item of pools.children ?? []) {
    if (item.type !== 'object') continue;
    const base = properties(item).filter((p) => p.name === 'base').pop()?.value;
    const size = properties(item).filter((p) => p.name === 'size').pop()?.value;
    const baseText = stringValue(base);
    const cidr = baseText !== undefined ? parseCidr(baseText) : undefined;
    if (!base || !cidr) {
      out.push(diag(rc, base ?? item, 'error', 'invalid-pool', base ? `Pool base "${baseText ?? ''}" is not a CIDR block: dockerd refuses to start.` : 'This pool has no "base": dockerd refuses to start.'));
      continue;
    }
    if (size && size.type !== 'number') continue; // valueTypes reports it
    if (!size || (size.value as number) <= 0) {
      out.push(diag(rc, size ?? item, 'error', 'invalid-pool', 'A pool needs a "size" (the prefix length of the subnets it hands out): dockerd refuses to start.'));
      continue;
    }
    const n = size.value as number;
    if (n < cidr.prefix) {
      out.push(diag(rc, size, 'error', 'invalid-pool-size', `size ${n} is shorter than the base's prefix /${cidr.prefix}: dockerd refuses to start. Use a size of ${cidr.prefix} or more.`));
    } else if (n > (cidr.family === 4 ? 32 : 128)) {
      out.push(diag(rc, size, 'error', 'invalid-pool-size', `size ${n} is longer than an IPv${cidr.family} address: dockerd refuses to start.`));
    }
    for (const other of parsed) {
      if (overlaps(other.cidr, cidr)) out.push(diag(rc, base, 'warning', 'overlapping-pools', `Pool ${cidr.network} overlaps pool ${other.cidr.network}; networks could get clashing subnets.`));
    }
    parsed.push({ cidr, node: base });
  }
  const bip = parseCidr(stringValue(lastValue(rc.parsed.object, 'bip')) ?? '');
  if (bip) for (const p of parsed) if (overlaps(p.cidr, bip)) out.push(diag(rc, p.node, 'warning', 'pool-overlaps-bip', `Pool ${p.cidr.network} overlaps the default bridge ${bip.network} (from "bip"); networks could get a subnet that clashes with docker0.`));
  return out;
}
