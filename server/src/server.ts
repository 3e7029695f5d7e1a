import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CompletionItem,
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
import { fileKindOf } from './fileKindOf';
import type { FileKind } from './shared/fileKinds';
import type { CodeCacheInfo } from './loadWithCodeCache';
import { getLanguageModes } from './modes/languageModes';
import type { LanguageMode, ModeContext } from './modes/languageMode';
import { fixesOf, toDiagnostics } from './diagnostics';
import { WARM_UP_SAMPLES } from './warmUp';
import {
  EngineStateNotification,
  SETTINGS_SECTION,
  type EngineState,
  type InitializationOptions,
  type LiveNetwork,
} from './shared/protocol';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './shared/settings';
import { parseEngineVersion, resolveEngineVersion } from './shared/engineVersion';
import { LanguageModelCache } from './utils/languageModelCache';
import { formatError, runSafe, type Logger } from './utils/runner';

/** How long to wait for `workspace/configuration` before going on with defaults. */
const CONFIGURATION_TIMEOUT_MS = 2000;
/** How long Compose validation waits for the client's first Engine state before going on without live networks. */
const ENGINE_STATE_TIMEOUT_MS = 2000;

type Feature = 'validate' | 'completion' | 'hover' | 'navigation' | 'codeActions';

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

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
  const documents = new TextDocuments(TextDocument);
  const modes = getLanguageModes();
  const logger: Logger = {
    error: (m) => connection.console.error(m),
    warn: (m) => connection.console.warn(m),
    info: (m) => connection.console.info(m),
  };

  let settings: Settings = DEFAULT_SETTINGS;
  let engine: EngineState = { info: {} };
  let liveNetworks: readonly LiveNetwork[] | undefined;
  let engineStateReady: () => void = () => undefined;
  const firstEngineState = new Promise<void>((resolve) => (engineStateReady = resolve));
  let clientAnswersConfiguration = false;
  // Diagnostics wait for the first settings (bounded by CONFIGURATION_TIMEOUT_MS), so a
  // document opened right after `initialized` is not first judged with the defaults
  // and then again with the user's settings.
  let settingsReady: () => void = () => undefined;
  const firstSettings = new Promise<void>((resolve) => (settingsReady = resolve));

  const caches = new Map<FileKind, LanguageModelCache<unknown>>();
  for (const mode of Object.values(modes) as LanguageMode[]) {
    caches.set(mode.kind, new LanguageModelCache((doc) => mode.parse(doc)));
  }
  const cleanupTimer = setInterval(() => caches.forEach((c) => c.cleanup()), 60_000);
  cleanupTimer.unref?.();

  // The kind of each URI under the current settings: matching the glob patterns on
  // every request and keystroke was measurable (#8).
  const kinds = new Map<string, FileKind | undefined>();
  let kindsFor: Settings | undefined;

  function kindOf(uri: string): FileKind | undefined {
    if (kindsFor !== settings) {
      kinds.clear();
      kindsFor = settings;
    }
    if (kinds.has(uri)) return kinds.get(uri);
    const found = fileKindOf(uri, settings.files);
    const kind = found && settings[found].enable ? found : undefined;
    kinds.set(uri, kind);
    return kind;
  }

  function featureEnabled(kind: FileKind, feature: Feature): boolean {
    const flags = settings[kind] as unknown as Record<string, unknown>;
    return flags[feature] !== false;
  }

  function context(): ModeContext {
    const setting = settings.engineVersion;
    const explicit = setting !== 'auto' && parseEngineVersion(setting) !== undefined;
    return {
      settings,
      engineVersion: resolveEngineVersion(setting, engine.info.version),
      engineVersionKnown: explicit || parseEngineVersion(engine.info.version) !== undefined,
      liveNetworks,
    };
  }

  /** Runs `fn` with the document's mode and cached parse, or returns `empty`. */
  function withMode<T>(
    uri: string,
    feature: Feature,
    what: string,
    empty: T,
    token: CancellationToken | undefined,
    fn: (mode: LanguageMode, doc: TextDocument, parsed: unknown, ctx: ModeContext) => T | undefined | null,
  ): T {
    return runSafe(logger, what, empty, token, () => {
      const doc = documents.get(uri);
      const kind = kindOf(uri);
      if (!doc || !kind || !featureEnabled(kind, feature)) return empty;
      const mode = modes[kind] as LanguageMode;
      const parsed = caches.get(kind)!.get(doc);
      return fn(mode, doc, parsed, context()) ?? empty;
    });
  }

  // ---- settings -------------------------------------------------------------

  async function fetchSettings(): Promise<void> {
    if (!clientAnswersConfiguration) return;
    const raw = await withTimeout(
      connection.workspace.getConfiguration(SETTINGS_SECTION).then((v) => v as unknown),
      CONFIGURATION_TIMEOUT_MS,
      undefined,
    );
    if (raw === undefined) logger.warn('The client did not answer workspace/configuration in time; using default settings.');
    settings = normalizeSettings(raw);
    settingsReady();
  }

  // ---- Engine state -----------------------------------------------------------

  function setEngineState(state: unknown): void {
    const st = state && typeof state === 'object' ? (state as Partial<EngineState>) : {};
    engine = { info: st.info && typeof st.info === 'object' ? st.info : {}, networks: Array.isArray(st.networks) ? st.networks : undefined };
    liveNetworks = engine.networks;
    engineStateReady();
  }

  // ---- diagnostics ------------------------------------------------------------

  const pending = new Map<string, NodeJS.Timeout>();

  function cancelPending(uri: string): void {
    const t = pending.get(uri);
    if (t) {
      clearTimeout(t);
      pending.delete(uri);
    }
  }

  async function validate(uri: string): Promise<void> {
    cancelPending(uri);
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    await firstSettings;
    // Only Compose checks read live networks: only they wait for the client's first push.
    if (kindOf(uri) === 'compose') await withTimeout(firstEngineState, ENGINE_STATE_TIMEOUT_MS, undefined);
    const diagnostics = withMode<Diagnostic[]>(uri, 'validate', `validating ${uri}`, [], undefined, (mode, d, parsed, ctx) =>
      toDiagnostics(d, mode.validate?.(parsed, ctx) ?? []),
    );
    // The document may have changed or closed while live networks were fetched.
    const now = documents.get(uri);
    if (!now || now.version !== version) return;
    void connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function scheduleValidation(uri: string, delay: number): void {
    cancelPending(uri);
    if (delay <= 0) {
      void validate(uri);
      return;
    }
    pending.set(
      uri,
      setTimeout(() => {
        pending.delete(uri);
        void validate(uri);
      }, delay),
    );
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) {
      if (kindOf(doc.uri)) scheduleValidation(doc.uri, 0);
      else void connection.sendDiagnostics({ uri: doc.uri, diagnostics: [] });
    }
  }

  documents.onDidOpen((e) => scheduleValidation(e.document.uri, 0));
  documents.onDidChangeContent((e) => {
    // onDidChangeContent also fires on open; the open handler already validated.
    if (e.document.version > 1 || pending.has(e.document.uri)) scheduleValidation(e.document.uri, settings.validationDelay);
  });
  documents.onDidClose((e) => {
    cancelPending(e.document.uri);
    kinds.delete(e.document.uri);
    caches.forEach((c) => c.onDocumentRemoved(e.document.uri));
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // ---- lifecycle ----------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientAnswersConfiguration = params.capabilities.workspace?.configuration === true;
    if (!clientAnswersConfiguration) settingsReady();
    // A client that never sends `initialized` must not block diagnostics forever.
    setTimeout(settingsReady, 2 * CONFIGURATION_TIMEOUT_MS).unref?.();
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    if (init.engine) setEngineState(init.engine);
    else if (init.engineState !== true) engineStateReady();
    const triggers = new Set<string>();
    for (const mode of Object.values(modes) as LanguageMode[]) mode.triggerCharacters?.forEach((c) => triggers.add(c));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [...triggers], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentSymbolProvider: true,
        renameProvider: { prepareProvider: true },
      },
      serverInfo: { name: 'docker-networking', version: extensionVersion },
    };
  });

  /** Runs every feature of every mode once on its sample, off the hot path (see LanguageMode.warmUpSample). */
  function warmUp(): void {
    // Compiles every file pattern (a path no pattern matches tries them all): done on
    // the first document instead, it took longer than parsing a 200-line drop-in (#8).
    runSafe(logger, 'warming up the file patterns', undefined, undefined, () => fileKindOf('file:///warm-up/none', settings.files));
    for (const mode of Object.values(modes) as LanguageMode[]) {
      const text = WARM_UP_SAMPLES[mode.kind];
      if (!text) continue;
      runSafe(logger, `warming up the ${mode.kind} mode`, undefined, undefined, () => {
        const doc = TextDocument.create(`warmup:///${mode.kind}`, 'plaintext', 1, text);
        const parsed = mode.parse(doc);
        const ctx = context();
        const middle = doc.positionAt(Math.floor(text.length / 2));
        const problems = mode.validate?.(parsed, ctx) ?? [];
        toDiagnostics(doc, problems);
        mode.complete?.(doc, middle, parsed, ctx);
        mode.hover?.(doc, middle, parsed, ctx);
        for (const p of problems) for (const fix of p.fixes ?? []) mode.resolveFix?.(doc, parsed, fix, ctx);
      });
    }
  }

  // Settles once the warm-up has run: the loader then writes V8's code cache (loadWithCodeCache.ts).
  let markWarm!: () => void;
  const warmedUp = new Promise<void>((resolve) => (markWarm = resolve));

  connection.onInitialized(() => {
    if (options.codeCache) logger.info(describeCodeCache(options.codeCache));
    setImmediate(() => {
      warmUp();
      markWarm();
    });
    void fetchSettings().catch((err) => {
      settingsReady();
      logger.error(formatError('Error while reading settings', err));
    });
  });

  connection.onDidChangeConfiguration((change) => {
    const fromPush = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    const apply = clientAnswersConfiguration ? fetchSettings() : Promise.resolve(void (settings = normalizeSettings(fromPush)));
    void apply.then(revalidateAll, (err) => logger.error(formatError('Error while reading settings', err)));
  });

  connection.onNotification(EngineStateNotification, (state) => {
    setEngineState(state);
    revalidateAll();
  });

  // ---- features -------------------------------------------------------------------

  // Documentation is sent on `completionItem/resolve`, for the one item the user looks at:
  // a list of a hundred daemon.json keys with their docs would otherwise be serialised,
  // sent and parsed on every keystroke. Only the latest list's docs are kept.
  let deferredDocs: { id: number; docs: (CompletionItem['documentation'] | undefined)[] } = { id: 0, docs: [] };

  connection.onCompletion((p, token) => {
    const list = withMode(p.textDocument.uri, 'completion', 'computing completions', { isIncomplete: false, items: [] }, token, (m, d, parsed, ctx) =>
      m.complete?.(d, p.position, parsed, ctx),
    );
    const id = deferredDocs.id + 1;
    const docs: (CompletionItem['documentation'] | undefined)[] = [];
    list.items.forEach((item, index) => {
      if (item.documentation === undefined || item.data !== undefined) return;
      docs[index] = item.documentation;
      item.documentation = undefined;
      item.data = { dnList: id, dnIndex: index };
    });
    deferredDocs = { id, docs };
    return list;
  });
  connection.onCompletionResolve((item) => {
    const data = item.data as { dnList?: unknown; dnIndex?: unknown } | undefined;
    if (data && data.dnList === deferredDocs.id && typeof data.dnIndex === 'number') {
      item.documentation = deferredDocs.docs[data.dnIndex];
    }
    return item;
  });
  connection.onHover((p, token) =>
    withMode(p.textDocument.uri, 'hover', 'computing hover', null, token, (m, d, parsed, ctx) => m.hover?.(d, p.position, parsed, ctx)),
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
      m.findDefinition?.(d, p.position, parsed, ctx),
    ),
  );
  connection.onReferences((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'finding references', [], token, (m, d, parsed, ctx) =>
      m.findReferences?.(d, p.position, parsed, ctx),
    ),
  );
  connection.onDocumentHighlight((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'computing highlights', [], token, (m, d, parsed, ctx) =>
      m.findDocumentHighlights?.(d, p.position, parsed, ctx),
    ),
  );
  connection.onDocumentSymbol((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'computing document symbols', [], token, (m, d, parsed, ctx) =>
      m.findDocumentSymbols?.(d, parsed, ctx),
    ),
  );
  connection.onPrepareRename((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'preparing rename', null, token, (m, d, parsed, ctx) =>
      m.prepareRename?.(d, p.position, parsed, ctx),
    ),
  );
  connection.onRenameRequest((p, token) =>
    withMode(p.textDocument.uri, 'navigation', 'renaming', null, token, (m, d, parsed, ctx) =>
      m.doRename?.(d, p.position, p.newName, parsed, ctx),
    ),
  );

  connection.onShutdown(() => {
    clearInterval(cleanupTimer);
    pending.forEach((t) => clearTimeout(t));
    pending.clear();
    caches.forEach((c) => c.dispose());
  });

  documents.listen(connection);
  connection.listen();
  return { warmedUp };
}

