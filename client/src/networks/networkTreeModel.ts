import * as l10n from '@vscode/l10n';
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

export type NodeKind = 'engine' | 'service' | 'task' | 'peer' | 'state' | 'advice' | 'action' | 'group' | 'network' | 'section' | 'subnet' | 'flag' | 'option' | 'label' | 'container' | 'address' | 'empty';

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
  /** The Engine the node belongs to (#22): which session the commands and the lazy children use. */
  engineId?: string;
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
  if (!n.enableIPv4) out.push(l10n.t('no IPv4'));
  if (n.configOnly) out.push('config-only');
  return out;
}

function networkTooltip(n: NetworkRecord): string {
  const lines = [l10n.t('**{0}** — {1} network, {2} scope', mdEscape(n.name), mdEscape(n.driver), mdEscape(n.scope)), '', `ID: \`${n.id.slice(0, 12)}\``];
  for (const c of n.ipam.config) {
    if (!c.subnet) continue;
    const parts = [`subnet \`${c.subnet}\``];
    if (c.gateway) parts.push(`gateway \`${c.gateway}\``);
    if (c.ipRange) parts.push(l10n.t('range `{0}`', c.ipRange));
    lines.push(`- ${parts.join(', ')}`);
  }
  const f = flags(n);
  if (f.length) lines.push('', l10n.t('Flags: {0}', f.join(', ')));
  const project = n.labels[COMPOSE_PROJECT_LABEL];
  if (project) lines.push('', l10n.t('Compose project: `{0}`', project));
  lines.push('', n.containers.length === 1 ? l10n.t('1 container connected') : l10n.t('{0} containers connected', n.containers.length));
  if (n.created) lines.push('', l10n.t('Created {0}', n.created));
  if (isBuiltin(n)) lines.push('', `_${l10n.t('Built-in network: the Engine creates it and does not let it be removed.')}_`);
  return lines.join('\n');
}

function subnetNode(n: NetworkRecord, c: IpamConfigRecord, i: number): TreeNode {
  const cidr = c.subnet ? parseCidr(c.subnet) : undefined;
  const parts: string[] = [];
  if (c.gateway) parts.push(`gateway ${c.gateway}`);
  if (c.ipRange) parts.push(l10n.t('range {0}', c.ipRange));
  const status = c.subnet ? n.subnetStatus[c.subnet] : undefined;
  if (status?.ipsInUse !== undefined) parts.push(l10n.t('{0} in use', status.ipsInUse));
  const tip = [`**${mdEscape(c.subnet ?? l10n.t('(no subnet)'))}** (IPv${cidr?.family ?? '?'})`];
  if (cidr) tip.push('', describeRange(cidr));
  if (c.gateway) tip.push('', l10n.t('Gateway: `{0}`', c.gateway));
  if (c.ipRange) {
    const r = parseCidr(c.ipRange);
    tip.push('', r ? l10n.t('Addresses handed out from `{0}`: {1}', c.ipRange, describeRange(r)) : l10n.t('Addresses handed out from `{0}`', c.ipRange));
  }
  const aux = Object.entries(c.auxAddresses);
  if (aux.length) tip.push('', l10n.t('Reserved: {0}', aux.map(([k, v]) => `${mdEscape(k)} \`${v}\``).join(', ')));
  if (status) tip.push('', l10n.t('{0} addresses in use, {1} left for dynamic allocation', status.ipsInUse ?? '?', status.dynamicIpsAvailable ?? '?'));
  return {
    id: `${n.id}/ipam/${i}`,
    kind: 'subnet',
    label: c.subnet ?? l10n.t('(no subnet)'),
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
  if (ep.aliases.length) addr('aliases', l10n.t('Aliases'), ep.aliases.join(', '));
  if (ep.dnsNames.length) addr('dns', l10n.t('DNS names'), ep.dnsNames.join(', '));
  const tip = [l10n.t('**{0}** on {1}', mdEscape(ep.name), mdEscape(n.name)), '', l10n.t('Container ID: `{0}`', ep.containerId.slice(0, 12))];
  if (ep.ipv4Address) tip.push('', `IPv4: \`${ep.ipv4Address}\``);
  if (ep.ipv6Address) tip.push('', `IPv6: \`${ep.ipv6Address}\``);
  if (ep.macAddress) tip.push('', `MAC: \`${ep.macAddress}\``);
  if (ep.aliases.length) tip.push('', l10n.t('Aliases: {0}', ep.aliases.map((a) => `\`${a}\``).join(', ')));
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
    description: n.ipam.config.length ? l10n.t('{0} driver', n.ipam.driver) : l10n.t('{0} driver, no subnets', n.ipam.driver),
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
    label: l10n.t('Flags'),
    description: on.length ? on.join(', ') : l10n.t('none set'),
    icon: 'checklist',
    collapsible: 'collapsed',
    children: flagList.map(([name, value]) => ({
      id: `${n.id}/flags/${name}`,
      kind: 'flag',
      label: name,
      description: value ? l10n.t('yes') : l10n.t('no'),
      icon: value ? 'pass' : 'circle-large-outline',
      collapsible: 'none',
    })),
  });
  const opts = keyValueSection(n, 'options', l10n.t('Driver options'), 'option', n.options);
  if (opts) out.push(opts);
  const labels = keyValueSection(n, 'labels', l10n.t('Labels'), 'label', n.labels);
  if (labels) out.push(labels);
  out.push({
    id: `${n.id}/containers`,
    kind: 'section',
    label: l10n.t('Containers'),
    description: n.containers.length ? String(n.containers.length) : l10n.t('none'),
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
    return [{ id: 'state', kind: 'state', label: l10n.t('Connecting to {0}…', state.host), icon: 'loading~spin', collapsible: 'none' }];
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
      { id: 'retry', kind: 'action', label: l10n.t('Retry'), icon: 'refresh', collapsible: 'none', command: { command: NetworkCommandIds.retry, title: l10n.t('Retry') } },
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
  return l10n.t('Showing networks from {0}; {1}', timeOfDay(stale.since), `${stale.reason.charAt(0).toLowerCase()}${stale.reason.slice(1)}`);
}

function staleNode(stale: StaleMark): TreeNode {
  const label = staleMessage(stale);
  return { id: 'stale', kind: 'state', label, tooltip: `${mdEscape(label)}\n\n${l10n.t('Retried automatically; **Refresh** tries now.')}`, icon: 'warning', collapsible: 'none' };
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
    return [{ id: 'empty', kind: 'empty', label: options.hideBuiltin ? l10n.t('No networks besides the built-in ones') : l10n.t('No networks'), icon: 'info', collapsible: 'none' }];
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
      description: members.length === 1 ? l10n.t('Compose project · 1 network') : l10n.t('Compose project · {0} networks', members.length),
      tooltip: l10n.t('Networks labelled `{0}`', `${COMPOSE_PROJECT_LABEL}=${project}`),
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
      return l10n.t('connecting…');
    case 'connected':
      return `${state.stale ? l10n.t('stale · ') : ''}Engine ${state.identity.version ?? '?'} · ${state.host}`;
    case 'unreachable':
      return state.host ? l10n.t('unreachable · {0}', state.host) : l10n.t('not configured');
  }
}

