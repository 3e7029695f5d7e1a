import * as vscode from 'vscode';
import type { EngineClient } from '../engine/engineClient';
import type { EngineFleet, FleetMember } from '../engine/engineFleet';
import type { EngineSession } from '../engine/engineSession';
import { showInspectDocument } from './inspectDocuments';
import type { SubnetMapPanel } from './subnetMapPanel';
import {
  RefusedError,
  connectContainer,
  defaultGateway,
  disconnectContainer,
  listContainers,
  parseLabels,
  proposeSubnet,
  pruneNetworks,
  removeNetwork,
  validateGateway,
  validateNetworkName,
  validateStaticAddress,
  validateSubnet,
} from './networkActions';
import { NetworkCommandIds } from './networkCommandIds';
import type { ContainerRecord, NetworkRecord } from './networkRecords';
import { isBuiltin, networkDescription, type TreeNode } from './networkTreeModel';
import { askPick, askText } from './multiStepInput';
import { runSteps, SKIP, type StepResult } from './stepRunner';
import { createDrivers, createNetworkChecked, encryptedItem } from './swarmNetwork';
import { engineDetails } from '../engine/engineDetails';

/** What the commands need from activateNetworks. */
export interface NetworkCommandContext {
  /** The session of the Engine the running command works on (see chooseEngine). */
  session(): EngineSession<NetworkRecord[]>;
  output: vscode.LogOutputChannel;
  subnetMap: SubnetMapPanel;
  /**
   * Sets the Engine the command works on (#22): the node's, the only one (of those `among`
   * accepts), or the one the user picks; false when the user cancels the pick. Commands run
   * one at a time in practice; one started while another waits on a dialog can only change
   * which Engine the first one's final refresh reloads, which its events reload anyway.
   */
  chooseEngine(node: TreeNode | undefined, among?: (m: FleetMember<NetworkRecord[]>) => boolean): Promise<boolean>;
  /** Reads the Engine list again (settings, context store). */
  relist(): void;
  fleet: EngineFleet<NetworkRecord[]>;
  setTarget(id: string): Promise<void>;
}

function connectedClient(ctx: NetworkCommandContext): { client: EngineClient; networks: NetworkRecord[] } {
  const s = ctx.session();
  if (s.state.kind !== 'connected' || !s.client) {
    throw new RefusedError(s.state.kind === 'unreachable' ? vscode.l10n.t('The Docker Engine is unreachable: {0}', s.state.problem.reason) : vscode.l10n.t('Still connecting to the Docker Engine; try again in a moment.'));
  }
  return { client: s.client, networks: s.snapshot ?? [] };
}

/** A titled picker of networks (#20: the Connect and Inspect pickers had blank titles). */
async function pickNetwork(networks: NetworkRecord[], title: string, placeHolder: string): Promise<NetworkRecord | undefined> {
  const items = [...networks]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((n) => ({ label: n.name, description: networkDescription(n), detail: n.id.slice(0, 12), network: n }));
  return (await vscode.window.showQuickPick(items, { title, placeHolder, matchOnDescription: true, matchOnDetail: true }))?.network;
}

function networkOf(node: TreeNode | undefined, networks: NetworkRecord[]): NetworkRecord | undefined {
  return node?.networkId ? networks.find((n) => n.id === node.networkId) : undefined;
}

async function inspect(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { networks } = connectedClient(ctx);
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, vscode.l10n.t('Inspect Docker Network'), vscode.l10n.t('Network to inspect')));
  if (!n) return;
  await showInspectDocument(n.name, n.id);
}

interface CreateAnswers {
  name: string;
  driver: string;
  subnet: string;
  gateway: string;
  flags: string[];
  labels: string;
}

/** The Create wizard's options; a function, so that the texts follow the display language (#23). */
const flagItems = (): vscode.QuickPickItem[] => [
  { label: 'internal', description: vscode.l10n.t('no route to the outside') },
  { label: 'attachable', description: vscode.l10n.t('standalone containers may join (overlay)') },
  { label: 'IPv6', description: vscode.l10n.t('enable IPv6') },
];

