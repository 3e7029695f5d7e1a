import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, State, TransportKind } from 'vscode-languageclient/node';
import { anchorPattern, ENV_FILE_PATTERNS, FILE_KINDS, patternsOf, type FileKind } from '../../server/src/shared/fileKinds';
import { languageClientLog } from './languageClientLog';
import type { EngineChoice } from './status/targetEngineText';
import { CODE_CACHE_DIR_ENV, EngineStateNotification, SERVER_EXEC_ARGV, SERVER_PROCESS_ENV, SETTINGS_SECTION, type EngineState, type InitializationOptions } from '../../server/src/shared/protocol';

/**
 * What the language client needs from the Engine side of the extension. The Engine
 * client implements it; without one, the server works from the settings alone.
 */
export interface EngineBridge {
  readonly engineState: EngineState;
  readonly onDidChangeEngineState: vscode.Event<EngineState>;
  /** The Engines of the view (#22), which one the diagnostics follow, and how to pick another. */
  readonly engines?: EngineChoice[];
  readonly onDidChangeTarget?: vscode.Event<void>;
  setTarget?(id: string): Promise<void>;
}
export type { EngineChoice };

/** The schemes whose documents we serve: local files and, in remote windows, the remote's. */
const SCHEMES = ['file', 'vscode-remote', 'vscode-userdata'];

export function documentSelector(): { scheme: string; pattern: string }[] {
  // One selector for the window: read without a resource (`null`), which VS Code takes as
  // deliberate; `undefined` logged "Accessing a resource scoped configuration without
  // providing a resource" once per file kind at every start (#20).
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, null);
  const selector: { scheme: string; pattern: string }[] = [];
  for (const kind of FILE_KINDS) {
    for (const pattern of patternsOf(kind, { [kind]: config.get<string[]>(`files.${kind}`) })) {
      for (const scheme of SCHEMES) selector.push({ scheme, pattern: anchorPattern(pattern) });
    }
  }
  // `.env` files are synced too, so that a Compose file is judged with their unsaved text
  // (#16); the server gives them no diagnostics of their own.
  for (const pattern of ENV_FILE_PATTERNS) for (const scheme of SCHEMES) selector.push({ scheme, pattern: anchorPattern(pattern) });
  return selector;
}

/** A language client and the listeners that live as long as it does (started and stopped by serialLifecycle.ts). */
export interface LanguageClientHandle {
  readonly client: LanguageClient;
  start(): Promise<void>;
  /** Stops the client, then disposes its listeners. */
  stop(): Promise<void>;
}

export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, engine?: EngineBridge): LanguageClientHandle {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // V8's code cache of the server bundle lives in the extension's global storage, so the
  // second and later starts skip compiling it (#8, server/src/loadWithCodeCache.ts). Not
  // for `debug`: --nolazy changes V8's flags, and V8 would reject the cache every time.
  // (The client adds this to its own environment, it does not replace it.)
  const codeCacheDir = path.join(context.globalStorageUri.fsPath, 'codeCache');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { env: { ...SERVER_PROCESS_ENV, [CODE_CACHE_DIR_ENV]: codeCacheDir }, execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { env: { ...SERVER_PROCESS_ENV }, execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const initializationOptions: InitializationOptions = {
    engineState: engine !== undefined,
    engine: engine?.engineState,
    workspaceTrusted: vscode.workspace.isTrusted,
    // VS Code's JSON service reports JSON syntax in daemon.json unless the user turned it off (#20).
    jsonSyntaxFromEditor: vscode.workspace.getConfiguration('json', null).get<boolean>('validate.enable') !== false,
    // The server's texts in VS Code's display language (#23): the bundle VS Code loaded for
    // us (l10n/bundle.l10n.<language>.json, undefined for English) holds the server's strings too.
    l10n: { language: vscode.env.language, bundle: vscode.l10n.bundle },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: languageClientLog(output),
    initializationOptions,
    diagnosticCollectionName: 'docker-networking',
  };
  const client = new LanguageClient('dockerNetworking', vscode.l10n.t('Docker Networking Language Server'), serverOptions, clientOptions);
  const listeners: vscode.Disposable[] = [];
  if (engine) {
    // The Engine may connect before the server runs (the notification would be dropped),
    // and a restarted server starts from initializationOptions taken at creation. The
    // listeners live as long as this client: `listeners` is disposed when it is stopped
    // for a new one (serialLifecycle.ts), not kept until the extension ends.
    listeners.push(
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) void client.sendNotification(EngineStateNotification, engine.engineState);
      }),
      engine.onDidChangeEngineState((state) => {
        if (client.isRunning()) void client.sendNotification(EngineStateNotification, state);
      }),
    );
  }
  return {
    client,
    start: () => client.start(),
    stop: async () => {
      try {
        await client.stop();
      } finally {
        listeners.forEach((d) => d.dispose());
      }
    },
  };
}

/** Settings whose change needs a new document selector or initializationOptions, hence a restarted client. */
export function affectsDocumentSelector(e: vscode.ConfigurationChangeEvent): boolean {
  // json.validate.enable: whether the server leaves JSON syntax to VS Code (initializationOptions).
  return FILE_KINDS.some((kind: FileKind) => e.affectsConfiguration(`${SETTINGS_SECTION}.files.${kind}`)) || e.affectsConfiguration('json.validate.enable');
}