/** All network nodes of a tree, depth-first (groups flattened). */
export function flattenNetworks(roots: TreeNode[]): TreeNode[] {
  return roots.flatMap((r) => (r.kind === 'network' ? [r] : r.kind === 'group' ? (r.children ?? []).filter((c) => c.kind === 'network') : []));
}

/** One Engine of several as the view shows it (#22): its entry, whether it was started, its session's state and networks. */
export interface EngineView {
  id: string;
  name: string;
  /** Where it comes from ("docker context", "DOCKER_HOST", "setting dockerNetworking.engines"). */
  source: string;
  /** The host it resolves to, or undefined when it cannot be resolved. */
  host?: string;
  current: boolean;
  /** The Engine whose version and networks the diagnostics follow. */
  target: boolean;
  started: boolean;
  state: SessionState;
  networks?: NetworkRecord[];
}

function engineIcon(e: EngineView): string {
  if (!e.started) return 'vm-outline';
  if (e.state.kind === 'connected') return e.state.stale ? 'warning' : 'vm-running';
  return e.state.kind === 'connecting' ? 'loading~spin' : 'debug-disconnect';
}

/** The root row of an Engine: its name; current/target marks and its state in the description. */
export function engineRootNode(e: EngineView): TreeNode {
  const marks: string[] = [];
  if (e.current) marks.push(l10n.t('current'));
  if (e.target) marks.push(l10n.t('diagnostics'));
  const state = !e.started ? (e.host ?? l10n.t('not configured')) : viewDescription(e.state);
  const tip = [`**${mdEscape(e.name)}**`, '', `${mdEscape(e.source)}${e.host ? ` · \`${e.host}\`` : ''}`];
  if (e.current) tip.push('', l10n.t('The Engine the docker CLI uses now.'));
  if (e.target) tip.push('', l10n.t('Diagnostics follow this Engine (its version and live networks).'));
  if (!e.started) tip.push('', l10n.t('Not contacted until you expand it.'));
  else if (e.state.kind === 'unreachable') tip.push('', `${mdEscape(e.state.problem.reason)}\n\n${e.state.problem.advice}`);
  const kind = !e.started ? 'idle' : e.state.kind;
  return {
    id: `engine:${e.id}`,
    kind: 'engine',
    label: e.name,
    description: [...marks, state].join(' · '),
    tooltip: tip.join('\n'),
    icon: engineIcon(e),
    contextValue: `engine.${kind}${e.target ? '.target' : ''}`,
    collapsible: e.current ? 'expanded' : 'collapsed',
    engineId: e.id,
  };
}

/**
 * The nodes of one Engine, tagged with its id. Under an Engine root (`prefix`) their ids
 * get the Engine's id in front, so that two Engines' "state" rows (or a network present on
 * both) stay distinct; a single Engine keeps today's ids.
 */
export function withEngine(nodes: TreeNode[], engineId: string, prefix: boolean): TreeNode[] {
  return nodes.map((n) => ({
    ...n,
    id: prefix ? `${engineId}|${n.id}` : n.id,
    engineId,
    children: n.children ? withEngine(n.children, engineId, prefix) : undefined,
  }));
}

/** The children of an Engine root: what `buildTree` shows for its state, under its id. */
export function engineChildren(e: EngineView, options: TreeOptions = DEFAULT_TREE_OPTIONS): TreeNode[] {
  return withEngine(buildTree(e.state, e.networks, options), e.id, true);
}
