import * as l10n from '@vscode/l10n';
import type { EngineSwarm } from '../../../server/src/shared/protocol';
import type { EngineClient } from '../engine/engineClient';
import { engineDetails } from '../engine/engineDetails';
import { EngineError } from '../engine/engineError';
import { createNetwork, RefusedError, type CreateNetworkInput } from './networkActions';
import { list, obj, str, strList, type NetworkRecord } from './networkRecords';
import type { TreeNode } from './networkTreeModel';

/**
 * Swarm's overlay networks (#22): the services attached with their virtual IPs, each
 * service's tasks with node and address, and the network's peers, from the Engine's
 * verbose network inspect (moby api/swagger.yaml `GET /networks/{id}` `verbose`, `scope`;
 * `Services` → ServiceInfo {VIP, Ports, Tasks [{Name, EndpointIP, Info {"Host IP"}}]},
 * `Peers` → [{Name, IP}]). Asked when the user expands such a network, never per refresh.
 * A manager answers for the whole swarm (`scope=swarm`); a worker only for what runs on it.
 */

export interface SwarmTask {
  name: string;
  endpointIp?: string;
  /** The address of the node the task runs on ("Host IP"). */
  hostIp?: string;
}

export interface SwarmService {
  name: string;
  vip?: string;
  ports: string[];
  tasks: SwarmTask[];
}

export interface SwarmPeer {
  name: string;
  ip?: string;
}

export interface SwarmDetails {
  services: SwarmService[];
  peers: SwarmPeer[];
}

/** The `Services` and `Peers` of a verbose network inspect, tolerant of missing parts. */
export function parseSwarmDetails(raw: unknown): SwarmDetails {
  const o = obj(raw);
  const services: SwarmService[] = Object.entries(obj(o?.Services) ?? {}).map(([name, v]) => {
    const s = obj(v);
    const tasks = list(s?.Tasks).flatMap((t) => {
      const task = obj(t);
      const taskName = str(task?.Name);
      return taskName ? [{ name: taskName, endpointIp: str(task?.EndpointIP), hostIp: str(obj(task?.Info)?.['Host IP']) }] : [];
    });
    return { name, vip: str(s?.VIP), ports: strList(s?.Ports), tasks: tasks.sort((a, b) => a.name.localeCompare(b.name)) };
  });
  const peers = list(o?.Peers).flatMap((p) => {
    const peer = obj(p);
    const name = str(peer?.Name);
    return name ? [{ name, ip: str(peer?.IP) }] : [];
  });
  return { services: services.sort((a, b) => a.name.localeCompare(b.name)), peers };
}

/** A manager of an active swarm: it creates overlay networks and sees the whole swarm. */
export function isSwarmManager(swarm: EngineSwarm | undefined): boolean {
  return swarm?.nodeState === 'active' && swarm.controlAvailable;
}

export function isSwarmNetwork(n: Pick<NetworkRecord, 'scope' | 'driver'>): boolean {
  return n.scope === 'swarm' || n.driver === 'overlay';
}

/** The verbose inspect of a network; undefined when it went away. */
export async function loadSwarmDetails(client: EngineClient, networkId: string, manager: boolean, signal?: AbortSignal): Promise<SwarmDetails | undefined> {
  const query: Record<string, string> = { verbose: 'true' };
  if (manager) query.scope = 'swarm';
  try {
    return parseSwarmDetails(await client.json('GET', `/networks/${encodeURIComponent(networkId)}`, { query, signal }));
  } catch (err) {
    if (err instanceof EngineError && err.status === 404) return undefined;
    throw err;
  }
}

/** Why this Engine cannot create an overlay network, or undefined when it can (moby: only a manager may). */
export function overlayRefusal(swarm: EngineSwarm | undefined): string | undefined {
  if (isSwarmManager(swarm)) return undefined;
  if (swarm?.nodeState === 'active') return l10n.t('This Engine is a swarm worker: only a swarm manager creates overlay networks. Create it on a manager.');
  return l10n.t('This Engine is not part of a swarm: overlay networks need a swarm manager (`docker swarm init`).');
}

/** The drivers the Create wizard offers: overlay on managers only. */
export function createDrivers(swarm: EngineSwarm | undefined): string[] {
  return ['bridge', 'ipvlan', 'macvlan', ...(isSwarmManager(swarm) ? ['overlay'] : [])];
}

/** A section row of a network with its count; open as `open` when it has rows. */
function section(n: NetworkRecord, key: string, label: string, icon: string, open: 'expanded' | 'collapsed', children: TreeNode[]): TreeNode {
  return { id: `${n.id}/${key}`, kind: 'section', label, description: children.length ? String(children.length) : l10n.t('none'), icon, collapsible: children.length ? open : 'none', children };
}

