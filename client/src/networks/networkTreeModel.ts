import { describeRange, parseCidr } from '../../../server/src/shared/cidr';
import type { SessionState, StaleMark } from '../engine/engineSession';
import { NetworkCommandIds } from './networkCommandIds';
import type { EndpointRecord, IpamConfigRecord, NetworkRecord } from './networkRecords';
// A named import, so esbuild puts only this array of the Compose schema into
// dist/client.js, not the whole schema (#14; test/unit/architecture.test.ts checks).
import { 'x-predefined-networks' as predefinedNetworks } from '../../../schemas/compose-networks.schema.json';

/**
 * The Docker Networks tree as plain data: labels, descriptions, Markdown tooltips,
 * codicon names and context values. networkTreeProvider.ts only maps these nodes to
 * vscode.TreeItem, so everything the user reads is built (and unit-tested) here.
 */

export type NodeKind = 'state' | 'advice' | 'action' | 'group' | 'network' | 'section' | 'subnet' | 'flag' | 'option' | 'label' | 'container' | 'address' | 'empty';

export interface TreeNode {
  /** Stable across refreshes, so expansion state survives them. */
  id: string;
  kind: NodeKind;
  label: string;
  description?: string;
  /** Markdown. */
  tooltip?: string;
  /** A codicon id (https://microsoft.github.io/vscode-codicons/). */
  icon?: string;
  /** For `view/item/context` menus (`viewItem == …`). */
  contextValue?: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  children?: TreeNode[];
  command?: { command: string; title: string };
  networkId?: string;
  networkName?: string;
  containerId?: string;
  containerName?: string;
  /** What the copy commands copy. */
  subnet?: string;
  address?: string;
}

export interface TreeOptions {
  hideBuiltin: boolean;
  sortBy: 'name' | 'driver';
  groupByProject: boolean;
}

export const DEFAULT_TREE_OPTIONS: TreeOptions = { hideBuiltin: false, sortBy: 'name', groupByProject: true };

/**
 * Networks every Engine creates and refuses to remove (moby
 * `runconfig.IsPreDefinedNetwork`); the same data the Compose rules use.
 */
export const BUILTIN_NETWORKS: readonly string[] = predefinedNetworks;

/** The label Compose puts on the networks it creates (compose-spec, docker/compose api.ProjectLabel). */
export const COMPOSE_PROJECT_LABEL = 'com.docker.compose.project';

export function isBuiltin(n: Pick<NetworkRecord, 'name'>): boolean {
  return BUILTIN_NETWORKS.includes(n.name);
}

/** Codicon per driver; unknown (plugin) drivers share one. */
const DRIVER_ICONS: Record<string, string> = {
  bridge: 'type-hierarchy-sub',
  host: 'vm',
  null: 'circle-slash',
  overlay: 'globe',
  macvlan: 'plug',
  ipvlan: 'plug',
  nat: 'type-hierarchy-sub',
  transparent: 'plug',
};

export function driverIcon(driver: string): string {
  return DRIVER_ICONS[driver] ?? 'extensions';
}

function mdEscape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

export function subnetsOf(n: NetworkRecord): string[] {
  return n.ipam.config.map((c) => c.subnet).filter((s): s is string => s !== undefined);
}

export function networkDescription(n: NetworkRecord): string {
  const subnets = subnetsOf(n);
  return [n.driver, n.scope, ...(subnets.length ? [subnets.join(', ')] : [])].join(' · ');
}

function flags(n: NetworkRecord): string[] {
  const out: string[] = [];
  if (n.internal) out.push('internal');
  if (n.attachable) out.push('attachable');
  if (n.ingress) out.push('ingress');
  if (n.enableIPv6) out.push('IPv6');
  if (!n.enableIPv4) out.push('no IPv4');
  if (n.configOnly) out.push('config-only');
  return out;
}

