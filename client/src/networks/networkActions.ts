import * as l10n from '@vscode/l10n';
import { containsIp, findFreeSubnet, overlaps, parseCidr, parseIp, type ParsedCidr } from '../../../server/src/shared/cidr';
import type { EngineClient } from '../engine/engineClient';
import { parseContainerList, type ContainerRecord, type NetworkRecord } from './networkRecords';
import { isBuiltin } from './networkTreeModel';

/**
 * The view's actions as plain functions over an EngineClient (moby api/swagger.yaml:
 * POST /networks/create, DELETE /networks/{id}, POST /networks/prune,
 * POST /networks/{id}/connect|disconnect), plus the checks of the Create input.
 */

export interface CreateNetworkInput {
  name: string;
  driver: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  internal?: boolean;
  attachable?: boolean;
  enableIPv6?: boolean;
  labels?: Record<string, string>;
  options?: Record<string, string>;
}

/**
 * Where a proposed subnet is taken from: the private ranges (RFC 1918) in the order
 * Docker's own default pools use them (172.17.0.0/16 … then 192.168.0.0/16), then 10/8.
 */
export const PROPOSAL_POOLS: readonly string[] = ['172.16.0.0/12', '192.168.0.0/16', '10.0.0.0/8'];

export function takenSubnets(networks: NetworkRecord[]): ParsedCidr[] {
  return networks.flatMap((n) => n.ipam.config.map((c) => (c.subnet ? parseCidr(c.subnet) : undefined)).filter((c): c is ParsedCidr => c !== undefined));
}

/** The first free /prefix (default /24) that overlaps no existing network. */
export function proposeSubnet(networks: NetworkRecord[], prefix = 24, pools: readonly string[] = PROPOSAL_POOLS): string | undefined {
  return findFreeSubnet(pools, prefix, takenSubnets(networks));
}

/** The gateway Docker's IPAM would pick: the first address after the network address. */
export function defaultGateway(subnet: string): string | undefined {
  const c = parseCidr(subnet);
  if (!c || c.family !== 4 || c.prefix > 30) return undefined;
  const v = c.first + 1n;
  return [24n, 16n, 8n, 0n].map((s) => Number((v >> s) & 0xffn)).join('.');
}

export function validateNetworkName(name: string, networks: NetworkRecord[]): string | undefined {
  const n = name.trim();
  if (n === '') return l10n.t('Enter a name for the network.');
  if (/\s|\//.test(n)) return l10n.t('A network name cannot contain spaces or slashes.');
  if (networks.some((x) => x.name === n)) return l10n.t('A network named "{0}" already exists: choose another name.', n);
  return undefined;
}

export interface SubnetCheck {
  error?: string;
  warning?: string;
  cidr?: ParsedCidr;
}

export function validateSubnet(text: string, networks: NetworkRecord[]): SubnetCheck {
  const t = text.trim();
  if (t === '') return {};
  const cidr = parseCidr(t);
  if (!cidr) return { error: l10n.t('"{0}" is not a subnet: write ADDRESS/PREFIX, e.g. 172.28.0.0/24.', t) };
  if (cidr.hostBitsSet) return { error: l10n.t('{0} has host bits set: use {1}.', t, cidr.network), cidr };
  const clash = networks.find((n) => n.ipam.config.some((c) => {
    const other = c.subnet ? parseCidr(c.subnet) : undefined;
    return other !== undefined && overlaps(other, cidr);
  }));
  if (clash) return { error: l10n.t('{0} overlaps the subnet of network "{1}": the Engine would refuse it ("Pool overlaps with other one on this address space"). Choose another subnet.', t, clash.name), cidr };
  return { cidr };
}

export function validateGateway(text: string, subnet: ParsedCidr | undefined): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const ip = parseIp(t);
  if (!ip) return l10n.t('"{0}" is not an IP address.', t);
  if (subnet && !containsIp(subnet, ip)) return l10n.t('{0} is outside {1}: the gateway must lie inside the subnet.', t, subnet.network);
  return undefined;
}

/** "a=b, c=d" → labels; a key without "=" gets an empty value, as `docker network create --label a` does. */
export function parseLabels(text: string): { labels: Record<string, string> } | { error: string } {
  const labels: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim();
    if (key === '') return { error: l10n.t('"{0}" has no label key: write KEY=VALUE.', part) };
    labels[key] = eq < 0 ? '' : part.slice(eq + 1).trim();
  }
  return { labels };
}

