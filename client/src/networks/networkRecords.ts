import type { LiveNetwork } from '../../../server/src/shared/protocol';

/**
 * Our own types for the Engine's network, container and event records, parsed
 * tolerantly: a missing field, a null (Go's nil map/slice), a wrong type or a field of a
 * newer API version never throws; a record without an Id is dropped. Field names follow
 * moby api/swagger.yaml (Network, EndpointSettings, ContainerSummary, EventMessage),
 * API 1.24 … 1.52.
 */

export interface IpamConfigRecord {
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  auxAddresses: Record<string, string>;
}

export interface SubnetStatusRecord {
  ipsInUse?: number;
  dynamicIpsAvailable?: number;
}

export interface EndpointRecord {
  containerId: string;
  name: string;
  endpointId?: string;
  macAddress?: string;
  /** With prefix length, as the Engine reports it: "172.18.0.2/16". */
  ipv4Address?: string;
  ipv6Address?: string;
  /** From the container's own record (network inspect does not carry them). */
  aliases: string[];
  dnsNames: string[];
}

export interface NetworkRecord {
  id: string;
  name: string;
  driver: string;
  scope: string;
  created?: string;
  internal: boolean;
  attachable: boolean;
  ingress: boolean;
  /** API 1.48+; older Engines always had IPv4. */
  enableIPv4: boolean;
  enableIPv6: boolean;
  configOnly: boolean;
  configFrom?: string;
  ipam: { driver: string; options: Record<string, string>; config: IpamConfigRecord[] };
  options: Record<string, string>;
  labels: Record<string, string>;
  containers: EndpointRecord[];
  /** API 1.52+: per-subnet address usage. */
  subnetStatus: Record<string, SubnetStatusRecord>;
}

export interface ContainerEndpointRecord {
  networkId?: string;
  /** Empty while the container is not running: it has no endpoint on the network then. */
  endpointId?: string;
  ipv4Address?: string;
  ipv6Address?: string;
  macAddress?: string;
  aliases: string[];
  dnsNames: string[];
  staticIpv4?: string;
  staticIpv6?: string;
}

export interface ContainerRecord {
  id: string;
  name: string;
  image?: string;
  state?: string;
  status?: string;
  labels: Record<string, string>;
  /** By network name. */
  networks: Record<string, ContainerEndpointRecord>;
}

export interface EngineEvent {
  type: string;
  action: string;
  actorId: string;
  attributes: Record<string, string>;
  scope?: string;
  timeNano?: number;
}

type Json = Record<string, unknown>;

export function obj(v: unknown): Json | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined;
}
export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}
function bool(v: unknown, fallback = false): boolean {
  return typeof v === 'boolean' ? v : fallback;
}
function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
function strMap(v: unknown): Record<string, string> {
  const o = obj(v);
  const out: Record<string, string> = {};
  if (!o) return out;
  for (const [k, val] of Object.entries(o)) if (typeof val === 'string') out[k] = val;
  return out;
}
export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : [];
}
export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function parseIpamConfig(v: unknown): IpamConfigRecord | undefined {
  const o = obj(v);
  if (!o) return undefined;
  return { subnet: str(o.Subnet), gateway: str(o.Gateway), ipRange: str(o.IPRange), auxAddresses: strMap(o.AuxiliaryAddresses ?? o.AuxAddress) };
}

