import { overlaps, parseCidr, type ParsedCidr } from '../../shared/cidr';
import { addressing } from '../compose/networkAddressing';
import type { ComposeProject } from '../compose/project/composeProject';
import { loadProject } from '../compose/project/composeProject';
import { projectSpecs } from '../compose/project/projectSpecs';
import { lastValue, stringValue, type DaemonJsonModel } from '../daemonJson/model';
import type { ModeContext } from '../languageMode';

/** The IPv4 `default-address-pools` of a daemon.json: base and the prefix length of the networks it hands out. */
export interface Pool {
  cidr: ParsedCidr;
  size: number;
}

/** How many networks the pools give, what already takes some, and what the workspace's Compose projects will ask for. */
export interface PoolCapacity {
  pools: Pool[];
  /** Networks the pools allow (subnets of their size), over every pool. */
  total: number;
  /** Pool subnets the default bridge takes: one when neither `bip` nor `bridge` is set (it is carved from the pools), else those `bip` overlaps. */
  bridge: number;
  /** Pool subnets the connected Engine's live networks take (the default bridge's counted once). */
  live: number;
  /** Pool subnets the explicit subnets of the workspace's Compose networks take. */
  explicit: number;
  /** Networks without an explicit IPv4 subnet that `up` of each project creates, by project. */
  demand: { project: string; networks: number }[];
}

/** The IPv4 pools, when the file sets `default-address-pools` (every one well formed; the addressPools rule judges them). */
export function poolsOf(model: DaemonJsonModel): Pool[] | undefined {
  const v = model.top.get('default-address-pools')?.value;
  if (v?.type !== 'array') return undefined;
  const out: Pool[] = [];
  for (const item of v.children ?? []) {
    const cidr = parseCidr(stringValue(lastValue(item, 'base')) ?? '');
    const size = lastValue(item, 'size')?.value;
    if (!cidr || typeof size !== 'number' || !Number.isInteger(size) || size < cidr.prefix || size > 32) return undefined;
    if (cidr.family === 4) out.push({ cidr, size });
  }
  return out;
}

/**
 * The networks a project's `up` creates that need a subnet from the pools: every network a
 * service joins (Compose creates only those: compose-go `WithoutUnnecessaryResources`),
 * `default` for services with neither `networks` nor `network_mode`, that is not
 * external, has the bridge driver, and no IPv4 subnet of its own; and the explicit IPv4
 * subnets of the others. Undefined when the project is incomplete (what it declares is unknown).
 */
export interface ExplicitSubnet {
  cidr: ParsedCidr;
  network: string;
  uri: string;
  /** Offset of the subnet's value in that file. */
  offset: number;
  text: string;
}

export function projectNeeds(project: ComposeProject): { count: number; subnets: ExplicitSubnet[] } | undefined {
  if (project.incomplete) return undefined;
  const used = new Set<string>();
  for (const s of project.services.values()) {
    if (s.unknownBase) return undefined;
    if (s.networks.size === 0 && !s.networkMode) used.add('default');
    for (const n of s.networks.keys()) used.add(n);
  }
  let count = 0;
  const subnets: ExplicitSubnet[] = [];
  for (const name of used) {
    const decls = project.networks.get(name);
    const last = decls?.[decls.length - 1];
    if (!last) {
      if (name === 'default') count++;
      continue;
    }
    const a = addressing(last.file.model, last.decl);
    if (a.external || (a.driver !== undefined && a.driver !== 'bridge')) continue;
    if (a.blocks.some((b) => b.dynamic)) continue;
    const v4 = a.blocks.flatMap((b) => (b.subnet?.cidr?.family === 4 ? [{ cidr: b.subnet.cidr, network: name, uri: last.file.uri, offset: b.subnet.range[0], text: last.file.model.text }] : []));
    if (v4.length > 0) subnets.push(...v4);
    else count++;
  }
  return { count, subnets };
}

/** Pool subnets (of each pool's size) that a block takes, counted once per pool subnet. */
class Taken {
  private readonly keys = new Set<string>();
  private spans = 0;
  add(pools: readonly Pool[], block: ParsedCidr): number {
    let n = 0;
    pools.forEach((p, i) => {
      if (!overlaps(p.cidr, block)) return;
      if (block.prefix >= p.size) {
        const k = `${i}/${block.first >> BigInt(32 - p.size)}`;
        if (!this.keys.has(k)) {
          this.keys.add(k);
          n++;
        }
      } else n += 2 ** (p.size - Math.max(block.prefix, p.cidr.prefix));
    });
    this.spans += n;
    return n;
  }
}

/**
 * How many networks the daemon.json's pools allow against what the host and the
 * workspace take (#17): libnetwork's default IPAM hands out subnets of `size` from each
 * base in turn and refuses a network when none is free ("could not find an available,
 * non-overlapping IPv4 address pool among the defaults to assign to the network"). The
 * default bridge takes the first one unless `bip` places it (moby daemon/daemon_unix.go
 * `initBridgeDriver`; verified on a throw-away dockerd by test/integration/hostDockerd).
 * Undefined when the file sets no IPv4 pools.
 */
export function poolCapacity(model: DaemonJsonModel, ctx: ModeContext): PoolCapacity | undefined {
  const pools = poolsOf(model);
  if (!pools || pools.length === 0) return undefined;
  const total = pools.reduce((sum, p) => sum + 2 ** (p.size - p.cidr.prefix), 0);
  const taken = new Taken();
  const bip = parseCidr(stringValue(model.top.get('bip')?.value) ?? '');
  const bridgeName = stringValue(model.top.get('bridge')?.value);
  let bridge = 0;
  // "bridge": "none" has no default bridge; a named bridge keeps the address it already has.
  if (bridgeName !== undefined && bridgeName !== '') bridge = 0;
  else if (bip) bridge = taken.add(pools, bip);
  else bridge = taken.add(pools, { ...pools[0].cidr, prefix: pools[0].size, last: pools[0].cidr.first + 2n ** BigInt(32 - pools[0].size) - 1n });
  let live = 0;
  for (const n of ctx.liveNetworks ?? []) {
    for (const s of n.subnets) {
      const c = parseCidr(s.subnet);
      if (c?.family === 4) live += taken.add(pools, c);
    }
  }
  let explicit = 0;
  const demand: PoolCapacity['demand'] = [];
  const ws = ctx.workspace;
  if (ws) {
    for (const spec of projectSpecs(ws, ctx)) {
      const project = loadProject(spec, ctx);
      const needs = projectNeeds(project);
      if (!needs) continue;
      for (const c of needs.subnets) explicit += taken.add(pools, c.cidr);
      if (needs.count > 0) demand.push({ project: project.name ?? spec.dir, networks: needs.count });
    }
  }
  return { pools, total, bridge, live, explicit, demand };
}
