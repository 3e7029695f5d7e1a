import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  TextDocumentEdit,
  type CodeAction,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
// A named import: esbuild then bundles the version string, not the whole manifest (#8).
import { version as extensionVersion } from '../../package.json';
import { enabledKindOf } from './fileKindOf';
import { type FileKind, isEnvFile } from './shared/fileKinds';
import type { CodeCacheInfo } from './loadWithCodeCache';
import { getLanguageModes } from './modes/languageModes';
import type { LanguageMode, ModeContext, ValidationMemo } from './modes/languageMode';
import { useDisplayLanguage } from './modes/localized';
import { fixesOf } from './diagnostics';
import { diagnosticsOf } from './diagnosticsOf';
import { withoutEditorSyntax } from './editorSyntax';
import { DiagnosticsScheduler } from './diagnosticsScheduler';
import { DeferredCompletionDocs } from './deferredCompletionDocs';
import { EngineStateStore } from './engineStateStore';
import { SettingsStore } from './settingsStore';
import { warmUp } from './warmUp';
import { isOverSizeLimit } from './largeFiles';
import { MemoryRelease } from './memoryRelease';
import { normalizeFileUri, WorkspaceIndex } from './workspaceIndex';
import { WorkspaceParses } from './workspaceParses';
import { COPY_RESTART_COMMAND, EngineStateNotification, RestartPendingNotification, WorkspaceFilesRequest, WorkspaceSubnetsRequest, type InitializationOptions, type WorkspaceSubnet } from './shared/protocol';
import { RestartPendingWatch } from './restartPendingWatch';
import { featureEnabled, type ModeFeature, type Settings } from './shared/settings';
import { clampPosition, ClampedTextDocument } from './utils/clampedTextDocument';
import { LanguageModelCache } from './utils/languageModelCache';
import { formatError, runSafe, type Logger } from './utils/runner';
import { MachineHostFiles } from './machineHostFiles';
import { URI } from 'vscode-uri';
import { baseName } from './modes/compose/project/projectSpecs';

/** A line for the output channel: whether this start compiled the bundle (loadWithCodeCache.ts). */
function describeCodeCache(cache: CodeCacheInfo): string {
  if (!cache.file) return 'Code cache: none (no directory given); the server bundle was compiled.';
  if (cache.state === 'used') return `Code cache: used (${cache.file}).`;
  const why = cache.state === 'rejected' ? 'V8 rejected the cached code' : 'no cached code yet';
  return `Code cache: ${cache.state} (${why}); the server bundle was compiled and the cache is written to ${cache.file} after the warm-up.`;
}

/**
 * Wires the modes to LSP. Each handler does the same four steps: get the document,
 * pick its mode by path, get the cached parse for this version, call the mode.
 */
