import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as path from 'path';
import { createMessageConnection, type MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { after, before } from 'node:test';
import { SERVER_EXEC_ARGV } from '../../server/src/shared/protocol';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');

export interface LspClientOptions {
  /** The server command; defaults to our bundled server over stdio. */
  command?: string;
  args?: string[];
  /** Added to this process's environment for the server. */
  env?: Record<string, string>;
  /** Answer for `workspace/configuration`; `null` declares no configuration support. */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Handlers for server → client requests, by method. */
  requestHandlers?: Record<string, (params: unknown) => unknown>;
  /** Workspace client capabilities beside `configuration` (e.g. `didChangeWatchedFiles`). */
  workspaceCapabilities?: Record<string, unknown>;
}

/**
 * A minimal LSP client over stdio for protocol tests and benchmarks: spawns a server,
 * speaks JSON-RPC to it with vscode-jsonrpc, and collects published diagnostics.
 */
export class LspClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  readonly stderr: string[] = [];
  readonly logs: string[] = [];
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<{ uri: string; pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  private versions = new Map<string, number>();

  constructor(private readonly options: LspClientOptions = {}) {
    const command = options.command ?? process.execPath;
    // Our server, started with the Node options the client gives it.
    const args = options.args ?? [...SERVER_EXEC_ARGV, SERVER_JS, '--stdio'];
    this.process = spawn(command, args, { stdio: 'pipe', env: options.env ? { ...process.env, ...options.env } : undefined });
    this.process.stderr.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && w.pred(p)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => this.logs.push(p.message));
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings ?? null));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    for (const [method, handler] of Object.entries(options.requestHandlers ?? {})) this.connection.onRequest(method, handler);
    this.connection.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { ...this.options.workspaceCapabilities, configuration: this.options.settings !== null },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
      initializationOptions: this.options.initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The diagnostics last published for `uri`; none yet: empty. */
  currentDiagnostics(uri: string): Diagnostic[] {
    return this.diagnostics.get(uri)?.diagnostics ?? [];
  }

  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (or the current ones, if they do). */
  waitForDiagnostics(uri: string, pred: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const current = this.diagnostics.get(uri);
    if (current && pred(current)) return Promise.resolve(current);
    return new Promise((resolve) => this.waiters.push({ uri, pred, resolve }));
  }

  /** Diagnostics for a document version, waiting for them to arrive. */
  async diagnosticsFor(uri: string, version = this.versions.get(uri)): Promise<Diagnostic[]> {
    const p = await this.waitForDiagnostics(uri, (d) => version === undefined || d.version === undefined || d.version === version);
    return p.diagnostics;
  }

  open(uri: string, text: string, languageId = 'plaintext'): void {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-document change event). */
  change(uri: string, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /** An incremental change event. */
  edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): number {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  close(uri: string): void {
    this.versions.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** Orderly shutdown; resolves with the exit code. */
  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      this.process.kill();
    }
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/**
 * The edits a code action makes to `uri`. Our quick fixes are versioned document edits
 * (#14), so that VS Code refuses one computed for text that has changed since; this
 * fails when an action carries unversioned `changes` instead.
 */
export function actionEdits(
  action: { edit?: { changes?: unknown; documentChanges?: unknown[] } },
  uri: string,
): { version: number | null; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] } {
  if (action.edit?.changes !== undefined) throw new Error('a quick fix sent unversioned `changes`');
  const change = (action.edit?.documentChanges ?? []).find(
    (c): c is { textDocument: { uri: string; version: number | null }; edits: never[] } =>
      !!c && typeof c === 'object' && 'textDocument' in c && (c as { textDocument: { uri: string } }).textDocument.uri === uri,
  );
  if (!change) throw new Error(`the action edits no ${uri}`);
  return { version: change.textDocument.version, edits: change.edits };
}

/**
 * One server for the tests of a `describe` block: started before them, shut down after.
 * Returns the client, once started.
 */
export function useServer(options: LspClientOptions = { settings: { validationDelay: 0 } }): () => LspClient {
  let client: LspClient | undefined;
  before(async () => {
    client = new LspClient(options);
    await client.initialize();
  });
  after(async () => {
    if (client && client.process.exitCode === null) await client.shutdown();
  });
  return () => {
    if (!client) throw new Error('the server is started before the tests of its describe block');
    return client;
  };
}