export function parseNetwork(v: unknown): NetworkRecord | undefined {
  const o = obj(v);
  const id = str(o?.Id) ?? str(o?.ID);
  if (!o || !id) return undefined;
  const ipam = obj(o.IPAM);
  const containers: EndpointRecord[] = [];
  for (const [containerId, raw] of Object.entries(obj(o.Containers) ?? {})) {
    const c = obj(raw);
    if (!c) continue;
    containers.push({
      containerId,
      name: str(c.Name) ?? containerId.slice(0, 12),
      endpointId: str(c.EndpointID),
      macAddress: str(c.MacAddress),
      ipv4Address: str(c.IPv4Address),
      ipv6Address: str(c.IPv6Address),
      aliases: [],
      dnsNames: [],
    });
  }
  containers.sort((a, b) => a.name.localeCompare(b.name));
  const subnetStatus: Record<string, SubnetStatusRecord> = {};
  for (const [subnet, raw] of Object.entries(obj(obj(obj(o.Status)?.IPAM)?.Subnets) ?? {})) {
    const s = obj(raw);
    if (s) subnetStatus[subnet] = { ipsInUse: num(s.IPsInUse), dynamicIpsAvailable: num(s.DynamicIPsAvailable) };
  }
  return {
    id,
    name: str(o.Name) ?? id.slice(0, 12),
    driver: str(o.Driver) ?? 'unknown',
    scope: str(o.Scope) ?? 'local',
    created: str(o.Created),
    internal: bool(o.Internal),
    attachable: bool(o.Attachable),
    ingress: bool(o.Ingress),
    enableIPv4: bool(o.EnableIPv4, true),
    enableIPv6: bool(o.EnableIPv6),
    configOnly: bool(o.ConfigOnly),
    configFrom: str(obj(o.ConfigFrom)?.Network),
    ipam: {
      driver: str(ipam?.Driver) ?? 'default',
      options: strMap(ipam?.Options),
      config: list(ipam?.Config)
        .map(parseIpamConfig)
        .filter((c): c is IpamConfigRecord => c !== undefined),
    },
    options: strMap(o.Options),
    labels: strMap(o.Labels),
    containers,
    subnetStatus,
  };
}

export function parseNetworkList(v: unknown): NetworkRecord[] {
  return list(v)
    .map(parseNetwork)
    .filter((n): n is NetworkRecord => n !== undefined);
}

/** Both shapes: `GET /containers/json` (Names[]) and `GET /containers/{id}/json` (Name, State{}). */
export function parseContainer(v: unknown): ContainerRecord | undefined {
  const o = obj(v);
  const id = str(o?.Id);
  if (!o || !id) return undefined;
  const names = strList(o.Names);
  const rawName = str(o.Name) ?? names[0] ?? id.slice(0, 12);
  const stateObj = obj(o.State);
  const config = obj(o.Config);
  const networks: Record<string, ContainerEndpointRecord> = {};
  for (const [name, raw] of Object.entries(obj(obj(o.NetworkSettings)?.Networks) ?? {})) {
    const n = obj(raw);
    if (!n) continue;
    const ipam = obj(n.IPAMConfig);
    const prefix4 = num(n.IPPrefixLen);
    const prefix6 = num(n.GlobalIPv6PrefixLen);
    const ip4 = str(n.IPAddress);
    const ip6 = str(n.GlobalIPv6Address);
    networks[name] = {
      networkId: str(n.NetworkID),
      endpointId: str(n.EndpointID),
      ipv4Address: ip4 ? (prefix4 ? `${ip4}/${prefix4}` : ip4) : undefined,
      ipv6Address: ip6 ? (prefix6 ? `${ip6}/${prefix6}` : ip6) : undefined,
      macAddress: str(n.MacAddress),
      aliases: strList(n.Aliases),
      dnsNames: strList(n.DNSNames),
      staticIpv4: str(ipam?.IPv4Address),
      staticIpv6: str(ipam?.IPv6Address),
    };
  }
  return {
    id,
    name: rawName.replace(/^\//, ''),
    image: str(o.Image) ?? str(config?.Image),
    state: str(o.State) ?? str(stateObj?.Status),
    status: str(o.Status),
    labels: strMap(o.Labels ?? config?.Labels),
    networks,
  };
}

export function parseContainerList(v: unknown): ContainerRecord[] {
  return list(v)
    .map(parseContainer)
    .filter((c): c is ContainerRecord => c !== undefined);
}

/** An event of `GET /events`; also the pre-1.22 form ({status, id, from}) of container events. */
export function parseEvent(v: unknown): EngineEvent | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const actor = obj(o.Actor);
  const type = str(o.Type) ?? (str(o.status) ? 'container' : undefined);
  const action = str(o.Action) ?? str(o.status);
  if (!type || !action) return undefined;
  return {
    type,
    action,
    actorId: str(actor?.ID) ?? str(o.id) ?? '',
    attributes: strMap(actor?.Attributes),
    scope: str(o.scope),
    timeNano: num(o.timeNano),
  };
}