/** The Create wizard: one step per question, with a step counter and Back (#20). */
async function create(ctx: NetworkCommandContext): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  // Overlay only on a swarm manager (#22).
  const { swarm } = await engineDetails(client);
  const proposal = proposeSubnet(networks);
  const picked = (r: StepResult<vscode.QuickPickItem[]>): StepResult<string> => (Array.isArray(r) ? r[0]?.label : r);
  const answers = await runSteps<CreateAnswers>(vscode.l10n.t('Create Docker Network'), [
    ['name', (a, c) => askText(c, { prompt: vscode.l10n.t('Network name'), value: a.name, validate: (v) => validateNetworkName(v, networks) })],
    ['driver', async (_a, c) => picked(await askPick(c, createDrivers(swarm).map((label) => ({ label })), { placeholder: vscode.l10n.t('Driver') }))],
    [
      'subnet',
      (a, c) => askText(c, { prompt: proposal ? vscode.l10n.t('Subnet (optional; empty lets the Engine choose). {0} is free.', proposal) : vscode.l10n.t('Subnet (optional; empty lets the Engine choose).'), value: a.subnet ?? proposal ?? '', validate: (v) => validateSubnet(v, networks).error }),
    ],
    [
      'gateway',
      async (a, c) => {
        const cidr = validateSubnet(a.subnet ?? '', networks).cidr;
        if (!cidr) return SKIP;
        return askText(c, { prompt: vscode.l10n.t('Gateway (optional)'), value: defaultGateway(cidr.network) ?? '', validate: (v) => validateGateway(v, cidr) });
      },
    ],
    ['flags', async (a, c) => {
      const r = await askPick(c, [...flagItems(), ...(a.driver === 'overlay' ? [encryptedItem()] : [])], { placeholder: vscode.l10n.t('Options (none required)'), many: true });
      return Array.isArray(r) ? r.map((i) => i.label) : r;
    }],
    [
      'labels',
      (_a, c) =>
        askText(c, {
          prompt: vscode.l10n.t('Labels (optional): KEY=VALUE, comma separated'),
          validate: (v) => {
            const r = parseLabels(v);
            return 'error' in r ? r.error : undefined;
          },
        }),
    ],
  ]);
  if (!answers) return;
  const { name, driver, subnet, gateway, flags, labels } = answers;
  const parsed = parseLabels(labels);
  const on = new Set(flags);
  const result = await createNetworkChecked(client, {
    name,
    driver,
    subnet: subnet || undefined,
    gateway: gateway || undefined,
    internal: on.has('internal'),
    attachable: on.has('attachable'),
    enableIPv6: on.has('IPv6'),
    labels: 'labels' in parsed ? parsed.labels : {},
    options: on.has('encrypted') ? { encrypted: '' } : undefined,
  }, undefined, { swarm });
  void vscode.window.showInformationMessage(result.warning ? vscode.l10n.t('Created network {0} (the Engine warns: {1}).', name, result.warning) : vscode.l10n.t('Created network {0}.', name));
  await ctx.session().refresh();
}

/**
 * Remove a network. Built-in networks are never offered (#20: the palette listed `bridge`,
 * `host` and `none`, and said only after a confirmation that the Engine refuses); a network
 * in use offers to disconnect its containers first, naming them, instead of showing the
 * Engine's "has active endpoints" afterwards.
 */
async function remove(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const removable = networks.filter((n) => !isBuiltin(n));
  if (!node && removable.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no network to remove: the built-in networks bridge, host and none cannot be removed.'));
    return;
  }
  const n = networkOf(node, networks) ?? (await pickNetwork(removable, vscode.l10n.t('Remove Docker Network'), vscode.l10n.t('Network to remove (built-in networks cannot be removed)')));
  if (!n) return;
  if (isBuiltin(n)) throw new RefusedError(vscode.l10n.t('"{0}" is a built-in network: the Engine creates it and does not allow removing it.', n.name));
  if (n.containers.length === 0) {
    const removeAction = vscode.l10n.t('Remove');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Remove network "{0}"?', n.name), { modal: true }, removeAction);
    if (answer !== removeAction) return;
  } else {
    const names = n.containers.map((c) => c.name || c.containerId.slice(0, 12));
    const disconnectAction = vscode.l10n.t('Disconnect All and Remove');
    const answer = await vscode.window.showWarningMessage(
      names.length === 1 ? vscode.l10n.t('Network "{0}" is in use by a container.', n.name) : vscode.l10n.t('Network "{0}" is in use by {1} containers.', n.name, names.length),
      {
        modal: true,
        detail: names.length === 1
          ? vscode.l10n.t('Connected: {0}.\n\nThe Engine removes a network only when no container is connected. Disconnect it (the container keeps running) and remove the network?', names[0])
          : vscode.l10n.t('Connected: {0}.\n\nThe Engine removes a network only when no container is connected. Disconnect them (the containers keep running) and remove the network?', names.join(', ')),
      },
      disconnectAction,
    );
    if (answer !== disconnectAction) return;
    for (const c of n.containers) await disconnectContainer(client, n.id, c.containerId, true);
  }
  await removeNetwork(client, n);
  await ctx.session().refresh();
}

