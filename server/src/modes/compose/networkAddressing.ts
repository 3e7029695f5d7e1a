import { isMap, type Node } from 'yaml';
import { parseCidr, parseIp, type ParsedCidr, type ParsedIp } from '../../shared/cidr';
import type { ComposeModel, NetworkDecl } from './model';
import { interpolate } from './interpolation';
import { entry, mapEntries, scalarText, seqItems, type OffsetRange } from './yamlNodes';

/**
 * The addressing facts of each declared network, read once per parse and shared by
 * the address rules, hover and completion. Values that depend on the environment
 * (`${VAR}` without default) are kept as `dynamic` and never checked.
 */

export interface AddressValue {
  /** The text checked: the literal, or the interpolation default. */
  text: string;
  /** True when `text` is an interpolation default rather than the literal written. */
  fromDefault: boolean;
  range: OffsetRange;
  node: Node;
}

export interface IpamBlock {
  node: Node;
  subnet?: AddressValue & { cidr?: ParsedCidr };
  ipRange?: AddressValue & { cidr?: ParsedCidr };
  gateway?: AddressValue & { ip?: ParsedIp };
  aux: (AddressValue & { name: string; ip?: ParsedIp })[];
  /** An `ip_range` key is written (whatever its value): the Engine then treats the entry as a sub-pool. */
  hasIpRange: boolean;
  /** Some field depends on the environment. */
  dynamic: boolean;
}

export interface NetworkAddressing {
  decl: NetworkDecl;
  external: boolean;
  driver?: string;
  enableIpv6?: boolean;
  enableIpv6Dynamic: boolean;
  blocks: IpamBlock[];
}

/** Reads a scalar value through interpolation; undefined for absent, non-scalar or environment-dependent values. */
export function readValue(node: Node | null): AddressValue | undefined {
  const text = scalarText(node);
  if (text === undefined || !node?.range) return undefined;
  const v = interpolate(text);
  if (v.kind === 'dynamic') return undefined;
  return { text: v.text, fromDefault: v.kind === 'default', range: [node.range[0], node.range[1]], node };
}

/** A boolean as Compose reads it after interpolation (compose-go `loader/interpolate.go` toBoolean). */
export function readBoolean(node: Node | null): boolean | 'dynamic' | undefined {
  if (node === null) return undefined;
  const text = scalarText(node);
  if (text === undefined) return undefined;
  const v = interpolate(text);
  if (v.kind === 'dynamic') return 'dynamic';
  const t = v.text.toLowerCase();
  if (t === 'true' || t === 'y' || t === 'yes' || t === 'on') return true;
  if (t === 'false' || t === 'n' || t === 'no' || t === 'off') return false;
  return undefined;
}

const cache = new WeakMap<ComposeModel, Map<NetworkDecl, NetworkAddressing>>();

export function addressing(model: ComposeModel, decl: NetworkDecl): NetworkAddressing {
  let byDecl = cache.get(model);
  if (!byDecl) cache.set(model, (byDecl = new Map()));
  let a = byDecl.get(decl);
  if (!a) byDecl.set(decl, (a = compute(decl)));
  return a;
}

function compute(decl: NetworkDecl): NetworkAddressing {
  const doc = decl.doc;
  const ext = entry(decl.entries, 'external');
  const extValue = ext ? (isMap(ext.value) ? true : readBoolean(ext.value)) : false;
  const v6 = entry(decl.entries, 'enable_ipv6');
  const v6Value = v6 ? readBoolean(v6.value) : undefined;
  const driver = readValue(entry(decl.entries, 'driver')?.value ?? null)?.text;
  const blocks: IpamBlock[] = [];
  const ipam = entry(decl.entries, 'ipam');
  const config = ipam ? entry(mapEntries(doc, ipam.value), 'config') : undefined;
  for (const item of seqItems(doc, config?.value ?? null)) {
    const entries = mapEntries(doc, item);
    const block: IpamBlock = { node: item, aux: [], hasIpRange: entry(entries, 'ip_range') !== undefined, dynamic: false };
    const field = (key: string): AddressValue | undefined => {
      const e = entry(entries, key);
      if (!e) return undefined;
      const v = readValue(e.value);
      if (!v && scalarText(e.value) !== undefined) block.dynamic = true;
      return v;
    };
    const subnet = field('subnet');
    if (subnet) block.subnet = { ...subnet, cidr: parseCidr(subnet.text) };
    const ipRange = field('ip_range');
    if (ipRange) block.ipRange = { ...ipRange, cidr: parseCidr(ipRange.text) };
    const gateway = field('gateway');
    if (gateway) block.gateway = { ...gateway, ip: parseIp(gateway.text) };
    for (const a of mapEntries(doc, entry(entries, 'aux_addresses')?.value ?? null)) {
      const v = readValue(a.value);
      if (v) block.aux.push({ ...v, name: a.key, ip: parseIp(v.text) });
      else if (scalarText(a.value) !== undefined) block.dynamic = true;
    }
    blocks.push(block);
  }
  return {
    decl,
    external: extValue === true || extValue === 'dynamic',
    driver,
    enableIpv6: v6Value === 'dynamic' ? undefined : v6Value,
    enableIpv6Dynamic: v6Value === 'dynamic',
    blocks,
  };
}

/** All parsed subnets of the file (for overlap checks and free-subnet proposals). */
export function allSubnets(model: ComposeModel): { decl: NetworkDecl; block: IpamBlock; cidr: ParsedCidr }[] {
  const out: { decl: NetworkDecl; block: IpamBlock; cidr: ParsedCidr }[] = [];
  for (const decl of model.networks) {
    for (const block of addressing(model, decl).blocks) if (block.subnet?.cidr) out.push({ decl, block, cidr: block.subnet.cidr });
  }
  return out;
}