/**
 * Adds what only the containers' own records carry (aliases, DNS names, and the
 * addresses when the network record lacks them) to the endpoints of each network.
 */
export function joinContainers(networks: NetworkRecord[], containers: ContainerRecord[]): NetworkRecord[] {
  const byId = new Map(containers.map((c) => [c.id, c]));
  // Endpoints the Engine lists without their container ("ep-<endpoint id>" keys, moby
  // daemon/network.go) are matched by name.
  const byName = new Map(containers.map((c) => [c.name, c]));
  return networks.map((n) => ({
    ...n,
    containers: n.containers.map((ep) => {
      const c = byId.get(ep.containerId) ?? (ep.containerId.startsWith('ep-') ? byName.get(ep.name) : undefined);
      if (!c) return ep;
      const link = Object.entries(c.networks).find(([name, e]) => e.networkId === n.id || name === n.name)?.[1];
      if (!link) return ep;
      return {
        ...ep,
        aliases: ownAliases(c, link),
        dnsNames: link.dnsNames,
        ipv4Address: ep.ipv4Address ?? link.ipv4Address,
        ipv6Address: ep.ipv6Address ?? link.ipv6Address,
        macAddress: ep.macAddress ?? link.macAddress,
      };
    }),
  }));
}

/** Docker adds the short container ID as an alias of every endpoint (before API 1.45); it says nothing new. */
function ownAliases(c: ContainerRecord, link: ContainerEndpointRecord): string[] {
  return link.aliases.filter((a) => a !== c.id.slice(0, 12));
}

/**
 * The endpoints of each network, from `GET /containers/json?all=1` (#19): every container
 * summary carries its endpoints with addresses and MAC, so one list replaces an inspect
 * per network. Aliases and DNS names are not in it (moby daemon/container/view.go copies
 * only the addresses): joinContainers adds them from container records. A container
 * that is not running keeps its network settings without an endpoint ID: it is not on
 * the network then, as network inspect says. Networks whose record already lists
 * containers (network inspect, the lists of API < 1.28) keep those.
 */
export function attachContainers(networks: NetworkRecord[], containers: ContainerRecord[]): NetworkRecord[] {
  const byNetwork = new Map<string, EndpointRecord[]>();
  for (const c of containers) {
    for (const [networkName, link] of Object.entries(c.networks)) {
      if (!link.endpointId) continue;
      const key = link.networkId ?? `name:${networkName}`;
      const list = byNetwork.get(key) ?? [];
      list.push({
        containerId: c.id,
        name: c.name,
        endpointId: link.endpointId,
        macAddress: link.macAddress,
        ipv4Address: link.ipv4Address,
        ipv6Address: link.ipv6Address,
        aliases: ownAliases(c, link),
        dnsNames: link.dnsNames,
      });
      byNetwork.set(key, list);
    }
  }
  return networks.map((n) => {
    if (n.containers.length) return n;
    const endpoints = [...(byNetwork.get(n.id) ?? []), ...(byNetwork.get(`name:${n.name}`) ?? [])];
    return endpoints.length ? { ...n, containers: endpoints.sort((a, b) => a.name.localeCompare(b.name)) } : n;
  });
}

/** The projection the language server receives (protocol.ts LiveNetwork). */
export function toLiveNetwork(n: NetworkRecord): LiveNetwork {
  return {
    id: n.id,
    name: n.name,
    driver: n.driver,
    scope: n.scope,
    internal: n.internal,
    enableIPv6: n.enableIPv6,
    subnets: n.ipam.config
      .filter((c) => c.subnet !== undefined)
      .map((c) => ({ subnet: c.subnet!, ...(c.gateway ? { gateway: c.gateway } : {}), ...(c.ipRange ? { ipRange: c.ipRange } : {}) })),
    labels: { ...n.labels },
    containers: n.containers.map((c) => ({ name: c.name, ...(c.ipv4Address ? { ipv4Address: c.ipv4Address } : {}), ...(c.ipv6Address ? { ipv6Address: c.ipv6Address } : {}) })),
  };
}
