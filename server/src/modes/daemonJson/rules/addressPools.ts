import type { Node } from 'jsonc-parser';
import { overlaps, parseCidr, type ParsedCidr } from '../../../shared/cidr';
import { type DaemonJsonProblem, type DaemonJsonRule, lastValue, stringValue, topValue } from '../model';
import { problemAt } from '../problemAt';

/**
 * `default-address-pools` (moby libnetwork ipamutils / defaultipam allocator;
 * docker-facts §1.4.2; runs on 20.10): base must be a CIDR, size at least the base's
 * prefix length ("invalid pools size" refuses the start). Overlapping pools, or a pool
 * overlapping `bip`, are accepted but hand out clashing subnets: warnings.
 */
export const addressPools: DaemonJsonRule = (model) => {
  const out: DaemonJsonProblem[] = [];
  const pools = topValue(model, 'default-address-pools');
  if (pools?.type !== 'array') return out;
  /** Pools with a valid base, in document order. */
  const valid: { cidr: ParsedCidr; node: Node }[] = [];
  /** Per item: its own errors, and the index in `valid` if it has a valid base. */
  const items: { errors: DaemonJsonProblem[]; valid: number }[] = [];
  for (const item of pools.children ?? []) {
    if (item.type !== 'object') continue;
    const entry = { errors: [] as DaemonJsonProblem[], valid: -1 };
    items.push(entry);
    const base = lastValue(item, 'base');
    const size = lastValue(item, 'size');
    const baseText = stringValue(base);
    const cidr = baseText !== undefined ? parseCidr(baseText) : undefined;
    if (!base || !cidr) {
      entry.errors.push(problemAt(base ?? item, 'error', 'invalid-pool', base ? `Pool base "${baseText ?? ''}" is not a CIDR block: dockerd refuses to start.` : 'This pool has no "base": dockerd refuses to start.'));
      continue;
    }
    if (size && size.type !== 'number') continue; // valueTypes reports it
    if (!size || (size.value as number) <= 0) {
      entry.errors.push(problemAt(size ?? item, 'error', 'invalid-pool', 'A pool needs a "size" (the prefix length of the subnets it hands out): dockerd refuses to start.'));
      continue;
    }
    const n = size.value as number;
    if (n < cidr.prefix) {
      entry.errors.push(problemAt(size, 'error', 'invalid-pool-size', `size ${n} is shorter than the base's prefix /${cidr.prefix}: dockerd refuses to start. Use a size of ${cidr.prefix} or more.`));
    } else if (n > (cidr.family === 4 ? 32 : 128)) {
      entry.errors.push(problemAt(size, 'error', 'invalid-pool-size', `size ${n} is longer than an IPv${cidr.family} address: dockerd refuses to start.`));
    }
    entry.valid = valid.length;
    valid.push({ cidr, node: base });
  }
  // Each pool is warned about once per earlier pool it overlaps, after its own errors.
  const earlier = overlappingEarlier(valid.map((v) => v.cidr));
  for (const entry of items) {
    out.push(...entry.errors);
    if (entry.valid < 0) continue;
    const { cidr, node } = valid[entry.valid];
    for (const j of earlier[entry.valid] ?? []) {
      out.push(problemAt(node, 'warning', 'overlapping-pools', `Pool ${cidr.network} overlaps pool ${valid[j].cidr.network}; networks could get clashing subnets.`));
    }
  }
  const bip = parseCidr(stringValue(topValue(model, 'bip')) ?? '');
  if (bip) for (const p of valid) if (overlaps(p.cidr, bip)) out.push(problemAt(p.node, 'warning', 'pool-overlaps-bip', `Pool ${p.cidr.network} overlaps the default bridge ${bip.network} (from "bip"); networks could get a subnet that clashes with docker0.`));
  return out;
};

/**
 * For each block, the indexes of the earlier blocks it overlaps, ascending (sparse: no
 * entry when there are none). Sort by family and first address, then sweep keeping the
 * blocks still open: O(n log n + pairs) instead of comparing every pair.
 */
export function overlappingEarlier(blocks: readonly ParsedCidr[]): number[][] {
  const result: number[][] = [];
  const order = blocks.map((_, i) => i).sort((a, b) => {
    const x = blocks[a];
    const y = blocks[b];
    return x.family - y.family || (x.first < y.first ? -1 : x.first > y.first ? 1 : a - b);
  });
  const open: number[] = [];
  for (const i of order) {
    const b = blocks[i];
    // Blocks that ended before this one starts (or are of the other family) overlap nothing later.
    let kept = 0;
    for (const j of open) if (blocks[j].family === b.family && blocks[j].last >= b.first) open[kept++] = j;
    open.length = kept;
    for (const j of open) {
      const later = Math.max(i, j);
      (result[later] ??= []).push(Math.min(i, j));
    }
    open.push(i);
  }
  for (const list of result) list?.sort((a, b) => a - b);
  return result;
}