export function createRequestBody(input: CreateNetworkInput): Record<string, unknown> {
  const config: Record<string, string> = {};
  if (input.subnet) config.Subnet = input.subnet.trim();
  if (input.gateway) config.Gateway = input.gateway.trim();
  if (input.ipRange) config.IPRange = input.ipRange.trim();
  const body: Record<string, unknown> = {
    Name: input.name.trim(),
    Driver: input.driver || 'bridge',
    // Older Engines (API < 1.44) create a duplicate name unless asked to check.
    CheckDuplicate: true,
    Internal: !!input.internal,
    Attachable: !!input.attachable,
    Labels: input.labels ?? {},
    Options: input.options ?? {},
  };
  if (input.enableIPv6) body.EnableIPv6 = true;
  if (Object.keys(config).length) body.IPAM = { Driver: 'default', Config: [config] };
  return body;
}

export async function createNetwork(client: EngineClient, input: CreateNetworkInput, signal?: AbortSignal): Promise<{ id: string; warning?: string }> {
  const reply = (await client.json('POST', '/networks/create', { body: createRequestBody(input), signal })) as { Id?: unknown; Warning?: unknown } | undefined;
  return { id: typeof reply?.Id === 'string' ? reply.Id : '', warning: typeof reply?.Warning === 'string' && reply.Warning ? reply.Warning : undefined };
}

export class RefusedError extends Error {}

export async function removeNetwork(client: EngineClient, network: Pick<NetworkRecord, 'id' | 'name'>, signal?: AbortSignal): Promise<void> {
  if (isBuiltin(network)) {
    throw new RefusedError(l10n.t('"{0}" is a built-in network: the Engine creates it and does not allow removing it. Hide it with the setting dockerNetworking.networks.hideBuiltin instead.', network.name));
  }
  await client.request('DELETE', `/networks/${encodeURIComponent(network.id)}`, { signal });
}

/** POST /networks/prune; `filters` e.g. {label: ["k=v"]}. Returns the names removed. */
export async function pruneNetworks(client: EngineClient, filters?: Record<string, string[]>, signal?: AbortSignal): Promise<string[]> {
  const reply = (await client.json('POST', '/networks/prune', { query: filters ? { filters } : undefined, signal })) as { NetworksDeleted?: unknown } | undefined;
  return Array.isArray(reply?.NetworksDeleted) ? reply.NetworksDeleted.filter((x): x is string => typeof x === 'string') : [];
}

export interface ConnectInput {
  ipv4?: string;
  ipv6?: string;
  aliases?: string[];
}

export async function connectContainer(client: EngineClient, networkId: string, containerId: string, input: ConnectInput = {}, signal?: AbortSignal): Promise<void> {
  const ipam: Record<string, string> = {};
  if (input.ipv4) ipam.IPv4Address = input.ipv4;
  if (input.ipv6) ipam.IPv6Address = input.ipv6;
  const endpoint: Record<string, unknown> = {};
  if (Object.keys(ipam).length) endpoint.IPAMConfig = ipam;
  if (input.aliases?.length) endpoint.Aliases = input.aliases;
  await client.request('POST', `/networks/${encodeURIComponent(networkId)}/connect`, { body: { Container: containerId, EndpointConfig: endpoint }, signal });
}

export async function disconnectContainer(client: EngineClient, networkId: string, containerId: string, force = false, signal?: AbortSignal): Promise<void> {
  await client.request('POST', `/networks/${encodeURIComponent(networkId)}/disconnect`, { body: { Container: containerId, Force: force }, signal });
}

/** The network's full record as the Engine returns it, pretty-printed for the read-only document. */
export async function inspectNetworkJson(client: EngineClient, idOrName: string, signal?: AbortSignal): Promise<string> {
  const raw = await client.json('GET', `/networks/${encodeURIComponent(idOrName)}`, { signal });
  return JSON.stringify(raw, null, 2) + '\n';
}

/** Containers for the Connect quick pick (running and stopped). */
export async function listContainers(client: EngineClient, signal?: AbortSignal): Promise<ContainerRecord[]> {
  return parseContainerList(await client.json('GET', '/containers/json', { query: { all: 1 }, signal }));
}

/** A static address must lie inside one of the network's subnets (the Engine refuses it otherwise). */
export function validateStaticAddress(text: string, network: NetworkRecord): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const ip = parseIp(t);
  if (!ip) return l10n.t('"{0}" is not an IP address.', t);
  const subnets = network.ipam.config.map((c) => (c.subnet ? parseCidr(c.subnet) : undefined)).filter((c): c is ParsedCidr => !!c && c.family === ip.family);
  if (!subnets.length) return l10n.t('Network "{0}" has no IPv{1} subnet configured by the user; the Engine only accepts a static address on a user-configured subnet.', network.name, ip.family);
  if (!subnets.some((s) => containsIp(s, ip))) return l10n.t('{0} is outside {1}.', t, subnets.map((s) => s.network).join(', '));
  return undefined;
}
