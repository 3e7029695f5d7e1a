import * as fs from 'fs';
import * as vscode from 'vscode';
import { engineDetails } from '../engine/engineDetails';
import { SETTINGS_SECTION, type EngineInfo, type EngineState, type WorkspaceSubnet } from '../../../server/src/shared/protocol';
import { configDir } from '../engine/engineEndpoint';
import { nodeResolveEnv } from '../engine/nodeResolveEnv';
import { EngineFleet, type FleetMember } from '../engine/engineFleet';
import { EngineSession, type SessionState } from '../engine/engineSession';
import { listEngines, type EngineEntry } from '../engine/engineSources';
import type { EngineBridge, EngineChoice } from '../languageClient';
import { InspectDocuments, INSPECT_SCHEME } from './inspectDocuments';
import { inspectNetworkJson } from './networkActions';
import { ENGINE_SETTINGS, NETWORK_SETTINGS, NETWORKS_VIEW_ID } from './networkCommandIds';
import { registerNetworkCommands } from './networkCommands';
import { toLiveNetwork, type NetworkRecord } from './networkRecords';
import { createNetworkLoader, isNetworkRelevant, NETWORK_EVENT_FILTERS } from './networkSnapshot';
import { NetworkTreeProvider } from './networkTreeProvider';
import { DEFAULT_TREE_OPTIONS, viewDescription, type TreeNode, type TreeOptions } from './networkTreeModel';
import { buildSubnetMap, renderSubnetMap } from './subnetMap';
import { SubnetMapPanel } from './subnetMapPanel';
import { crossEngineOverlaps, renderCrossEngine, type EngineNetworks } from './subnetMapAcross';
import { ignoredMachineSettings, ignoredMachineSettingsMessage } from './ignoredMachineSettings';

function treeOptions(): TreeOptions {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, null);
  const sortBy = c.get<string>(NETWORK_SETTINGS.sortBy);
  return {
    hideBuiltin: c.get<boolean>(NETWORK_SETTINGS.hideBuiltin) ?? DEFAULT_TREE_OPTIONS.hideBuiltin,
    sortBy: sortBy === 'driver' ? 'driver' : 'name',
    groupByProject: c.get<boolean>(NETWORK_SETTINGS.groupByProject) ?? DEFAULT_TREE_OPTIONS.groupByProject,
  };
}

/** The Engines of the view (#22), from the machine-scoped settings and the docker CLI's context store. */
function engineEntries(): EngineEntry[] {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, null);
  // host/context/engines are machine-scoped and restricted in untrusted workspaces (package.json
  // capabilities.untrustedWorkspaces), so `get` only returns values the user chose.
  return listEngines({ host: c.get<string>('host'), context: c.get<string>('context'), engines: c.get<unknown>(ENGINE_SETTINGS.engines), hidden: c.get<unknown>(ENGINE_SETTINGS.hiddenEngines) }, nodeResolveEnv());
}

function createSession(entry: EngineEntry, output: vscode.LogOutputChannel): EngineSession<NetworkRecord[]> {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, null);
  const timeout = c.get<number>(NETWORK_SETTINGS.requestTimeout);
  return new EngineSession<NetworkRecord[]>({
    resolution: entry.resolution,
    load: createNetworkLoader(),
    isRelevant: isNetworkRelevant,
    eventFilters: NETWORK_EVENT_FILTERS,
    client: { timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : undefined, fixedApiVersion: process.env.DOCKER_API_VERSION || undefined },
    // With several Engines, each line says which one it is about.
    log: (line) => output.info(entry.current ? line : `[${entry.name}] ${line}`),
  });
}

function engineInfoOf(state: SessionState): EngineInfo {
  return state.kind === 'connected' ? { version: state.identity.version, apiVersion: state.identity.apiVersion, os: state.identity.os } : {};
}

/** Where the Engine the diagnostics follow is remembered, per workspace (#22). */
const TARGET_KEY = 'dockerNetworking.targetEngine';

