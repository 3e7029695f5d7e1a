import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { overlaps, parseCidr, type ParsedCidr } from '../../../shared/cidr';
import { type DaemonJsonProblem, type DaemonJsonRule, lastValue, stringValue, topValue, pathOf } from '../model';
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
      entry.errors.push(problemAt(base ?? item, 'error', 'invalid-pool', base ? l10n.t('Pool base "{0}" is not a CIDR block: dockerd refuses to start.', baseText ?? '') : l10n.t('This pool has no "base": dockerd refuses to start.')));
      continue;
    }
    if (size && size.type !== 'number') continue; // valueTypes reports it
    if (!size || (size.value as number) <= 0) {
      entry.errors.push(problemAt(size ?? item, 'error', 'invalid-pool', l10n.t('A pool needs a "size" (the prefix length of the subnets it hands out): dockerd refuses to start.')));
      continue;
    }
    const n = size.value as number;
    if (n < cidr.prefix) {
      // The message names the smallest size that works; offer it (#20).
      entry.errors.push(
        problemAt(size, 'error', 'invalid-pool-size', l10n.t('size {0} is shorter than the base\'s prefix /{1}: dockerd refuses to start. Use a size of {2} or more.', n, cidr.prefix, cidr.prefix), [
          { kind: 'replaceValue', path: pathOf(size), from: n, to: cidr.prefix, title: l10n.t('Use size {0}', cidr.prefix) },
        ]),
      );
    } else if (n > (cidr.family === 4 ? 32 : 128)) {
      entry.errors.push(problemAt(size, 'error', 'invalid-pool-size', l10n.t('size {0} is longer than an IPv{1} address: dockerd refuses to start.', n, cidr.family)));
    }
    entry.valid = valid.length;
    valid.push({ cidr, node: base });
  }
  // Each pool is warned about once, after its own errors, naming the first earlier pool it
  // overlaps and counting the others: one warning per pair grew quadratically (800
  // identical pools took 5 s, 50,000 exhausted the heap: #15 item 2).
  const earlier = firstOverlaps(valid.map((v) => v.cidr));
  for (const entry of items) {
    for (const e of entry.errors) out.push(e);
    if (entry.valid < 0) continue;
    const { cidr, node } = valid[entry.valid];
    const { first, count } = earlier[entry.valid];
    if (first < 0) continue;
    const message =
      count === 1
        ? l10n.t('Pool {0} overlaps pool {1}; networks could get clashing subnets.', cidr.network, valid[first].cidr.network)
        : count === 2
          ? l10n.t('Pool {0} overlaps pool {1} and 1 more earlier pool; networks could get clashing subnets.', cidr.network, valid[first].cidr.network)
          : l10n.t('Pool {0} overlaps pool {1} and {2} more earlier pools; networks could get clashing subnets.', cidr.network, valid[first].cidr.network, count - 1);
    out.push(problemAt(node, 'warning', 'overlapping-pools', message));
  }
  const bip = parseCidr(stringValue(topValue(model, 'bip')) ?? '');
  if (bip) for (const p of valid) if (overlaps(p.cidr, bip)) out.push(problemAt(p.node, 'warning', 'pool-overlaps-bip', l10n.t('Pool {0} overlaps the default bridge {1} (from "bip"); networks could get a subnet that clashes with docker0.', p.cidr.network, bip.network)));
  return out;
};

/**
 * For each block, the first earlier block it overlaps (-1 when none) and how many earlier
 * blocks it overlaps, in O(n × distinct prefix lengths) with no list of pairs.
 *
 * Two CIDR blocks overlap exactly when one contains the other, so the earlier blocks that
 * overlap block i are those containing it (a shorter prefix whose network is i's address
 * cut to that length) and those inside it or equal (i's own network at its own length).
 * Both are looked up by network and length, counting blocks as they come in document order.
 */
export function firstOverlaps(blocks: readonly ParsedCidr[]): { first: number; count: number }[] {
  /** Per family, the prefix lengths in use, ascending. */
  const lengths = new Map<number, number[]>();
  for (const b of blocks) {
    const l = lengths.get(b.family) ?? [];
    if (!l.includes(b.prefix)) l.push(b.prefix);
    lengths.set(b.family, l);
  }
  for (const l of lengths.values()) l.sort((a, b) => a - b);
  const key = (b: ParsedCidr, prefix: number): string => {
    const width = b.family === 4 ? 32 : 128;
    const network = b.first & ~((1n << BigInt(width - prefix)) - 1n);
    return `${b.family}/${prefix}/${network.toString(16)}`;
  };
  /** Blocks seen so far with exactly that network: the first one's index and how many. */
  const exact = new Map<string, { first: number; count: number }>();
  /** Blocks seen so far inside that network (or equal to it). */
  const inside = new Map<string, { first: number; count: number }>();
  const add = (m: Map<string, { first: number; count: number }>, k: string, i: number): void => {
    const e = m.get(k);
    if (e) e.count++;
    else m.set(k, { first: i, count: 1 });
  };
  return blocks.map((b, i) => {
    let first = -1;
    let count = 0;
    const seen = (e: { first: number; count: number } | undefined): void => {
      if (!e) return;
      count += e.count;
      if (first < 0 || e.first < first) first = e.first;
    };
    const own = key(b, b.prefix);
    for (const p of lengths.get(b.family)!) {
      if (p >= b.prefix) break;
      seen(exact.get(key(b, p)));
    }
    seen(inside.get(own));
    add(exact, own, i);
    for (const p of lengths.get(b.family)!) {
      if (p > b.prefix) break;
      add(inside, p === b.prefix ? own : key(b, p), i);
    }
    return { first, count };
  });
}