async function prune(ctx: NetworkCommandContext): Promise<void> {
  const { client } = connectedClient(ctx);
  const pruneAction = vscode.l10n.t('Prune');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove all networks that no container uses?'),
    { modal: true, detail: vscode.l10n.t('Built-in networks are kept. This is `docker network prune`.') },
    pruneAction,
  );
  if (answer !== pruneAction) return;
  const removed = await pruneNetworks(client);
  void vscode.window.showInformationMessage(removed.length ? vscode.l10n.t('Removed {0} unused network(s): {1}', removed.length, removed.join(', ')) : vscode.l10n.t('There were no unused networks.'));
  ctx.output.info(`Pruned networks: ${removed.join(', ') || '(none)'}`);
  await ctx.session().refresh();
}

interface ConnectAnswers {
  container: ContainerRecord;
  ip: string;
  aliases: string;
}

async function connect(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, vscode.l10n.t('Connect a Container'), vscode.l10n.t('Network to connect a container to')));
  if (!n) return;
  const on = new Set(n.containers.map((c) => c.containerId));
  const containers = (await listContainers(client)).filter((c) => !on.has(c.id));
  if (!containers.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every container is already on "{0}".', n.name));
    return;
  }
  const items = containers.map((c) => ({ label: c.name, description: `${c.image ?? ''} · ${c.state ?? ''}`, detail: Object.keys(c.networks).join(', ') || vscode.l10n.t('no networks'), container: c }));
  const answers = await runSteps<ConnectAnswers>(vscode.l10n.t('Connect a Container to {0}', n.name), [
    ['container', async (_a, c) => {
      const r = await askPick(c, items, { placeholder: vscode.l10n.t('Container to connect to {0}', n.name) });
      return Array.isArray(r) ? r[0]?.container : r;
    }],
    ['ip', (a, c) => askText(c, { prompt: vscode.l10n.t('Static IP address (optional)'), value: a.ip, validate: (v) => validateStaticAddress(v, n) })],
    ['aliases', (_a, c) => askText(c, { prompt: vscode.l10n.t('Aliases (optional, comma separated)') })],
  ]);
  if (!answers) return;
  const aliases = answers.aliases.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const ip = answers.ip.trim();
  const family = ip.includes(':') ? 'ipv6' : 'ipv4';
  await connectContainer(client, n.id, answers.container.id, { [family]: ip || undefined, aliases });
  await ctx.session().refresh();
}

async function disconnect(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  if (!node?.containerId || !node.networkId) return;
  // A container loses its address on the network: ask first (#20).
  const network = networks.find((n) => n.id === node.networkId);
  const container = network?.containers.find((c) => c.containerId === node.containerId);
  const disconnectAction = vscode.l10n.t('Disconnect');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Disconnect container "{0}" from network "{1}"?', container?.name || node.containerId.slice(0, 12), network?.name ?? node.networkId.slice(0, 12)),
    { modal: true, detail: vscode.l10n.t('The container keeps running but loses its address and aliases on this network.') },
    disconnectAction,
  );
  if (answer !== disconnectAction) return;
  await disconnectContainer(client, node.networkId, node.containerId);
  await ctx.session().refresh();
}

