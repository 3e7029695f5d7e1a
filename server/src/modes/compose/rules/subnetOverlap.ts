import * as l10n from '@vscode/l10n';
import { sentences } from '../../localized';
import { FREE_SUBNET_POOLS } from '../composeSchema';
import { findFreeSubnet, overlaps, parseCidr, type ParsedCidr } from '../../../shared/cidr';
import { freeSubnetFix } from '../codeActions';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing, allSubnets } from '../networkAddressing';
import type { Problem, Rule } from '../../languageMode';

/**
 * Subnets of two networks that overlap: the second network create fails with "Pool
 * overlaps with other one on this address space" (libnetwork ipam, verified on 20.10).
 * Both places are reported, each with a free subnet to switch to. A subnet overlapping
 * a live network of the connected Engine (other than this very network) is a warning:
 * it fails too, unless that network is gone by the time of `up`.
 */
export const subnetOverlap: Rule<ComposeModel, ComposeFix> = (model: ComposeModel, ctx) => {
  const out: Problem<ComposeFix>[] = [];
  const live = ctx.liveNetworks ?? [];
  const subnets = allSubnets(model).filter((s) => !addressing(model, s.decl).external);
  const taken: ParsedCidr[] = subnets.map((s) => s.cidr);
  for (const n of live) for (const s of n.subnets) {
    const c = parseCidr(s.subnet);
    if (c) taken.push(c);
  }
  const propose = (c: ParsedCidr): string | undefined =>
    c.family === 4 ? findFreeSubnet(FREE_SUBNET_POOLS.ipv4, Math.max(c.prefix, 16), taken) : findFreeSubnet(FREE_SUBNET_POOLS.ipv6, Math.max(c.prefix, 64), taken);
  const clashing = withOverlap(subnets);
  for (let i = 0; i < subnets.length; i++) {
    if (!clashing[i]) continue;
    const a = subnets[i];
    // Only subnets the sweep marked get here: report the first partner in file order.
    for (let j = 0; j < subnets.length; j++) {
      const b = subnets[j];
      if (i === j || a.decl.key === b.decl.key || !overlaps(a.cidr, b.cidr)) continue;
      const free = propose(a.cidr);
      out.push({
        range: a.block.subnet!.range,
        code: 'subnet-overlap',
        severity: 'error',
        message: free
          ? l10n.t('Subnet {0} of network `{1}` overlaps {2} of network `{3}`; the Engine refuses the second one. Pick a free block such as {4}.', a.cidr.network, a.decl.key, b.cidr.network, b.decl.key, free)
          : l10n.t('Subnet {0} of network `{1}` overlaps {2} of network `{3}`; the Engine refuses the second one. Pick a free block.', a.cidr.network, a.decl.key, b.cidr.network, b.decl.key),
        fixes: free ? [freeSubnetFix(model, a.decl, a.block, free)] : undefined,
      });
      break;
    }
  }
  if (!live.length) return out;
  for (const a of subnets) {
    const name = compareName(model, a.decl.key);
    for (const n of live) {
      if (n.name === name || n.name.endsWith(`_${a.decl.key}`)) continue;
      const hit = n.subnets.map((s) => parseCidr(s.subnet)).find((c) => c && overlaps(c, a.cidr));
      if (!hit) continue;
      const free = propose(a.cidr);
      out.push({
        range: a.block.subnet!.range,
        code: 'subnet-overlaps-live-network',
        severity: 'warning',
        message: sentences(
          l10n.t('Subnet {0} overlaps {1} of the existing network `{2}` on the connected Engine; creating `{3}` would fail while it exists.', a.cidr.network, hit.network, n.name, a.decl.key),
          free ? l10n.t('A free block: {0}.', free) : '',
        ),
        fixes: free ? [freeSubnetFix(model, a.decl, a.block, free)] : undefined,
      });
      break;
    }
  }
  return out;
};

/**
 * For each subnet, whether it overlaps a subnet of another network. Sorted by first
 * address and swept, so a file of n subnets costs O(n log n + overlapping pairs)
 * instead of comparing every pair: a block overlaps a later-starting one exactly when
 * that one starts inside it.
 */
export function withOverlap(subnets: readonly { decl: { key: string }; cidr: ParsedCidr }[]): boolean[] {
  const marked = new Array<boolean>(subnets.length).fill(false);
  const order = subnets.map((_, i) => i);
  order.sort((x, y) => {
    const a = subnets[x].cidr;
    const b = subnets[y].cidr;
    return a.family - b.family || (a.first < b.first ? -1 : a.first > b.first ? 1 : 0);
  });
  for (let k = 0; k < order.length; k++) {
    const a = subnets[order[k]];
    for (let m = k + 1; m < order.length; m++) {
      const b = subnets[order[m]];
      if (b.cidr.family !== a.cidr.family || b.cidr.first > a.cidr.last) break;
      if (b.decl.key === a.decl.key) continue;
      marked[order[k]] = true;
      marked[order[m]] = true;
    }
  }
  return marked;
}

/** The `name` a network is created with, when written literally. */
function compareName(model: ComposeModel, key: string): string {
  for (const d of model.networksByKey.get(key) ?? []) {
    const n = d.entries.find((e) => e.key === 'name');
    const v = n?.value && 'value' in n.value ? (n.value as { value: unknown }).value : undefined;
    if (typeof v === 'string') return v;
  }
  return key;
}
