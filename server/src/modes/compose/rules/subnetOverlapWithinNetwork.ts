import * as l10n from '@vscode/l10n';
import { freeSubnetFix } from '../codeActions';
import type { ComposeFix, ComposeModel } from '../model';
import { FREE_SUBNET_POOLS } from '../composeSchema';
import { findFreeSubnet, overlaps, type ParsedCidr } from '../../../shared/cidr';
import { addressing, allSubnets, type IpamBlock, type NetworkAddressing } from '../networkAddressing';
import type { Problem, Rule } from '../../languageMode';

/**
 * Two `ipam.config` entries of ONE network whose subnets overlap. The daemon asks the
 * IPAM driver for one pool per entry, in order (moby daemon/network.go, libnetwork
 * ipam allocator RequestPool): an entry without `ip_range` is a master pool and is
 * refused when it overlaps any pool registered before it ("Pool overlaps with other
 * one on this address space"); an entry with `ip_range` is a sub-pool, which is not
 * checked against other pools unless the very same subnet + ip_range pair exists.
 * Verified on Engine 20.10 (macvlan and bridge, both orders); the same logic is in
 * current moby (ipamutils/allocator allocateSubnetL). So order matters, and only the
 * entry the Engine refuses is reported.
 */
export const subnetOverlapWithinNetwork: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  let taken: ParsedCidr[] | undefined;
  for (const decl of model.networks) {
    const a = addressing(model, decl);
    for (const [later, earlier] of overlappingEntries(a)) {
      taken ??= allSubnets(model).map((s) => s.cidr);
      const c = later.subnet!.cidr!;
      const free = c.family === 4 ? findFreeSubnet(FREE_SUBNET_POOLS.ipv4, Math.max(c.prefix, 16), taken) : findFreeSubnet(FREE_SUBNET_POOLS.ipv6, Math.max(c.prefix, 64), taken);
      out.push({
        range: later.subnet!.range,
        code: 'subnet-overlap-same-network',
        severity: 'error',
        message: free
          ? l10n.t('Subnet {0} overlaps {1}, an earlier ipam.config entry of network `{2}`; the Engine refuses the network. Remove this entry or use a block that overlaps nothing, such as {3}.', c.network, earlier.subnet!.cidr!.network, decl.key, free)
          : l10n.t('Subnet {0} overlaps {1}, an earlier ipam.config entry of network `{2}`; the Engine refuses the network. Remove this entry or use a block that overlaps nothing.', c.network, earlier.subnet!.cidr!.network, decl.key),
        fixes: free ? [freeSubnetFix(model, decl, later, free)] : undefined,
      });
    }
  }
  return out;
};

/**
 * The entries of one network the Engine refuses for overlapping an earlier entry,
 * each with the first earlier entry it clashes with. Entries whose subnet or ip_range
 * depends on the environment are left alone. Networks have few entries: O(k²) is fine.
 */
export function overlappingEntries(a: NetworkAddressing): [IpamBlock, IpamBlock][] {
  const out: [IpamBlock, IpamBlock][] = [];
  if (a.external) return out;
  const blocks = a.blocks.filter((b) => b.subnet?.cidr && !(b.hasIpRange && !b.ipRange));
  for (let i = 1; i < blocks.length; i++) {
    const later = blocks[i];
    const lc = later.subnet!.cidr!;
    for (let j = 0; j < i; j++) {
      const ec = blocks[j].subnet!.cidr!;
      if (ec.family !== lc.family) continue;
      const clash = later.hasIpRange
        ? blocks[j].hasIpRange && ec.first === lc.first && ec.prefix === lc.prefix && sameRange(blocks[j], later)
        : overlaps(ec, lc);
      if (clash) {
        out.push([later, blocks[j]]);
        break;
      }
    }
  }
  return out;
}

function sameRange(x: IpamBlock, y: IpamBlock): boolean {
  const a = x.ipRange?.cidr;
  const b = y.ipRange?.cidr;
  return !!a && !!b && a.first === b.first && a.prefix === b.prefix;
}