async function copy(value: string | undefined, what: string): Promise<void> {
  if (!value) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no {0} to copy here.', what));
    return;
  }
  await vscode.env.clipboard.writeText(value);
  // Said where the user looks (#20: a status bar message at the other end of the window went unseen).
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied {0} {1}', what, value));
}

async function showSubnetMap(ctx: NetworkCommandContext): Promise<void> {
  connectedClient(ctx);
  await ctx.subnetMap.show();
}

/** Refresh: the node's Engine, or (from the view's title) the list again and every Engine contacted so far (#22). */
async function refreshEngines(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const m = ctx.fleet.get(node?.engineId);
  if (m) return m.started ? m.session.refresh() : void ctx.fleet.start(m.entry.id);
  ctx.relist();
  await Promise.all(ctx.fleet.all.filter((x) => x.started).map((x) => x.session.refresh()));
}

/** Makes an Engine the one the diagnostics follow: the node's, or one the user picks. */
async function setTargetEngine(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  if (!(await ctx.chooseEngine(node))) return;
  const id = ctx.fleet.all.find((m) => m.session === ctx.session())?.entry.id;
  if (id) await ctx.setTarget(id);
}

/** Commands that work on one Engine: they ask which when the node does not say (#22). */
type EngineUse = 'engine' | 'unreachable' | 'none';

/** Wraps a command: user-started, so a failure is shown once, in words. */
function guarded(ctx: NetworkCommandContext, name: string, fn: (node?: TreeNode) => Promise<void>, use: EngineUse = 'none'): (node?: TreeNode) => Promise<void> {
  return async (node?: TreeNode) => {
    try {
      if (use !== 'none' && !(await ctx.chooseEngine(node, use === 'unreachable' ? (m) => m.started && m.session.state.kind === 'unreachable' : undefined))) return;
      await fn(node);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      ctx.output.error(`${name} failed: ${message}`);
      void vscode.window.showErrorMessage(err instanceof RefusedError ? message : vscode.l10n.t('{0} failed: {1}', name, message));
    }
  };
}

export function registerNetworkCommands(ctx: NetworkCommandContext): vscode.Disposable[] {
  const table: Array<[string, string, (node?: TreeNode) => Promise<void>, EngineUse?]> = [
    [NetworkCommandIds.refresh, vscode.l10n.t('Refresh'), (n) => refreshEngines(ctx, n)],
    [NetworkCommandIds.retry, vscode.l10n.t('Retry'), async () => ctx.session().retry(), 'unreachable'],
    [NetworkCommandIds.inspect, vscode.l10n.t('Inspect network'), (n) => inspect(ctx, n), 'engine'],
    [NetworkCommandIds.create, vscode.l10n.t('Create network'), () => create(ctx), 'engine'],
    [NetworkCommandIds.remove, vscode.l10n.t('Remove network'), (n) => remove(ctx, n), 'engine'],
    [NetworkCommandIds.prune, vscode.l10n.t('Prune networks'), () => prune(ctx), 'engine'],
    [NetworkCommandIds.connectContainer, vscode.l10n.t('Connect container'), (n) => connect(ctx, n), 'engine'],
    [NetworkCommandIds.disconnectContainer, vscode.l10n.t('Disconnect container'), (n) => disconnect(ctx, n), 'engine'],
    [NetworkCommandIds.copyId, vscode.l10n.t('Copy ID'), (n) => copy(n?.containerId && n.kind === 'container' ? n.containerId : n?.networkId, 'ID')],
    [NetworkCommandIds.copySubnet, vscode.l10n.t('Copy subnet'), (n) => copy(n?.subnet, vscode.l10n.t('subnet'))],
    [NetworkCommandIds.copyAddress, vscode.l10n.t('Copy address'), (n) => copy(n?.address, vscode.l10n.t('address'))],
    [NetworkCommandIds.showSubnetMap, vscode.l10n.t('Show subnet map'), () => showSubnetMap(ctx), 'engine'],
    [NetworkCommandIds.setTargetEngine, vscode.l10n.t('Follow this Engine in diagnostics'), (n) => setTargetEngine(ctx, n)],
  ];
  return table.map(([id, name, fn, use]) => vscode.commands.registerCommand(id, guarded(ctx, name, fn, use)));
}
