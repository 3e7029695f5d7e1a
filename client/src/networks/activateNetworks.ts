import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import { engineDetails } from '../engine/engineDetails';
import { SETTINGS_SECTION, type EngineInfo, type EngineState, type WorkspaceSubnet } from '../../../server/src/shared/protocol';
import { resolveEndpoint, type ResolveEnv } from '../engine/engineEndpoint';
import { EngineSession, type SessionState } from '../engine/engineSession';
import type { EngineBridge } from '../languageClient';
import { InspectDocuments, INSPECT_SCHEME } from './inspectDocuments';
import { inspectNetworkJson } from './networkActions';
import { NETWORK_SETTINGS, NETWORKS_VIEW_ID } from './networkCommandIds';
import { registerNetworkCommands } from './networkCommands';
import { toLiveNetwork, type NetworkRecord } from './networkRecords';
import { createNetworkLoader, isNetworkRelevant, NETWORK_EVENT_FILTERS } from './networkSnapshot';
import { NetworkTreeProvider } from './networkTreeProvider';
import { DEFAULT_TREE_OPTIONS, type TreeOptions } from './networkTreeModel';
import { buildSubnetMap, renderSubnetMap } from './subnetMap';
import { SubnetMapPanel } from './subnetMapPanel';
import { ignoredMachineSettings, ignoredMachineSettingsMessage } from './ignoredMachineSettings';

function nodeEnv(): ResolveEnv {
  return {
    env: process.env,
    homeDir: os.homedir(),
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : undefined,
    exists: (f) => fs.existsSync(f),
    readFile: (f) => {
      try {
        return fs.readFileSync(f, 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

function treeOptions(): TreeOptions {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, null);
  const sortBy = c.get<string>(NETWORK_SETTINGS.sortBy);
  return {
    hideBuiltin: c.get<boolean>(NETWORK_SETTINGS.hideBuiltin) ?? DEFAULT_TREE_OPTIONS.hideBuiltin,
    sortBy: sortBy === 'driver' ? 'driver' : 'name',
    groupByProject: c.get<boolean>(NETWORK_SETTINGS.groupByProject) ?? DEFAULT_TREE_OPTIONS.groupByProject,
  };
}

function createSession(output: vscode.LogOutputChannel): EngineSession<NetworkRecord[]> {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, null);
  // host/context are machine-scoped and restricted in untrusted workspaces (package.json
  // capabilities.untrustedWorkspaces), so `get` only returns values the user chose.
  const resolution = resolveEndpoint({ host: c.get<string>('host'), context: c.get<string>('context') }, nodeEnv());
  const timeout = c.get<number>(NETWORK_SETTINGS.requestTimeout);
  return new EngineSession<NetworkRecord[]>({
    resolution,
    load: createNetworkLoader(),
    isRelevant: isNetworkRelevant,
    eventFilters: NETWORK_EVENT_FILTERS,
    client: { timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : undefined, fixedApiVersion: process.env.DOCKER_API_VERSION || undefined },
    log: (line) => output.info(line),
  });
}

function engineInfoOf(state: SessionState): EngineInfo {
  return state.kind === 'connected' ? { version: state.identity.version, apiVersion: state.identity.apiVersion, os: state.identity.os } : {};
}

/**
 * The Docker Networks view: the Engine session, the tree, its commands and documents,
 * and the bridge that feeds the language server the Engine version and live networks.
 */
export function activateNetworks(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, workspaceSubnets: () => Promise<WorkspaceSubnet[]> = async () => []): EngineBridge | undefined {
  let session = createSession(output);
  let sessionListeners: Array<() => void> = [];
  const provider = new NetworkTreeProvider(session, treeOptions());
  const view = vscode.window.createTreeView(NETWORKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const stateEmitter = new vscode.EventEmitter<EngineState>();
  let engineInfo: EngineInfo = {};
  let engineState: EngineState = { info: {} };
  // The whole Engine state, pushed to the language server on every change (shared/protocol.ts).
  const pushState = (): void => {
    const s = session;
    engineState = { info: engineInfo, networks: s.state.kind === 'connected' && s.snapshot ? s.snapshot.map(toLiveNetwork) : undefined };
    stateEmitter.fire(engineState);
  };

  const subnetMap = new SubnetMapPanel(() => session, workspaceSubnets);
  const docs = new InspectDocuments(async (uri) => {
    const s = session;
    if (uri.path === InspectDocuments.subnetMapUri().path) return renderSubnetMap(buildSubnetMap(s.snapshot ?? []), s.endpoint?.host ?? vscode.l10n.t('the Docker Engine'));
    if (!s.client || s.state.kind !== 'connected') throw new Error(vscode.l10n.t('The Docker Engine is not connected.'));
    return inspectNetworkJson(s.client, uri.query || uri.path.replace(/^\/network\//, '').replace(/\.json$/, ''));
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

  const onState = (state: SessionState): void => {
    view.description = provider.description;
    // The view's message wraps at any sidebar width; a tree row's label is cut off (#20).
    unreachableMessage = state.kind === 'unreachable' ? `${state.problem.reason} ${state.problem.advice}` : undefined;
    showMessage();
    void vscode.commands.executeCommand('setContext', 'dockerNetworking.engineState', state.kind);
    const info = engineInfoOf(state);
    const connected = state.kind === 'connected';
    if (info.version !== engineInfo.version || info.apiVersion !== engineInfo.apiVersion || connected !== (engineState.networks !== undefined)) {
      engineInfo = info;
      pushState();
      // The swarm role and the running configuration (#17), asked once per connection
      // (and again with Refresh); the push follows when /info answers.
      const s = session;
      if (connected && s.client) {
        const local = s.client.endpoint.kind === 'unix' || s.client.endpoint.kind === 'npipe';
        void engineDetails(s.client).then((details) => {
          if (s === session && engineInfo === info) {
            engineInfo = { ...info, ...details, local };
            pushState();
          }
        });
      }
    }
    provider.rebuild();
  };

  const wire = (): void => {
    sessionListeners.forEach((off) => off());
    sessionListeners = [
      session.onDidChangeState(onState),
      session.onDidChangeSnapshot(() => {
        provider.rebuild();
        docs.refreshAll();
        void subnetMap.refresh();
        pushState();
      }),
    ];
    onState(session.state);
    session.start();
  };

  const restartSession = (): void => {
    session.dispose();
    session = createSession(output);
    provider.setSession(session);
    wire();
  };

  context.subscriptions.push(
    provider,
    view,
    docs,
    stateEmitter,
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, docs),
    subnetMap,
    settingsWatcher,
    ...registerNetworkCommands({ session: () => session, output, subnetMap }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.host`) || e.affectsConfiguration(`${SETTINGS_SECTION}.context`) || e.affectsConfiguration(`${SETTINGS_SECTION}.${NETWORK_SETTINGS.requestTimeout}`)) {
        restartSession();
      } else if (e.affectsConfiguration(`${SETTINGS_SECTION}.networks`)) {
        provider.setOptions(treeOptions());
      }
    }),
    { dispose: () => (sessionListeners.forEach((off) => off()), session.dispose()) },
  );
  wire();

  return {
    get engineState(): EngineState {
      return engineState;
    },
    onDidChangeEngineState: stateEmitter.event,
  };
}