export function startServer(connection: Connection, options: { codeCache?: CodeCacheInfo } = {}): { warmedUp: Promise<void> } {
  // Client ranges are clamped to the text before they reach the store (#15 item 4).
  const documents = new TextDocuments(ClampedTextDocument);
  const modes = getLanguageModes();
  const allModes = Object.values(modes) as LanguageMode[];
  const logger: Logger = {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
  };
  const settings = new SettingsStore(connection, logger);
  const engine = new EngineStateStore();
  const completionDocs = new DeferredCompletionDocs();
  // Set from initializationOptions: the machine's Docker host files are read only in a trusted workspace (#17).
  let workspaceTrusted = false;
  const machine = new MachineHostFiles(
    () => workspaceTrusted && settings.current.readMachineHostFiles,
    undefined,
    () => (workspaceTrusted ? settings.current.localEngineFiles : []),
  );
  const workspace = new WorkspaceIndex({
    patterns: () => settings.current.files,
    openText: (uri) => documents.all().find((d) => normalizeFileUri(d.uri) === uri)?.getText(),
    openUris: () => documents.keys(),
    machine,
  });

  const caches = new Map<FileKind, LanguageModelCache<unknown>>();
  for (const mode of allModes) caches.set(mode.kind, new LanguageModelCache((doc) => mode.parse(doc)));
  const cleanupTimer = setInterval(() => caches.forEach((c) => c.cleanup()), 60_000);
  cleanupTimer.unref?.();

  // The kind of each URI under the current settings: matching the glob patterns on
  // every request and keystroke was measurable (#8).
  const kinds = new Map<string, FileKind | undefined>();
  let kindsFor: Settings | undefined;

  function kindOf(uri: string): FileKind | undefined {
    const current = settings.current;
    if (kindsFor !== current) {
      kinds.clear();
      kindsFor = current;
    }
    if (kinds.has(uri)) return kinds.get(uri);
    const kind = enabledKindOf(uri, current);
    kinds.set(uri, kind);
    return kind;
  }

  /** The open document of a URI, in whichever spelling the client used (the index's spelling is vscode-uri's). */
  function openDocument(uri: string): TextDocument | undefined {
    const key = normalizeFileUri(uri);
    return documents.get(uri) ?? documents.all().find((d) => normalizeFileUri(d.uri) === key);
  }

  // What modes see of other files: the index's texts and, for projects (#16), their parses,
  // from the per-version cache for open documents.
  const files = new WorkspaceParses(workspace, {
    openModel: (uri, kind) => {
      const doc = openDocument(uri);
      return doc && kindOf(doc.uri) === kind ? caches.get(kind)!.get(doc) : undefined;
    },
    parse: (kind, doc) => (modes[kind] as LanguageMode).parse(doc),
  });

  function context(): ModeContext {
    return engine.context(settings.current, files);
  }

  /** Runs `fn` with the document's mode and cached parse, or returns `empty`; by URI for an open document, else the warm-up's sample. */
  function withMode<T>(
    target: string | TextDocument | undefined,
    feature: ModeFeature,
    what: string,
    empty: T,
    token: CancellationToken | undefined,
    fn: (mode: LanguageMode, doc: TextDocument, parsed: unknown, ctx: ModeContext) => T | undefined | null,
    largeFile?: (mode: LanguageMode, doc: TextDocument, ctx: ModeContext) => T,
  ): T {
    const doc = typeof target === 'string' ? documents.get(target) : target;
    return runSafe(logger, what, empty, token, () => {
      const kind = doc && kindOf(doc.uri);
      if (!doc || !kind || !featureEnabled(settings.current, kind, feature)) return empty;
      const mode = modes[kind] as LanguageMode;
      // Above the size limit nothing is parsed in full (largeFiles.ts, #15).
      if (isOverSizeLimit(doc, settings.current)) return feature === 'validate' ? ((largeFile?.(mode, doc, context()) ?? empty) as T) : empty;
      const parsed = caches.get(kind)!.get(doc);
      return fn(mode, doc, parsed, context()) ?? empty;
    });
  }

  // Per open document, what its mode keeps between validations (languageMode.ts ValidationMemo).
  const validationMemos = new Map<string, ValidationMemo>();
  const memoOf = (uri: string): ValidationMemo => {
    let memo = validationMemos.get(uri);
    if (!memo) validationMemos.set(uri, (memo = {}));
    return memo;
  };

  /** A document's diagnostics as they are published. */
  function diagnosticsFor(doc: TextDocument | undefined): Diagnostic[] {
    // Both branches of withMode go through diagnosticsOf, the validation path the CLI
    // shares (#21); above the size limit it never calls for the parse.
    return withMode<Diagnostic[]>(
      doc,
      'validate',
      `validating ${doc?.uri}`,
      [],
      undefined,
      (mode, d, parsed, ctx) => withoutEditorSyntax(kindOf(d.uri), diagnosticsOf(mode, d, ctx, () => parsed, memoOf(d.uri)), jsonSyntaxFromEditor),
      (mode, d, ctx) => withoutEditorSyntax(kindOf(d.uri), diagnosticsOf(mode, d, ctx, () => mode.parse(d)), jsonSyntaxFromEditor),
    );
  }

  /** Forgets what the server keeps per URI (the document closed, or the warm-up is done with its sample). */
  function forget(uri: string): void {
    kinds.delete(uri);
    validationMemos.delete(uri);
    caches.forEach((c) => c.onDocumentRemoved(uri));
  }

  const diagnostics = new DiagnosticsScheduler({
    documents,
    kindOf,
    validationDelay: () => settings.current.validationDelay,
    firstSettings: settings.ready,
    // Only Compose checks read live networks: only they wait for the client's first push.
    waitFor: (kind) => (kind === 'compose' ? engine.firstPush() : undefined),
    compute: (uri) => diagnosticsFor(documents.get(uri)),
    send: (params) => void connection.sendDiagnostics(params),
    related: (uri) =>
      isEnvDocument(uri)
        ? openComposeDocuments()
        : withMode<readonly string[]>(uri, 'validate', `finding the project of ${uri}`, [], undefined, (mode, _d, parsed, ctx) => mode.relatedFiles?.(parsed, ctx)),
  });
  /** A synced `.env` file (the client syncs them for #16): no kind of ours, read by Compose projects. */
  function isEnvDocument(uri: string): boolean {
    return kindOf(uri) === undefined && isEnvFile(baseName(uri));
  }
  /** The open Compose files: any of them may read a `.env` file (beside it, `env_file`, `--env-file` settings). */
  function openComposeDocuments(): string[] {
    return documents.all().filter((d) => kindOf(d.uri) === 'compose').map((d) => d.uri);
  }

  // Heavy documents: from a quarter of a megabyte of text their parse is tens of MB (#15).
  const memoryRelease = new MemoryRelease(256 * 1024, 1000);
  documents.onDidClose((e) => {
    // Its project's other open files were judged with its unsaved text; now the disk's counts (#16).
    if (kindOf(e.document.uri) === 'compose' || isEnvDocument(e.document.uri)) diagnostics.revalidateAll();
    forget(e.document.uri);
    // What the editor held may differ from the disk's text, which is read again now.
    workspace.forgetDiskText(e.document.uri);
    memoryRelease.closed(e.document.getText().length);
  });

  // ---- lifecycle ----------------------------------------------------------------

  let watchFiles = false;
  /** The client's watcher takes a folder and a glob (LSP 3.17 RelativePattern): the machine's host files can be watched. */
  let watchOutside = false;
  let watchFolders = false;
  /** The client's editor reports JSON syntax in daemon.json itself (editorSyntax.ts, #20). */
  let jsonSyntaxFromEditor = false;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const initOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    // First: everything the modes write from now on is in this language (#23).
    useDisplayLanguage(initOptions.l10n);
    settings.onInitialize(params);
    engine.onInitialize(initOptions);
    workspaceTrusted = initOptions.workspaceTrusted === true;
    jsonSyntaxFromEditor = initOptions.jsonSyntaxFromEditor === true;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    folders.forEach((f) => workspace.addFolder(f.uri));
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    watchOutside = watchFiles && params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    watchFolders = params.capabilities.workspace?.workspaceFolders === true;
    const triggers = new Set<string>();
    for (const mode of allModes) mode.triggerCharacters?.forEach((c) => triggers.add(c));
    return {
      capabilities: {
        // `save`: a saved daemon.json may make a restart pending (#17).
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeLensProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: [...triggers], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        renameProvider: { prepareProvider: true },
        workspace: watchFolders ? { workspaceFolders: { supported: true, changeNotifications: true } } : undefined,
      },
      serverInfo: { name: 'docker-networking', version: extensionVersion },
    };
  });

  // Settles once the warm-up has run: the loader then writes V8's code cache (loadWithCodeCache.ts).
  let markWarm!: () => void;
  const warmedUp = new Promise<void>((resolve) => (markWarm = resolve));

  connection.onInitialized(() => {
    if (options.codeCache) logger.info(describeCodeCache(options.codeCache));
    setImmediate(() => {
      warmUp(allModes, settings.current.files, context, logger, { diagnosticsFor, forget });
      markWarm();
    });
    settings.onInitialized();
    // The workspace index learns of changes on disk from the client's watcher, which is
    // registered dynamically (LSP 3.17 §workspace/didChangeWatchedFiles): a static
    // registration does not exist for it. Every file, not only ours, so that a file a
    // mode reads by name (an env_file) is re-read too; the index ignores the rest.
    if (watchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
        .catch((err) => logger.error(formatError('Error while registering the file watcher', err)));
    }
    // Once the settings are in: the machine's files may differ from the defaults'.
    void settings.ready.then(() => {
      watchMachineFiles();
      updateRestartPending();
    });
    if (watchFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        e.removed.forEach((f) => workspace.removeFolder(f.uri));
        e.added.forEach((f) => workspace.addFolder(f.uri));
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    void settings.onDidChangeConfiguration(change.settings).then(
      () => {
        diagnostics.revalidateAll();
        watchMachineFiles();
        updateRestartPending();
      },
      (err) => logger.error(formatError('Error while reading settings', err)),
    );
  });

  // The machine's Docker host files lie outside the workspace folders: watched by folder
  // and glob, so that a daemon.json saved by another editor (or a test) is seen at once
  // (#17). Registered again when the settings name other files.
  let machineWatch: { key: string; registration?: Promise<{ dispose(): void }> } = { key: '' };
  function watchMachineFiles(): void {
    if (!watchOutside) return;
    const patterns = machine.watchPatterns();
    const key = JSON.stringify(patterns);
    if (key === machineWatch.key) return;
    void machineWatch.registration?.then((r) => r.dispose(), () => undefined);
    machineWatch = { key };
    if (patterns.length === 0) return;
    const watchers = patterns.map((w) => ({ globPattern: { baseUri: URI.file(w.folder).toString(), pattern: w.pattern } }));
    machineWatch.registration = connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    machineWatch.registration.catch((err) => logger.error(formatError("Error while registering the watcher of the machine's Docker host files", err)));
  }

  // Restart pending (#17): the saved daemon.json of the local Engine against its /info.
  const restartPending = new RestartPendingWatch({
    daemonJson: () => machine.engineDaemonJson(),
    readSaved: (uri) => machine.readSaved(uri),
    engineInfo: () => engine.info,
    send: (p) => void connection.sendNotification(RestartPendingNotification, p),
  });
  const updateRestartPending = (): void => runSafe(logger, 'comparing daemon.json with the running dockerd', undefined, undefined, () => restartPending.update());
  documents.onDidSave((e) => {
    workspace.forgetDiskText(e.document.uri);
    updateRestartPending();
  });

  connection.onNotification(EngineStateNotification, (state) => {
    engine.set(state);
    diagnostics.revalidateAll();
    updateRestartPending();
  });

  connection.onCodeLens((p) =>
    runSafe(logger, 'computing code lenses', [], undefined, () =>
      restartPending.lensesFor(p.textDocument.uri).map((l) => ({
        range: { start: { line: l.line, character: 0 }, end: { line: l.line, character: 0 } },
        command: { title: l.title, command: COPY_RESTART_COMMAND, arguments: [restartPending.current.command] },
      })),
    ),
  );

  connection.onDidChangeWatchedFiles((p) => {
    runSafe(logger, 'updating the workspace index', undefined, undefined, () => workspace.onWatchedFilesChanged(p.changes));
    // A file of a project (or its .env) changed on disk: the open files of the project are judged again (#16).
    if (p.changes.length) diagnostics.revalidateAll();
    updateRestartPending();
  });

  // The subnet map's files (#20): every indexed daemon.json and Compose file, as saved or as open.
  connection.onRequest(WorkspaceSubnetsRequest, () =>
    runSafe(logger, 'listing the workspace subnets', [], undefined, () => {
      const out: WorkspaceSubnet[] = [];
      for (const mode of allModes) {
        if (!mode.declaredSubnets || (mode.kind !== 'daemonJson' && mode.kind !== 'compose')) continue;
        for (const uri of workspace.list(mode.kind)) {
          const text = workspace.read(uri);
          if (text === undefined) continue;
          const doc = TextDocument.create(uri, mode.kind, 0, text);
          for (const s of mode.declaredSubnets(mode.parse(doc))) {
            const at = doc.positionAt(s.range[0]);
            out.push({ subnet: s.subnet, what: s.what, uri, line: at.line, character: at.character });
          }
        }
      }
      return out;
    }),
  );

  connection.onRequest(WorkspaceFilesRequest, (p) =>
    runSafe(logger, 'listing workspace files', { uris: [] }, undefined, () => ({
      uris: [...workspace.list(p?.kind)],
      ...(p?.read !== undefined ? { text: workspace.read(p.read) ?? null } : {}),
    })),
  );

  // ---- features -------------------------------------------------------------------

  connection.onCompletion((p, token) =>
    completionDocs.defer(
      withMode(p.textDocument.uri, 'completion', 'computing completions', { isIncomplete: false, items: [] }, token, (m, d, parsed, ctx) =>
        m.complete?.(d, clampPosition(d, p.position), parsed, ctx),
      ),
    ),
  );
  connection.onCompletionResolve((item) => completionDocs.resolve(item));
  connection.onHover((p, token) =>
    withMode(p.textDocument.uri, 'hover', 'computing hover', null, token, (m, d, parsed, ctx) => m.hover?.(d, clampPosition(d, p.position), parsed, ctx)),
  );
  connection.onCodeAction((p, token) =>
    withMode(p.textDocument.uri, 'codeActions', 'computing code actions', [], token, (m, d, parsed, ctx) => {
      // Fixes are resolved now, against the parse of the text as it is, and sent as edits
      // of this version of the document: VS Code refuses them if the text changed since,
      // instead of applying them in the wrong place (#14).
      const actions: CodeAction[] = [];
      for (const diagnostic of p.context.diagnostics) {
        for (const fix of fixesOf(diagnostic)) {
          const edits = m.resolveFix?.(d, parsed, fix, ctx);
          if (!edits) continue;
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.preferred || undefined,
            edit: {
              documentChanges: [
                TextDocumentEdit.create(
                  { uri: d.uri, version: d.version },
                  edits.map((e) => ({ range: { start: d.positionAt(e.range[0]), end: d.positionAt(e.range[1]) }, newText: e.newText })),
                ),
              ],
            },
          });
        }
      }
      return actions;
    }),
  );
  connection.onDefinition((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'finding the definition', [], token, (m, d, parsed, ctx) =>
      m.findDefinition?.(d, clampPosition(d, p.position), parsed, ctx),
    ),
  );
  connection.onReferences((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'finding references', [], token, (m, d, parsed, ctx) =>
      m.findReferences?.(d, clampPosition(d, p.position), parsed, ctx),
    ),
  );
  connection.onDocumentHighlight((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'computing highlights', [], token, (m, d, parsed, ctx) =>
      m.findDocumentHighlights?.(d, clampPosition(d, p.position), parsed, ctx),
    ),
  );
  connection.onDocumentSymbol((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'computing document symbols', [], token, (m, d, parsed, ctx) =>
      m.findDocumentSymbols?.(d, parsed, ctx),
    ),
  );
  connection.onPrepareRename((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'preparing rename', null, token, (m, d, parsed, ctx) =>
      m.prepareRename?.(d, clampPosition(d, p.position), parsed, ctx),
    ),
  );
  connection.onRenameRequest((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'renaming', null, token, (m, d, parsed, ctx) =>
      m.doRename?.(d, clampPosition(d, p.position), p.newName, parsed, ctx),
    ),
  );

  connection.onShutdown(() => {
    clearInterval(cleanupTimer);
    memoryRelease.dispose();
    diagnostics.dispose();
    caches.forEach((c) => c.dispose());
  });

  documents.listen(connection);
  connection.listen();
  return { warmedUp };
}