/**
 * The Docker Networks view: one Engine session per listed Engine (#22), the tree, its
 * commands and documents, and the bridge that feeds the language server the version and
 * live networks of the target Engine (the current one unless the user picks another).
 */
export function activateNetworks(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, workspaceSubnets: () => Promise<WorkspaceSubnet[]> = async () => []): EngineBridge | undefined {
  const fleet = new EngineFleet<NetworkRecord[]>(engineEntries(), (entry) => createSession(entry, output));
  const target = (): FleetMember<NetworkRecord[]> | undefined => fleet.get(context.workspaceState.get<string>(TARGET_KEY)) ?? fleet.current;
  // The Engine a command works on, chosen as it starts (chooseEngine); else the target.
  let chosen: FleetMember<NetworkRecord[]> | undefined;
  const session = (): EngineSession<NetworkRecord[]> => (chosen ?? target() ?? fleet.all[0])?.session ?? noEngineSession();
  const provider = new NetworkTreeProvider(fleet, treeOptions(), () => (fleet.all.length > 1 ? target()?.entry.id : undefined));
  const view = vscode.window.createTreeView(NETWORKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const stateEmitter = new vscode.EventEmitter<EngineState>();
  const targetEmitter = new vscode.EventEmitter<void>();
  let engineInfo: EngineInfo = {};
  let engineState: EngineState = { info: {} };
  // The whole Engine state of the target, pushed to the language server on every change (shared/protocol.ts).
  const pushState = (): void => {
    const s = target()?.session;
    engineState = { info: engineInfo, networks: s && s.state.kind === 'connected' && s.snapshot ? s.snapshot.map(toLiveNetwork) : undefined };
    stateEmitter.fire(engineState);
  };

  // The networks of every connected Engine, for the subnet map's comparison across Engines.
  const allEngines = (): EngineNetworks[] => fleet.all.flatMap((m) => (m.session.state.kind === 'connected' && m.session.snapshot ? [{ engine: m.entry.name, networks: m.session.snapshot }] : []));
  const subnetMap = new SubnetMapPanel(session, workspaceSubnets, allEngines);
  const docs = new InspectDocuments(async (uri) => {
    const s = session();
    if (uri.path === InspectDocuments.subnetMapUri().path) {
      const engines = allEngines();
      return renderSubnetMap(buildSubnetMap(s.snapshot ?? []), s.endpoint?.host ?? vscode.l10n.t('the Docker Engine')) + renderCrossEngine(crossEngineOverlaps(engines), engines.length);
    }
    const id = uri.query || uri.path.replace(/^\/network\//, '').replace(/\.json$/, '');
    // Network IDs are random per Engine: the Engine whose networks hold it is the one to ask.
    const owner = fleet.all.find((m) => m.session.snapshot?.some((n) => n.id === id))?.session ?? s;
    if (!owner.client || owner.state.kind !== 'connected') throw new Error(vscode.l10n.t('The Docker Engine is not connected.'));
    return inspectNetworkJson(owner.client, id);
  });

  let unreachableMessage: string | undefined;
  let machineMessage: string | undefined;
  const showMessage = (): void => {
    view.message = [machineMessage, unreachableMessage].filter((m) => m !== undefined).join('\n\n') || undefined;
  };
  // Machine settings in a workspace's settings.json are ignored by VS Code: say where to set them (#20).
  const machineKeys = Object.entries((context.extension.packageJSON?.contributes?.configuration?.properties ?? {}) as Record<string, { scope?: string }>)
    .filter(([, p]) => p.scope === 'machine')
    .map(([k]) => k);
  const checkMachineSettings = async (): Promise<void> => {
    const found = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const file = vscode.Uri.joinPath(folder.uri, '.vscode', 'settings.json');
      const text = await vscode.workspace.fs.readFile(file).then((b) => new TextDecoder().decode(b), () => undefined);
      if (text !== undefined) found.push({ folder: folder.name, keys: ignoredMachineSettings(text, machineKeys) });
    }
    machineMessage = ignoredMachineSettingsMessage(found);
    showMessage();
  };
  const settingsWatcher = vscode.workspace.createFileSystemWatcher('**/.vscode/settings.json');
  settingsWatcher.onDidCreate(() => void checkMachineSettings());
  settingsWatcher.onDidChange(() => void checkMachineSettings());
  settingsWatcher.onDidDelete(() => void checkMachineSettings());
  void checkMachineSettings();

  /** The view's description, message and `engineState` context key (any Engine connected enables the actions). */
  const showStates = (): void => {
    view.description = provider.description;
    const started = fleet.all.filter((m) => m.started);
    // With one Engine its problem is the view's message (it wraps at any width, #20); with several, each root says its own.
    const only = fleet.all.length === 1 ? fleet.all[0].session.state : undefined;
    unreachableMessage = only?.kind === 'unreachable' ? `${only.problem.reason} ${only.problem.advice}` : undefined;
    showMessage();
    const kinds = new Set(started.map((m) => m.session.state.kind));
    const key = kinds.has('connected') ? 'connected' : kinds.has('unreachable') ? 'unreachable' : 'connecting';
    void vscode.commands.executeCommand('setContext', 'dockerNetworking.engineState', key);
  };

  /** The target Engine's state changed (or another Engine became the target): tell the language server. */
  const onTargetState = (force = false): void => {
    const s = target()?.session;
    const state: SessionState = s?.state ?? noEngineSession().state;
    const info = engineInfoOf(state);
    const connected = state.kind === 'connected';
    if (force || info.version !== engineInfo.version || info.apiVersion !== engineInfo.apiVersion || connected !== (engineState.networks !== undefined)) {
      engineInfo = info;
      pushState();
      // The swarm role and the running configuration (#17), asked once per connection
      // (and again with Refresh); the push follows when /info answers.
      if (s && connected && s.client) {
        const local = s.client.endpoint.kind === 'unix' || s.client.endpoint.kind === 'npipe';
        void engineDetails(s.client).then((details) => {
          if (s === target()?.session && engineInfo === info) {
            engineInfo = { ...info, ...details, local };
            pushState();
          }
        });
      }
    }
  };

  fleet.onDidChange((id, what) => {
    provider.rebuild(id);
    showStates();
    const isTarget = id === target()?.entry.id;
    if (what === 'snapshot') {
      docs.refreshAll();
      void subnetMap.refresh();
      if (isTarget) pushState();
    } else if (isTarget) onTargetState();
  });

  /** The Engine list again (settings, the context store or Refresh); `force` replaces every session. */
  const relist = (force = false): void => {
    fleet.update(engineEntries(), force);
    // The Engine of the last command may be gone or replaced.
    chosen = undefined;
    const t = target();
    if (t) fleet.start(t.entry.id);
    provider.rebuild();
    showStates();
    onTargetState(true);
    targetEmitter.fire();
  };

  /** Asks which Engine a command is for when the node does not say and there is more than one (#22). */
  const chooseEngine = async (node: TreeNode | undefined, among?: (m: FleetMember<NetworkRecord[]>) => boolean): Promise<boolean> => {
    chosen = fleet.get(node?.engineId);
    if (!chosen) {
      const candidates = fleet.all.filter(among ?? (() => true));
      if (candidates.length <= 1) chosen = candidates[0] ?? target();
      else {
        const t = target();
        const items = candidates.map((m) => ({ label: m.entry.name, description: engineChoiceDescription(m, m === t), detail: m.entry.resolution.ok ? m.entry.resolution.endpoint.host : m.entry.resolution.reason, member: m }));
        chosen = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which Docker Engine?'), placeHolder: vscode.l10n.t('The Engine to work on') }))?.member;
        if (!chosen) return false;
      }
    }
    if (chosen && !chosen.started) {
      fleet.start(chosen.entry.id);
      // A command on an Engine not yet contacted waits for its first answer, connected or
      // unreachable (at most DEFAULT_CONNECT_WAIT); the command then says which.
      await chosen.session.whenAnswered(DEFAULT_CONNECT_WAIT).catch(() => undefined);
    }
    return true;
  };

  /** Makes `id` the Engine the diagnostics follow (remembered per workspace). */
  const setTarget = async (id: string): Promise<void> => {
    await context.workspaceState.update(TARGET_KEY, id === fleet.current?.entry.id ? undefined : id);
    fleet.start(id);
    output.info(`Diagnostics follow the Engine "${fleet.get(id)?.entry.name ?? id}".`);
    provider.rebuild();
    onTargetState(true);
    targetEmitter.fire();
  };

  // `docker context create/use/rm` change the list: watched where the CLI keeps it, when that folder
  // exists (a folder made later is read on Refresh, which lists the Engines again).
  const dockerConfig = configDir(nodeResolveEnv());
  const contextsWatcher = fs.existsSync(dockerConfig) ? vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dockerConfig), '{config.json,contexts/meta/**}')) : undefined;
  const onContexts = (): void => relist();
  contextsWatcher?.onDidCreate(onContexts);
  contextsWatcher?.onDidChange(onContexts);
  contextsWatcher?.onDidDelete(onContexts);

  context.subscriptions.push(
    provider,
    view,
    docs,
    stateEmitter,
    targetEmitter,
    ...(contextsWatcher ? [contextsWatcher] : []),
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, docs),
    subnetMap,
    settingsWatcher,
    ...registerNetworkCommands({ session, output, subnetMap, chooseEngine, relist: () => relist(), fleet, setTarget: (id) => setTarget(id) }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      const affects = (k: string): boolean => e.affectsConfiguration(`${SETTINGS_SECTION}.${k}`);
      if (affects(NETWORK_SETTINGS.requestTimeout)) relist(true);
      else if (affects('host') || affects('context') || affects(ENGINE_SETTINGS.engines) || affects(ENGINE_SETTINGS.hiddenEngines)) relist();
      else if (e.affectsConfiguration(`${SETTINGS_SECTION}.networks`)) provider.setOptions(treeOptions());
    }),
    { dispose: () => fleet.dispose() },
  );
  relist();

  return {
    get engineState(): EngineState {
      return engineState;
    },
    onDidChangeEngineState: stateEmitter.event,
    get engines(): EngineChoice[] {
      const t = target();
      return fleet.all.map((m) => ({ id: m.entry.id, name: m.entry.name, host: m.entry.resolution.ok ? m.entry.resolution.endpoint.host : undefined, current: m.entry.current, target: m === t, state: m.started ? m.session.state.kind : undefined }));
    },
    onDidChangeTarget: targetEmitter.event,
    setTarget,
  };
}

/** How long a command waits for an Engine it started (the first answer of a local socket comes in milliseconds). */
const DEFAULT_CONNECT_WAIT = 10_000;

/** A session that never connects, for when every Engine is hidden (made when first needed: its words follow the display language). */
let noEngine: EngineSession<NetworkRecord[]> | undefined;
function noEngineSession(): EngineSession<NetworkRecord[]> {
  noEngine ??= new EngineSession<NetworkRecord[]>({
    resolution: { ok: false, reason: vscode.l10n.t('Every Engine is hidden by the setting dockerNetworking.hiddenEngines.'), advice: vscode.l10n.t('Remove a name from the setting dockerNetworking.hiddenEngines.') },
    load: async () => [],
  });
  return noEngine;
}

/** "current · diagnostics · connected": what a picker row says about an Engine. */
function engineChoiceDescription(m: FleetMember<NetworkRecord[]>, isTarget: boolean): string {
  const parts: string[] = [];
  if (m.entry.current) parts.push(vscode.l10n.t('current'));
  if (isTarget) parts.push(vscode.l10n.t('diagnostics'));
  parts.push(m.started ? viewDescription(m.session.state) : vscode.l10n.t('not connected yet'));
  return parts.join(' · ');
}