/** The swarm rows of an overlay network: its flags, services with tasks, peers; a worker says what it cannot see. */
export function swarmChildren(n: NetworkRecord, details: SwarmDetails | undefined, swarm: EngineSwarm | undefined): TreeNode[] {
  const encrypted = 'encrypted' in n.options;
  const flags: Array<[string, string]> = [
    [l10n.t('scope'), n.scope],
    ['attachable', n.attachable ? l10n.t('yes') : l10n.t('no')],
    ['encrypted', encrypted ? l10n.t('yes') : l10n.t('no')],
    ['ingress', n.ingress ? l10n.t('yes') : l10n.t('no')],
  ];
  const out: TreeNode[] = [
    {
      id: `${n.id}/swarm`,
      kind: 'section',
      label: l10n.t('Swarm'),
      description: [n.scope, ...(n.attachable ? ['attachable'] : []), ...(encrypted ? ['encrypted'] : []), ...(n.ingress ? ['ingress'] : [])].join(' · '),
      icon: 'globe',
      collapsible: 'collapsed',
      children: flags.map(([label, value]) => ({ id: `${n.id}/swarm/${label}`, kind: 'flag', label, description: value, collapsible: 'none' })),
    },
  ];
  const peersByIp = new Map((details?.peers ?? []).filter((p) => p.ip).map((p) => [p.ip!, p.name]));
  const services = details?.services ?? [];
  out.push(
    section(n, 'services', l10n.t('Services'), 'server-process', 'expanded', services.map((s) => ({
      id: `${n.id}/services/${s.name}`,
      kind: 'service',
      label: s.name,
      description: [s.vip ? `VIP ${s.vip}` : undefined, s.tasks.length === 1 ? l10n.t('1 task') : l10n.t('{0} tasks', s.tasks.length)].filter((x) => x !== undefined).join(' · '),
      tooltip: [`**${s.name}**`, ...(s.vip ? ['', l10n.t('Virtual IP: `{0}`', s.vip)] : []), ...(s.ports.length ? ['', l10n.t('Ports: {0}', s.ports.join(', '))] : [])].join('\n'),
      icon: 'server-process',
      contextValue: s.vip ? 'service' : undefined,
      collapsible: s.tasks.length ? 'expanded' : 'none',
      address: s.vip,
      networkId: n.id,
      children: s.tasks.map((t) => {
        const node = t.hostIp ? (peersByIp.get(t.hostIp) ?? t.hostIp) : undefined;
        return {
          id: `${n.id}/services/${s.name}/${t.name}`,
          kind: 'task' as const,
          label: t.name,
          description: [t.endpointIp, node ? l10n.t('on {0}', node) : undefined].filter((x) => x !== undefined).join(' · '),
          tooltip: [`**${t.name}**`, ...(t.endpointIp ? ['', l10n.t('Address: `{0}`', t.endpointIp)] : []), ...(t.hostIp ? ['', l10n.t('Node: {0} (`{1}`)', node ?? t.hostIp, t.hostIp)] : [])].join('\n'),
          icon: 'symbol-event',
          contextValue: t.endpointIp ? 'address' : undefined,
          collapsible: 'none' as const,
          address: t.endpointIp,
          networkId: n.id,
        };
      }),
    }))),
  );
  const peers = (details?.peers ?? []).map((p): TreeNode => ({ id: `${n.id}/peers/${p.name}/${p.ip ?? ''}`, kind: 'peer', label: p.name, description: p.ip, icon: 'vm', collapsible: 'none' }));
  out.push(section(n, 'peers', l10n.t('Peers'), 'organization', 'collapsed', peers));
  if (!isSwarmManager(swarm)) {
    out.push({
      id: `${n.id}/swarm-worker`,
      kind: 'state',
      label: l10n.t('Services, tasks and peers on other nodes need a swarm manager; this Engine shows only what runs on it.'),
      icon: 'info',
      collapsible: 'none',
    });
  }
  return out;
}

/** The swarm rows of a network the user expanded: the Engine's role (`GET /info`), then its verbose inspect. */
export async function overlayChildren(client: EngineClient, n: NetworkRecord, signal?: AbortSignal): Promise<TreeNode[]> {
  const { swarm } = await engineDetails(client);
  return swarmChildren(n, await loadSwarmDetails(client, n.id, isSwarmManager(swarm), signal), swarm);
}

/** The Create wizard's extra option for an overlay network; a function, so its text follows the display language. */
export function encryptedItem(): { label: string; description: string } {
  return { label: 'encrypted', description: l10n.t('encrypt the traffic between nodes (overlay)') };
}

/**
 * Creates a network; an overlay network only on a swarm manager. The Engine would refuse
 * it on any other node too ("This node is not a swarm manager…"), but after the user filled
 * in the wizard and in its own words; we say why and where to create it instead.
 */
export async function createNetworkChecked(
  client: EngineClient,
  input: CreateNetworkInput,
  signal?: AbortSignal,
  /** The Engine's swarm role when the caller asked already (the wizard): not asked twice, nor refused by a second `GET /info` that failed. */
  known?: { swarm: EngineSwarm | undefined },
): Promise<{ id: string; warning?: string }> {
  if (input.driver === 'overlay') {
    const why = overlayRefusal((known ?? (await engineDetails(client))).swarm);
    if (why) throw new RefusedError(why);
  }
  return createNetwork(client, input, signal);
}
