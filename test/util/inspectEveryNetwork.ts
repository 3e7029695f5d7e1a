import type { EngineClient } from '../../client/src/engine/engineClient';
import { mapLimit } from '../../client/src/networks/networkSnapshot';
import { joinContainers, parseContainer, parseNetwork, parseNetworkList, type ContainerRecord, type NetworkRecord } from '../../client/src/networks/networkRecords';

/**
 * The reference the two-list load is checked and benchmarked against (#19): how the view
 * loaded before, `GET /networks`, then `GET /networks/{id}` for every network and
 * `GET /containers/{id}/json` for up to 500 attached containers, eight at a time.
 */
export async function inspectEveryNetwork(client: EngineClient, maxContainers = 500): Promise<NetworkRecord[]> {
  const ids = parseNetworkList(await client.json('GET', '/networks')).map((n) => n.id);
  const networks = (await mapLimit(ids, 8, async (id) => parseNetwork(await client.json('GET', `/networks/${id}`).catch(() => undefined)))).filter((n): n is NetworkRecord => n !== undefined);
  const containerIds = [...new Set(networks.flatMap((n) => n.containers.map((c) => c.containerId)))].filter((id) => !/^(ep|lb)-/.test(id)).slice(0, maxContainers);
  const containers = (await mapLimit(containerIds, 8, async (id) => parseContainer(await client.json('GET', `/containers/${id}/json`).catch(() => undefined)))).filter((c): c is ContainerRecord => c !== undefined);
  return joinContainers(networks, containers);
}
