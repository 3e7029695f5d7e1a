import type { EngineClient } from '../engine/engineClient';
import { EngineError } from '../engine/engineError';
import { joinContainers, parseContainer, parseEvent, parseNetwork, parseNetworkList, type ContainerRecord, type NetworkRecord } from './networkRecords';

/**
 * Loads the networks the view shows: `GET /networks` (no containers in the list since
 * API 1.28), then `GET /networks/{id}` for the attached containers, then
 * `GET /containers/{id}/json` for their aliases (only the container record has them).
 */

/** Containers inspected per load at most; beyond it, endpoints show without aliases. */
const MAX_CONTAINER_INSPECTS = 500;
const CONCURRENCY = 8;

async function mapLimit<A, B>(items: A[], limit: number, fn: (a: A) => Promise<B>): Promise<B[]> {
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

export async function loadNetworks(client: EngineClient, signal?: AbortSignal): Promise<NetworkRecord[]> {
  const list = parseNetworkList(await client.json('GET', '/networks', { signal }));
  const detailed = await mapLimit(list, CONCURRENCY, async (n) => {
    const raw = await unlessGone(client.json('GET', `/networks/${encodeURIComponent(n.id)}`, { signal }));
    return raw === undefined ? undefined : (parseNetwork(raw) ?? n);
  });
  const networks = detailed.filter((n): n is NetworkRecord => n !== undefined);
  // "ep-…"/"lb-…" keys are endpoints without a (local) container: nothing to inspect.
  const ids = [...new Set(networks.flatMap((n) => n.containers.map((c) => c.containerId)))].filter((id) => !/^(ep|lb)-/.test(id)).slice(0, MAX_CONTAINER_INSPECTS);
  const containers = await mapLimit(ids, CONCURRENCY, async (id) => parseContainer(await unlessGone(client.json('GET', `/containers/${encodeURIComponent(id)}/json`, { signal }))));
  return joinContainers(
    networks,
    containers.filter((c): c is ContainerRecord => c !== undefined),
  );
}

/** Container actions that change what a network shows (moby daemon/events: container start/die/rename/destroy). */
const CONTAINER_ACTIONS = new Set(['start', 'die', 'rename', 'destroy', 'stop', 'kill', 'pause', 'unpause', 'restart']);

/** Events that call for a reload: every network event, and container life-cycle changes. */
export function isNetworkRelevant(value: unknown): boolean {
  const e = parseEvent(value);
  if (!e) return false;
  if (e.type === 'network') return true;
  return e.type === 'container' && CONTAINER_ACTIONS.has(e.action.split(':')[0]);
}

/** The event filter for GET /events. */
export const NETWORK_EVENT_FILTERS: Record<string, string[]> = { type: ['network', 'container'] };
