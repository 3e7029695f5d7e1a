import * as vscode from 'vscode';
import type { EngineClient } from '../engine/engineClient';
import type { EngineSession } from '../engine/engineSession';
import { InspectDocuments } from './inspectDocuments';
import {
  RefusedError,
  connectContainer,
  createNetwork,
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
import type { NetworkRecord } from './networkRecords';
import { networkDescription, type TreeNode } from './networkTreeModel';

/** What the commands need from activateNetworks. */
export interface NetworkCommandContext {
  session(): EngineSession<NetworkRecord[]>;
  output: vscode.OutputChannel;
}

const DRIVERS = ['bridge', 'ipvlan', 'macvlan', 'overlay'];

function connectedClient(ctx: NetworkCommandContext): { client: EngineClient; networks: NetworkRecord[] } {
  const s = ctx.session();
  if (s.state.kind !== 'connected' || !s.client) {
    throw new RefusedError(s.state.kind === 'unreachable' ? vscode.l10n.t('The Docker Engine is unreachable: {0}', s.state.problem.reason) : vscode.l10n.t('Still connecting to the Docker Engine; try again in a moment.'));
  }
  return { client: s.client, networks: s.snapshot ?? [] };
}

async function pickNetwork(networks: NetworkRecord[], placeHolder: string): Promise<NetworkRecord | undefined> {
  const items = [...networks]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((n) => ({ label: n.name, description: networkDescription(n), detail: n.id.slice(0, 12), network: n }));
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true }))?.network;
}

function networkOf(node: TreeNode | undefined, networks: NetworkRecord[]): NetworkRecord | undefined {
  return node?.networkId ? networks.find((n) => n.id === node.networkId) : undefined;
}

async function inspect(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { networks } = connectedClient(ctx);
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, vscode.l10n.t('Network to inspect')));
  if (!n) return;
  const doc = await vscode.workspace.openTextDocument(InspectDocuments.networkUri(n.name, n.id));
  await vscode.window.showTextDocument(doc, { preview: true });
}

async function create(ctx: NetworkCommandContext): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const title = vscode.l10n.t('Create Docker Network');
  const name = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Network name'), validateInput: (v) => validateNetworkName(v, networks) });
  if (name === undefined) return;
  const driver = (await vscode.window.showQuickPick(DRIVERS, { title, placeHolder: vscode.l10n.t('Driver') })) ?? undefined;
  if (!driver) return;
  const proposal = proposeSubnet(networks);
  const subnet = await vscode.window.showInputBox({
    title,
    prompt: proposal ? vscode.l10n.t('Subnet (optional; empty lets the Engine choose). {0} is free.', proposal) : vscode.l10n.t('Subnet (optional; empty lets the Engine choose).'),
    value: proposal ?? '',
    validateInput: (v) => validateSubnet(v, networks).error,
  });
  if (subnet === undefined) return;
  const cidr = validateSubnet(subnet, networks).cidr;
  let gateway: string | undefined;
  if (cidr) {
    gateway = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Gateway (optional)'), value: defaultGateway(cidr.network) ?? '', validateInput: (v) => validateGateway(v, cidr) });
    if (gateway === undefined) return;
  }
  const flags = await vscode.window.showQuickPick(
    [
      { label: 'internal', description: vscode.l10n.t('no route to the outside') },
      { label: 'attachable', description: vscode.l10n.t('standalone containers may join (overlay)') },
      { label: 'IPv6', description: vscode.l10n.t('enable IPv6') },
    ],
    { title, canPickMany: true, placeHolder: vscode.l10n.t('Options (none required)') },
  );
  if (flags === undefined) return;
  const labelText = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Labels (optional): KEY=VALUE, comma separated'),
    validateInput: (v) => {
      const r = parseLabels(v);
      return 'error' in r ? r.error : undefined;
    },
  });
  if (labelText === undefined) return;
  const parsed = parseLabels(labelText);
  const picked = new Set(flags.map((f) => f.label));
  const result = await createNetwork(client, {
    name,
    driver,
    subnet: subnet || undefined,
    gateway: gateway || undefined,
    internal: picked.has('internal'),
    attachable: picked.has('attachable'),
    enableIPv6: picked.has('IPv6'),
    labels: 'labels' in parsed ? parsed.labels : {},
  });
  void vscode.window.showInformationMessage(result.warning ? vscode.l10n.t('Created network {0} (the Engine warns: {1}).', name, result.warning) : vscode.l10n.t('Created network {0}.', name));
  await ctx.session().refresh();
}

