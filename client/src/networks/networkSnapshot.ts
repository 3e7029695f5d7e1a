import { compareApiVersions } from '../engine/apiVersion';
import type { EngineClient } from '../engine/engineClient';
import { EngineError } from '../engine/engineError';
import { attachContainers, joinContainers, parseContainer, parseContainerList, parseEvent, parseNetwork, parseNetworkList, type ContainerRecord, type NetworkRecord } from './networkRecords';

/**
 * Loads the networks the view shows with two requests per refresh (#19), whatever their
 * number: `GET /networks` (no containers in the list since API 1.28) and
 * `GET /containers/json?all=1`, whose summaries carry each endpoint's addresses and MAC,
 * joined by network ID (attachContainers). Aliases and DNS names are only in a
 * container's own record: each container is inspected once and again only when its
 * name or endpoints change (a new endpoint ID on connect or restart). Swarm-scoped
 * networks are inspected one by one: their load-balancer endpoints ("lb-…") are in
 * network inspect alone. Before, every refresh inspected every network and up to 500
 * containers: 2,502 requests for 2,000 networks.
 */

/** Containers inspected per load at most; beyond it, endpoints show without aliases until a later load. */
const MAX_CONTAINER_INSPECTS = 500;
const CONCURRENCY = 8;

/** `fn` over `items`, at most `limit` at a time, results in order. */
export async function mapLimit<A, B>(items: A[], limit: number, fn: (a: A) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** A 404 means the object went away between the list and the inspect: skip it. */
async function unlessGone<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (err instanceof EngineError && err.status === 404) return undefined;
    throw err;
  }
}

export type NetworkLoader = (client: EngineClient, signal?: AbortSignal) => Promise<NetworkRecord[]>;

/** What makes a container's aliases and DNS names change: its name and its endpoints. */
function aliasKey(c: ContainerRecord): string {
  return [c.name, ...Object.entries(c.networks).map(([name, link]) => `${name}=${link.endpointId ?? ''}`).sort()].join('\n');
}

/** A loader for one session: it keeps the container records it inspected, for the next load. */
export function createNetworkLoader(): NetworkLoader {
  const inspected = new Map<string, { key: string; record: ContainerRecord }>();
  return async (client, signal) => {
    const [rawNetworks, rawContainers] = await Promise.all([client.json('GET', '/networks', { signal }), client.json('GET', '/containers/json', { query: { all: 1 }, signal })]);
    const detailed = await mapLimit(parseNetworkList(rawNetworks), CONCURRENCY, async (n) => {
      if (n.scope !== 'swarm') return n;
      const raw = await unlessGone(client.json('GET', `/networks/${encodeURIComponent(n.id)}`, { signal }));
      return raw === undefined ? undefined : (parseNetwork(raw) ?? n);
    });
    const summaries = parseContainerList(rawContainers).filter((c) => Object.values(c.networks).some((link) => link.endpointId));
    const live = new Set(summaries.map((c) => c.id));
    for (const id of inspected.keys()) if (!live.has(id)) inspected.delete(id);
    const changed = summaries.filter((c) => inspected.get(c.id)?.key !== aliasKey(c)).slice(0, MAX_CONTAINER_INSPECTS);
    const records = await mapLimit(changed, CONCURRENCY, async (c) => parseContainer(await unlessGone(client.json('GET', `/containers/${encodeURIComponent(c.id)}/json`, { signal }))));
    changed.forEach((c, i) => {
      const record = records[i];
      if (record) inspected.set(c.id, { key: aliasKey(c), record });
    });
    return joinContainers(
      attachContainers(
        detailed.filter((n): n is NetworkRecord => n !== undefined),
        summaries,
      ),
      [...inspected.values()].map((e) => e.record),
    );
  };
}

/** One load without a memory of earlier ones (every container on a network inspected). */
export function loadNetworks(client: EngineClient, signal?: AbortSignal): Promise<NetworkRecord[]> {
  return createNetworkLoader()(client, signal);
}

/** API 1.52 added per-subnet address usage to network inspect (not to the list). */
const SUBNET_STATUS_API = '1.52';

/**
 * A network with its subnet usage, for when the user expands it (#19): only network
 * inspect has `Status.IPAM.Subnets`, and a refresh no longer inspects every network.
 * Without usage (older API, no subnets, the network gone) it is the network as given.
 */
export async function withSubnetStatus(client: EngineClient, network: NetworkRecord, apiVersion: string, signal?: AbortSignal): Promise<NetworkRecord> {
  if (compareApiVersions(apiVersion, SUBNET_STATUS_API) < 0 || !network.ipam.config.length) return network;
  const inspected = parseNetwork(await unlessGone(client.json('GET', `/networks/${encodeURIComponent(network.id)}`, { signal })));
  return inspected && Object.keys(inspected.subnetStatus).length ? { ...network, subnetStatus: inspected.subnetStatus } : network;
}

/** Container actions that change what a network shows (moby daemon/events: container start/die/rename/destroy). */
const CONTAINER_ACTIONS = new Set(['start', 'die', 'rename', 'destroy', 'stop', 'kill', 'pause', 'unpause', 'restart']);

/**
 * Events that call for a reload: every network event, container life-cycle changes, and
 * the swarm-scoped service and node events a manager sends (#22: a service created,
 * scaled or removed changes an overlay network's services and tasks; a node its peers).
 */
export function isNetworkRelevant(value: unknown): boolean {
  const e = parseEvent(value);
  if (!e) return false;
  if (e.type === 'network' || e.type === 'service' || e.type === 'node') return true;
  return e.type === 'container' && CONTAINER_ACTIONS.has(e.action.split(':')[0]);
}

/** The event filter for GET /events. */
export const NETWORK_EVENT_FILTERS: Record<string, string[]> = { type: ['network', 'container', 'service', 'node'] };