function networkTooltip(n: NetworkRecord): string {
  const lines = [`**${mdEscape(n.name)}** — ${mdEscape(n.driver)} network, ${mdEscape(n.scope)} scope`, '', `ID: \`${n.id.slice(0, 12)}\``];
  for (const c of n.ipam.config) {
    if (c.subnet) lines.push(`- subnet \`${c.subnet}\`${c.gateway ? `, gateway \`${c.gateway}\`` : ''}${c.ipRange ? `, range \`${c.ipRange}\`` : ''}`);
  }
  const f = flags(n);
  if (f.length) lines.push('', `Flags: ${f.join(', ')}`);
  const project = n.labels[COMPOSE_PROJECT_LABEL];
  if (project) lines.push('', `Compose project: \`${project}\``);
  lines.push('', `${n.containers.length} container${n.containers.length === 1 ? '' : 's'} connected`);
  if (n.created) lines.push('', `Created ${n.created}`);
  if (isBuiltin(n)) lines.push('', '_Built-in network: the Engine creates it and does not let it be removed._');
  return lines.join('\n');
}

function subnetNode(n: NetworkRecord, c: IpamConfigRecord, i: number): TreeNode {
  const cidr = c.subnet ? parseCidr(c.subnet) : undefined;
  const parts: string[] = [];
  if (c.gateway) parts.push(`gateway ${c.gateway}`);
  if (c.ipRange) parts.push(`range ${c.ipRange}`);
  const status = c.subnet ? n.subnetStatus[c.subnet] : undefined;
  if (status?.ipsInUse !== undefined) parts.push(`${status.ipsInUse} in use`);
  const tip = [`**${mdEscape(c.subnet ?? '(no subnet)')}** (IPv${cidr?.family ?? '?'})`];
  if (cidr) tip.push('', describeRange(cidr));
  if (c.gateway) tip.push('', `Gateway: \`${c.gateway}\``);
  if (c.ipRange) {
    const r = parseCidr(c.ipRange);
    tip.push('', `Addresses handed out from \`${c.ipRange}\`${r ? `: ${describeRange(r)}` : ''}`);
  }
  const aux = Object.entries(c.auxAddresses);
  if (aux.length) tip.push('', 'Reserved: ' + aux.map(([k, v]) => `${mdEscape(k)} \`${v}\``).join(', '));
  if (status) tip.push('', `${status.ipsInUse ?? '?'} addresses in use, ${status.dynamicIpsAvailable ?? '?'} left for dynamic allocation`);
  return {
    id: `${n.id}/ipam/${i}`,
    kind: 'subnet',
    label: c.subnet ?? '(no subnet)',
    description: parts.join(' · '),
    tooltip: tip.join('\n'),
    icon: cidr?.family === 6 ? 'symbol-number' : 'symbol-field',
    contextValue: c.subnet ? 'subnet' : undefined,
    collapsible: 'none',
    networkId: n.id,
    networkName: n.name,
    subnet: c.subnet,
  };
}

function keyValueSection(n: NetworkRecord, key: string, title: string, kind: 'option' | 'label', map: Record<string, string>): TreeNode | undefined {
  const entries = Object.entries(map).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return undefined;
  return {
    id: `${n.id}/${key}`,
    kind: 'section',
    label: title,
    description: String(entries.length),
    icon: kind === 'label' ? 'tag' : 'settings-gear',
    collapsible: 'collapsed',
    children: entries.map(([k, v]) => ({
      id: `${n.id}/${key}/${k}`,
      kind,
      label: k,
      description: v,
      tooltip: `\`${k}\` = \`${v}\``,
      collapsible: 'none',
    })),
  };
}

function addressOnly(a: string | undefined): string | undefined {
  return a?.split('/')[0];
}

