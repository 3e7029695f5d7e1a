/**
 * Custom messages between the extension host (client/) and the language server.
 * Declared once here and imported by both sides, as vscode-eslint does in
 * `$shared/customMessages.ts`, so a rename cannot leave one side behind.
 *
 * Typed message objects (vscode-languageserver-protocol's NotificationType), so the
 * compiler ties each message to its parameters on both sides.
 *
 * This file must stay free of `vscode` and `vscode-languageserver` imports: the
 * client bundles it too.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { FileKind } from './fileKinds';
import type { RunningDaemon } from './runningDaemon';

/** What the client knows about the Docker Engine it is connected to. */
export interface EngineInfo {
  /** Engine release, e.g. "20.10.24" or "29.7.2"; undefined when no Engine answers. */
  version?: string;
  /** Negotiated API version, e.g. "1.41". */
  apiVersion?: string;
  /** "linux" or "windows", from the Engine's `Os` field. */
  os?: string;
  /** From `/info` `Swarm`: only a manager creates overlay networks (#17). Undefined when not asked. */
  swarm?: EngineSwarm;
  /** From `/info`: the configuration the running dockerd uses, for "restart pending" (#17). */
  daemon?: RunningDaemon;
  /** The Engine is reached over a local socket (unix://, npipe://): its daemon.json is this machine's. */
  local?: boolean;
}

/** The Engine's swarm role, from `/info`: `Swarm.LocalNodeState` ("inactive", "active", …) and `Swarm.ControlAvailable` (a manager). */
export interface EngineSwarm {
  nodeState: string;
  controlAvailable: boolean;
}

/** One live network as the language server needs it (a small projection of the Engine record). */
export interface LiveNetwork {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  enableIPv6: boolean;
  subnets: Array<{ subnet: string; gateway?: string; ipRange?: string }>;
  labels: Record<string, string>;
  /** The containers attached, with their addresses as the Engine reports them ("172.18.0.2/16"); absent from older clients. */
  containers?: Array<{ name: string; ipv4Address?: string; ipv6Address?: string }>;
}

/**
 * The Engine as the client sees it, pushed whole to the server whenever any part of it
 * changes (connected, reconnected, lost, networks changed): the server never has to ask
 * back, and only the checks that use live networks (Compose) wait for the first push.
 */
export interface EngineState {
  info: EngineInfo;
  /** The live networks; undefined while the client has no Engine connection. */
  networks?: LiveNetwork[];
}

/** One daemon.json setting the running dockerd does not use yet. */
export interface PendingSetting {
  key: string;
  /** 0-based line in the file; undefined when the file no longer sets the key. */
  line?: number;
  saved: string;
  running: string;
}

/**
 * server → client: the machine's daemon.json differs from what the local running dockerd
 * reports (#17); `settings` is empty when nothing is pending (the status item hides).
 */
export interface RestartPending {
  uri?: string;
  settings: PendingSetting[];
  /** The command that applies the file; the extension never runs it. */
  command: string;
}
/** The client command a restart-pending CodeLens and status item run: copies the command line, never runs it. */
export const COPY_RESTART_COMMAND = 'dockerNetworking.copyRestartCommand';
export const RestartPendingNotification = new NotificationType<RestartPending>('dockerNetworking/restartPending');

/** client → server: the Engine state changed (see EngineState). */
export const EngineStateNotification = new NotificationType<EngineState>('dockerNetworking/engineState');

/** Parameters of WorkspaceFilesRequest. */
export interface WorkspaceFilesParams {
  /** Only files of this kind (`env` for `.env` files); every indexed file when absent. */
  kind?: FileKind | 'env';
  /** Also return the text of this file as a mode would read it (null when it cannot be read). */
  read?: string;
}

export interface WorkspaceFilesResult {
  uris: string[];
  text?: string | null;
}

/**
 * client → server: what the server's workspace index holds (server/src/workspaceIndex.ts).
 * Nothing in the extension sends it; tests do, and it helps when debugging (#14).
 */
export const WorkspaceFilesRequest = new RequestType<WorkspaceFilesParams, WorkspaceFilesResult, void>('dockerNetworking/workspaceFiles');

/** A subnet a workspace file declares (a daemon's bip or pool, a Compose network's subnet), for the subnet map (#20). */
export interface WorkspaceSubnet {
  subnet: string;
  /** What declares it, in words: "bip", "address pool (subnets of /24)", "network `front`". */
  what: string;
  uri: string;
  /** 0-based line and character of the subnet in the file. */
  line: number;
  character: number;
}

/** client → server: the subnets the workspace's daemon.json and Compose files declare (the subnet map, #20). */
export const WorkspaceSubnetsRequest = new RequestType<Record<string, never>, WorkspaceSubnet[], void>('dockerNetworking/workspaceSubnets');

/** Sent by the client in `initializationOptions`. */
export interface InitializationOptions {
  /** The client pushes EngineStateNotification (it has an Engine side); Compose validation then waits for the first push, briefly. */
  engineState?: boolean;
  /** The Engine state known at start, if any. */
  engine?: EngineState;
  /** VS Code trusts the workspace: only then does the server read the machine's Docker host files (#17). */
  workspaceTrusted?: boolean;
  /**
   * The editor reports JSON syntax errors in daemon.json itself (VS Code's JSON service, with
   * `json.validate.enable` on): the server then leaves them out (server/src/editorSyntax.ts, #20).
   */
  jsonSyntaxFromEditor?: boolean;
  /** VS Code's display language and our bundle for it (#23); absent or without a bundle: English. */
  l10n?: DisplayLanguage;
}

/**
 * What the client passes so that the server speaks the user's language (#23): VS Code's
 * `env.language` (e.g. `zh-cn`) and `vscode.l10n.bundle`, the contents of
 * `l10n/bundle.l10n.<language>.json` that VS Code picked, which `@vscode/l10n` in the server
 * is configured with (its README recommends passing the contents to the other process).
 */
export interface DisplayLanguage {
  language: string;
  bundle?: { [message: string]: string | { message: string; comment: string[] } };
}

/** Settings section read through `workspace/configuration`. */
export { SETTINGS_SECTION } from './settings';

export { CODE_CACHE_DIR_ENV } from './codeCacheDir';

/**
 * Environment the client gives the server process besides the code-cache directory.
 *
 * glibc only: with the threshold set, malloc stops raising its mmap and trim thresholds
 * as large blocks are freed (mallopt(3)), so the memory V8's optimising compiler takes
 * for its work goes back to the system instead of staying in the process. Without it
 * the server kept about 7 MB more after opening a 10,000-line Compose file (#8). The
 * value is glibc's own starting threshold, 128 KiB. Other C libraries ignore it.
 */
export const SERVER_PROCESS_ENV: Readonly<Record<string, string>> = { MALLOC_TRIM_THRESHOLD_: '131072' };

/**
 * Node options the client starts the server with (#15, memory returns after a heavy file
 * is closed):
 * - `--expose-gc`: V8 collects only while a program allocates, so a server that goes idle
 *   after a 3 MB Compose file is closed kept its 400 MB for good. The server asks for a
 *   collection once heavy documents are closed (server/src/memoryRelease.ts), and only then.
 * - `--max-semi-space-size=4` (MB): the young generation grows to its ceiling while a big
 *   file is parsed and keeps that memory after a collection; at Node 20's default of 16 MB
 *   that was 34 MB of the process, at 4 MB it is 8 MB, and the peak while parsing is lower.
 *   `npm run bench` measures the effect on speed.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--expose-gc', '--max-semi-space-size=4'];
