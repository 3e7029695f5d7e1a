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
  output: vscode.LogOutputChannel;
}

const DRIVERS = ['bridge', 'ipvlan', 'macvlan', 'overlay'];

function connectedClient(ctx: NetworkCommandContext): { client: EngineClient; networks: NetworkRecord[] } {
  const s = ctx.session();
  if (s.state.kind !== 'connected' || !s.client) {
    throw new RefusedError(s.state.kind === 'unreachable' ? `The Docker Engine is unreachable: ${s.state.problem.reason}` : 'Still connecting to the Docker Engine; try again in a moment.');
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
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, 'Network to inspect'));
  if (!n) return;
  // JSON with comments (#20): an inspect document that says why it is empty does so in a
  // comment, and VS Code's JSON service must not put that in the Problems panel.
  const doc = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(InspectDocuments.networkUri(n.name, n.id)), 'jsonc');
  await vscode.window.showTextDocument(doc, { preview: true });
}

async function create(ctx: NetworkCommandContext): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const title = 'Create Docker Network';
  const name = await vscode.window.showInputBox({ title, prompt: 'Network name', validateInput: (v) => validateNetworkName(v, networks) });
  if (name === undefined) return;
  const driver = (await vscode.window.showQuickPick(DRIVERS, { title, placeHolder: 'Driver' })) ?? undefined;
  if (!driver) return;
  const proposal = proposeSubnet(networks);
  const subnet = await vscode.window.showInputBox({
    title,
    prompt: `Subnet (optional; empty lets the Engine choose).${proposal ? ` ${proposal} is free.` : ''}`,
    value: proposal ?? '',
    validateInput: (v) => validateSubnet(v, networks).error,
  });
  if (subnet === undefined) return;
  const cidr = validateSubnet(subnet, networks).cidr;
  let gateway: string | undefined;
  if (cidr) {
    gateway = await vscode.window.showInputBox({ title, prompt: 'Gateway (optional)', value: defaultGateway(cidr.network) ?? '', validateInput: (v) => validateGateway(v, cidr) });
    if (gateway === undefined) return;
  }
  const flags = await vscode.window.showQuickPick(
    [
      { label: 'internal', description: 'no route to the outside' },
      { label: 'attachable', description: 'standalone containers may join (overlay)' },
      { label: 'IPv6', description: 'enable IPv6' },
    ],
    { title, canPickMany: true, placeHolder: 'Options (none required)' },
  );
  if (flags === undefined) return;
  const labelText = await vscode.window.showInputBox({
    title,
    prompt: 'Labels (optional): KEY=VALUE, comma separated',
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
  void vscode.window.showInformationMessage(`Created network ${name}${result.warning ? ` (the Engine warns: ${result.warning})` : ''}.`);
  await ctx.session().refresh();
}

async function remove(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, 'Network to remove'));
  if (!n) return;
  const detail = n.containers.length ? `${n.containers.length} container(s) are still connected; the Engine refuses to remove a network in use.` : undefined;
  const answer = await vscode.window.showWarningMessage(`Remove network "${n.name}"?`, { modal: true, detail }, 'Remove');
  if (answer !== 'Remove') return;
  await removeNetwork(client, n);
  await ctx.session().refresh();
}

async function prune(ctx: NetworkCommandContext): Promise<void> {
  const { client } = connectedClient(ctx);
  const answer = await vscode.window.showWarningMessage(
    'Remove all networks that no container uses?',
    { modal: true, detail: 'Built-in networks are kept. This is `docker network prune`.' },
    'Prune',
  );
  if (answer !== 'Prune') return;
  const removed = await pruneNetworks(client);
  void vscode.window.showInformationMessage(removed.length ? `Removed ${removed.length} unused network(s): ${removed.join(', ')}` : 'There were no unused networks.');
  ctx.output.info(`Pruned networks: ${removed.join(', ') || '(none)'}`);
  await ctx.session().refresh();
}

async function connect(ctx: NetworkCommandContext, node?: TreeNode): Promise<void> {
  const { client, networks } = connectedClient(ctx);
  const n = networkOf(node, networks) ?? (await pickNetwork(networks, 'Network to connect a container to'));
  if (!n) return;
  const on = new Set(n.containers.map((c) => c.containerId));
  const containers = (await listContainers(client)).filter((c) => !on.has(c.id));
  if (!containers.length) {
    void vscode.window.showInformationMessage(`Every container is already on "${n.name}".`);
    return;
  }
  const picked = await vscode.window.showQuickPick(
    containers.map((c) => ({ label: c.name, description: `${c.image ?? ''} · ${c.state ?? ''}`, detail: Object.keys(c.networks).join(', ') || 'no networks', container: c })),
    { placeHolder: `Container to connect to ${n.name}`, matchOnDescription: true },
  );
  if (!picked) return;
  const ip = await vscode.window.showInputBox({ prompt: 'Static IP address (optional)', validateInput: (v) => validateStaticAddress(v, n) });
  if (ip === undefined) return;
  const aliasText = await vscode.window.showInputBox({ prompt: 'Aliases (optional, comma separated)' });
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
    void vscode.window.showInformationMessage(`There is no ${what} to copy here.`);
    return;
  }
  await vscode.env.clipboard.writeText(value);
  vscode.window.setStatusBarMessage(`Copied ${what} ${value}`, 3000);
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
      ctx.output.error(`${name} failed: ${message}`);
      void vscode.window.showErrorMessage(err instanceof RefusedError ? message : `${name} failed: ${message}`);
    }
  };
}

export function registerNetworkCommands(ctx: NetworkCommandContext): vscode.Disposable[] {
  const table: Array<[string, string, (node?: TreeNode) => Promise<void>]> = [
    [NetworkCommandIds.refresh, 'Refresh', () => ctx.session().refresh()],
    [NetworkCommandIds.retry, 'Retry', async () => ctx.session().retry()],
    [NetworkCommandIds.inspect, 'Inspect network', (n) => inspect(ctx, n)],
    [NetworkCommandIds.create, 'Create network', () => create(ctx)],
    [NetworkCommandIds.remove, 'Remove network', (n) => remove(ctx, n)],
    [NetworkCommandIds.prune, 'Prune networks', () => prune(ctx)],
    [NetworkCommandIds.connectContainer, 'Connect container', (n) => connect(ctx, n)],
    [NetworkCommandIds.disconnectContainer, 'Disconnect container', (n) => disconnect(ctx, n)],
    [NetworkCommandIds.copyId, 'Copy ID', (n) => copy(n?.containerId && n.kind === 'container' ? n.containerId : n?.networkId, 'ID')],
    [NetworkCommandIds.copySubnet, 'Copy subnet', (n) => copy(n?.subnet, 'subnet')],
    [NetworkCommandIds.copyAddress, 'Copy address', (n) => copy(n?.address, 'address')],
    [NetworkCommandIds.showSubnetMap, 'Show subnet map', () => showSubnetMap(ctx)],
  ];
  return table.map(([id, name, fn]) => vscode.commands.registerCommand(id, guarded(ctx, name, fn)));
}