function containerNode(n: NetworkRecord, ep: EndpointRecord): TreeNode {
  const addrs = [ep.ipv4Address, ep.ipv6Address].filter((a): a is string => !!a);
  const children: TreeNode[] = [];
  const addr = (key: string, label: string, value: string | undefined, copy?: string): void => {
    if (!value) return;
    children.push({
      id: `${n.id}/c/${ep.containerId}/${key}`,
      kind: 'address',
      label,
      description: value,
      contextValue: copy ? 'address' : undefined,
      collapsible: 'none',
      address: copy,
      containerId: ep.containerId,
      networkId: n.id,
    });
  };
  addr('v4', 'IPv4', ep.ipv4Address, addressOnly(ep.ipv4Address));
  addr('v6', 'IPv6', ep.ipv6Address, addressOnly(ep.ipv6Address));
  addr('mac', 'MAC', ep.macAddress, ep.macAddress);
  if (ep.aliases.length) addr('aliases', 'Aliases', ep.aliases.join(', '));
  if (ep.dnsNames.length) addr('dns', 'DNS names', ep.dnsNames.join(', '));
  const tip = [`**${mdEscape(ep.name)}** on ${mdEscape(n.name)}`, '', `Container ID: \`${ep.containerId.slice(0, 12)}\``];
  if (ep.ipv4Address) tip.push('', `IPv4: \`${ep.ipv4Address}\``);
  if (ep.ipv6Address) tip.push('', `IPv6: \`${ep.ipv6Address}\``);
  if (ep.macAddress) tip.push('', `MAC: \`${ep.macAddress}\``);
  if (ep.aliases.length) tip.push('', `Aliases: ${ep.aliases.map((a) => `\`${a}\``).join(', ')}`);
  return {
    id: `${n.id}/c/${ep.containerId}`,
    kind: 'container',
    label: ep.name,
    description: addrs.join(' · '),
    tooltip: tip.join('\n'),
    icon: 'package',
    contextValue: 'container',
    collapsible: children.length ? 'collapsed' : 'none',
    children,
    networkId: n.id,
    networkName: n.name,
    containerId: ep.containerId,
    containerName: ep.name,
    address: addressOnly(ep.ipv4Address ?? ep.ipv6Address),
  };
}

export function networkChildren(n: NetworkRecord): TreeNode[] {
  const out: TreeNode[] = [];
  out.push({
    id: `${n.id}/ipam`,
    kind: 'section',
    label: 'IPAM',
    description: n.ipam.config.length ? `${n.ipam.driver} driver` : `${n.ipam.driver} driver, no subnets`,
    icon: 'symbol-namespace',
    collapsible: n.ipam.config.length ? 'expanded' : 'none',
    children: n.ipam.config.map((c, i) => subnetNode(n, c, i)),
  });
  const flagList: Array<[string, boolean]> = [
    ['internal', n.internal],
    ['attachable', n.attachable],
    ['ingress', n.ingress],
    ['IPv6', n.enableIPv6],
  ];
  if (!n.enableIPv4) flagList.push(['IPv4', false]);
  const on = flags(n);
  out.push({
    id: `${n.id}/flags`,
    kind: 'section',
    label: 'Flags',
    description: on.length ? on.join(', ') : 'none set',
    icon: 'checklist',
    collapsible: 'collapsed',
    children: flagList.map(([name, value]) => ({
      id: `${n.id}/flags/${name}`,
      kind: 'flag',
      label: name,
      description: value ? 'yes' : 'no',
      icon: value ? 'pass' : 'circle-large-outline',
      collapsible: 'none',
    })),
  });
  const opts = keyValueSection(n, 'options', 'Driver options', 'option', n.options);
  if (opts) out.push(opts);
  const labels = keyValueSection(n, 'labels', 'Labels', 'label', n.labels);
  if (labels) out.push(labels);
  out.push({
    id: `${n.id}/containers`,
    kind: 'section',
    label: 'Containers',
    description: n.containers.length ? String(n.containers.length) : 'none',
    icon: 'layers',
    collapsible: n.containers.length ? 'expanded' : 'none',
    contextValue: 'containers',
    networkId: n.id,
    networkName: n.name,
    children: n.containers.map((ep) => containerNode(n, ep)),
  });
  return out;
}

export function networkNode(n: NetworkRecord): TreeNode {
  return {
    id: n.id,
    kind: 'network',
    label: n.name,
    description: networkDescription(n),
    tooltip: networkTooltip(n),
    icon: driverIcon(n.driver),
    contextValue: isBuiltin(n) ? 'network.builtin' : 'network',
    collapsible: 'collapsed',
    children: networkChildren(n),
    networkId: n.id,
    networkName: n.name,
    subnet: subnetsOf(n)[0],
  };
}

export function sortNetworks(networks: NetworkRecord[], sortBy: TreeOptions['sortBy']): NetworkRecord[] {
  return [...networks].sort((a, b) => (sortBy === 'driver' ? a.driver.localeCompare(b.driver) : 0) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

function stateNodes(state: SessionState): TreeNode[] {
  if (state.kind === 'connecting') {
    return [{ id: 'state', kind: 'state', label: `Connecting to ${state.host}…`, icon: 'loading~spin', collapsible: 'none' }];
  }
  if (state.kind === 'unreachable') {
    const p = state.problem;
    return [
      {
        id: 'state',
        kind: 'state',
        label: p.reason,
        tooltip: `${mdEscape(p.reason)}\n\n${p.advice}`,
        icon: p.kind === 'permission' ? 'lock' : 'error',
        collapsible: 'none',
      },
      { id: 'advice', kind: 'advice', label: p.advice, tooltip: p.advice, icon: 'lightbulb', collapsible: 'none' },
      { id: 'retry', kind: 'action', label: 'Retry', icon: 'refresh', collapsible: 'none', command: { command: NetworkCommandIds.retry, title: 'Retry' } },
    ];
  }
  return [];
}

/** "10:42": the local time of day, as the view says since when its data is. */
function timeOfDay(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The first row while the networks shown are not current (#19): since when, and why. */
export function staleMessage(stale: StaleMark): string {
  return `Showing networks from ${timeOfDay(stale.since)}; ${stale.reason.charAt(0).toLowerCase()}${stale.reason.slice(1)}`;
}

function staleNode(stale: StaleMark): TreeNode {
  const label = staleMessage(stale);
  return { id: 'stale', kind: 'state', label, tooltip: `${mdEscape(label)}\n\nRetried automatically; **Refresh** tries now.`, icon: 'warning', collapsible: 'none' };
}

/** The root nodes for a state and the networks of the last snapshot. */
export function buildTree(state: SessionState, networks: NetworkRecord[] | undefined, options: TreeOptions = DEFAULT_TREE_OPTIONS): TreeNode[] {
  if (state.kind !== 'connected') return stateNodes(state);
  const roots = networkRoots(networks, options);
  return state.stale ? [staleNode(state.stale), ...roots] : roots;
}

function networkRoots(networks: NetworkRecord[] | undefined, options: TreeOptions): TreeNode[] {
  const shown = sortNetworks(
    (networks ?? []).filter((n) => !(options.hideBuiltin && isBuiltin(n))),
    options.sortBy,
  );
  if (!shown.length) {
    return [{ id: 'empty', kind: 'empty', label: options.hideBuiltin ? 'No networks besides the built-in ones' : 'No networks', icon: 'info', collapsible: 'none' }];
  }
  if (!options.groupByProject) return shown.map(networkNode);
  const groups = new Map<string, NetworkRecord[]>();
  const loose: NetworkRecord[] = [];
  for (const n of shown) {
    const project = n.labels[COMPOSE_PROJECT_LABEL];
    if (project) groups.set(project, [...(groups.get(project) ?? []), n]);
    else loose.push(n);
  }
  const groupNodes: TreeNode[] = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([project, members]) => ({
      id: `project:${project}`,
      kind: 'group',
      label: project,
      description: `Compose project · ${members.length} network${members.length === 1 ? '' : 's'}`,
      tooltip: `Networks labelled \`${COMPOSE_PROJECT_LABEL}=${project}\``,
      icon: 'folder-library',
      contextValue: 'project',
      collapsible: 'expanded',
      children: members.map(networkNode),
    }));
  return [...groupNodes, ...loose.map(networkNode)];
}

/** The view's description: Engine version and host, or the state. */
export function viewDescription(state: SessionState): string {
  switch (state.kind) {
    case 'connecting':
      return 'connecting…';
    case 'connected':
      return `${state.stale ? 'stale · ' : ''}Engine ${state.identity.version ?? '?'} · ${state.host}`;
    case 'unreachable':
      return state.host ? `unreachable · ${state.host}` : 'not configured';
  }
}

/** All network nodes of a tree, depth-first (groups flattened). */
export function flattenNetworks(roots: TreeNode[]): TreeNode[] {
  return roots.flatMap((r) => (r.kind === 'network' ? [r] : r.kind === 'group' ? (r.children ?? []).filter((c) => c.kind === 'network') : []));
}