async function remove(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, vscode.l10n.t('Network to remove')));
  if (!n) return;
  const detail = n.containers.length ? vscode.l10n.t('{0} container(s) are still connected; the Engine refuses to remove a network in use.', n.containers.length) : undefined;
  const removeAction = vscode.l10n.t('Remove');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Remove network "{0}"?', n.name), { modal: true, detail }, removeAction);
  if (answer !== removeAction) return;
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
  ctx.output.appendLine(`Pruned networks: ${removed.join(', ') || '(none)'}`);
  await ctx.session().refresh();
}

async function connect(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, vscode.l10n.t('Network to connect a container to')));
  if (!n) return;
  const on = new Set(n.containers.map((c) => c.containerId));
  const containers = (await listContainers(client)).filter((c) => !on.has(c.id));
  if (!containers.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every container is already on "{0}".', n.name));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    containers.map((c) => ({ label: c.name, description: `${c.image ?? ''} · ${c.state ?? ''}`, detail: Object.keys(c.networks).join(', ') || vscode.l10n.t('no networks'), container: c })),
    { placeHolder: vscode.l10n.t('Container to connect to {0}', n.name), matchOnDescription: true },
  );
  if (!picked) return;
  const ip = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Static IP address (optional)'), validateInput: (v) => validateStaticAddress(v, n) });
  if (ip === undefined) return;
  const aliasText = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Aliases (optional, comma separated)') });
  if (aliasText === undefined) return;
  const aliases = aliasText.split(',').map((a) => a.trim()).filter((a) => a !== '');
  const family = ip.includes(':') ? 'ipv6' : 'ipv4';
  await connectContainer(client, n.id, picked.container.id, { [family]: ip.trim() || undefined, aliases });
  await ctx.session().refresh();
}

async function disconnect(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client } = connectedClient(ctx);
  if (!node?.containerId || !node.networkId) return;
  await disconnectContainer(client, node.networkId, node.containerId);
  await ctx.session().refresh();
}

async function copy(value: string | undefined, what: string): Promise<void> {
  if (!value) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no {0} to copy here.', what));
    return;
  }
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} {1}', what, value), 3000);
}

async function showSubnetMap(ctx: NetworkCommandContext): Promise<void> {
  connectedClient(ctx);
  const doc = await vscode.workspace.openTextDocument(InspectDocuments.subnetMapUri());
  await vscode.window.showTextDocument(doc, { preview: true });
}

/** Wraps a command: user-started, so a failure is shown once, in words. */
function guarded(ctx: NetworkCommandContext, name: string, fn: (node?: TreeNode) => Promise<void>): (node?: TreeNode) => Promise<void> {
  return async (node?: TreeNode) => {
    try {
      await fn(node);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      ctx.output.appendLine(`${name} failed: ${message}`);
      void vscode.window.showErrorMessage(err instanceof RefusedError ? message : vscode.l10n.t('{0} failed: {1}', name, message));
    }
  };
}

export function registerNetworkCommands(ctx: NetworkCommandContext): vscode.Disposable[] {
  const table: Array<[string, string, (node?: TreeNode) => Promise<void>]> = [
    [NetworkCommandIds.refresh, vscode.l10n.t('Refresh'), () => ctx.session().refresh()],
    [NetworkCommandIds.retry, vscode.l10n.t('Retry'), async () => ctx.session().retry()],
    [NetworkCommandIds.inspect, vscode.l10n.t('Inspect network'), (n) => inspect(ctx, n)],
    [NetworkCommandIds.create, vscode.l10n.t('Create network'), () => create(ctx)],
    [NetworkCommandIds.remove, vscode.l10n.t('Remove network'), (n) => remove(ctx, n)],
    [NetworkCommandIds.prune, vscode.l10n.t('Prune networks'), () => prune(ctx)],
    [NetworkCommandIds.connectContainer, vscode.l10n.t('Connect container'), (n) => connect(ctx, n)],
    [NetworkCommandIds.disconnectContainer, vscode.l10n.t('Disconnect container'), (n) => disconnect(ctx, n)],
    [NetworkCommandIds.copyId, vscode.l10n.t('Copy ID'), (n) => copy(n?.containerId && n.kind === 'container' ? n.containerId : n?.networkId, 'ID')],
    [NetworkCommandIds.copySubnet, vscode.l10n.t('Copy subnet'), (n) => copy(n?.subnet, vscode.l10n.t('subnet'))],
    [NetworkCommandIds.copyAddress, vscode.l10n.t('Copy address'), (n) => copy(n?.address, vscode.l10n.t('address'))],
    [NetworkCommandIds.showSubnetMap, vscode.l10n.t('Show subnet map'), () => showSubnetMap(ctx)],
  ];
  return table.map(([id, name, fn]) => vscode.commands.registerCommand(id, guarded(ctx, name, fn)));
}
