import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { PublishDiagnosticsParams, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsScheduler } from '../../../server/src/diagnosticsScheduler';
import { DeferredCompletionDocs } from '../../../server/src/deferredCompletionDocs';
import { EngineStateStore } from '../../../server/src/engineStateStore';
import type { FileKind } from '../../../server/src/shared/fileKinds';
import { normalizeSettings } from '../../../server/src/shared/settings';

type Listener = (e: { document: TextDocument }) => void;

/** The parts of TextDocuments the scheduler uses, driven by hand. */
class FakeDocuments {
  private readonly docs = new Map<string, TextDocument>();
  private readonly listeners = { open: [] as Listener[], change: [] as Listener[], close: [] as Listener[] };
  onDidOpen = (l: Listener) => this.listeners.open.push(l);
  onDidChangeContent = (l: Listener) => this.listeners.change.push(l);
  onDidClose = (l: Listener) => this.listeners.close.push(l);
  get = (uri: string) => this.docs.get(uri);
  all = () => [...this.docs.values()];
  open(uri: string, text: string): void {
    const document = TextDocument.create(uri, 'plaintext', 1, text);
    this.docs.set(uri, document);
    // As TextDocuments does: open, then content changed.
    this.listeners.open.forEach((l) => l({ document }));
    this.listeners.change.forEach((l) => l({ document }));
  }
  change(uri: string, text: string): void {
    const old = this.docs.get(uri)!;
    const document = TextDocument.create(uri, 'plaintext', old.version + 1, text);
    this.docs.set(uri, document);
    this.listeners.change.forEach((l) => l({ document }));
  }
  close(uri: string): void {
    const document = this.docs.get(uri)!;
    this.docs.delete(uri);
    this.listeners.close.forEach((l) => l({ document }));
  }
}

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('DiagnosticsScheduler', () => {
  let docs: FakeDocuments;
  let sent: PublishDiagnosticsParams[];
  let computed: string[];
  let settingsReady: () => void;
  let enginePushed: () => void;
  let scheduler: DiagnosticsScheduler;
  const kindOf = (uri: string): FileKind | undefined =>
    uri.endsWith('daemon.json') ? 'daemonJson' : uri.endsWith('compose.yaml') ? 'compose' : undefined;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
    docs = new FakeDocuments();
    sent = [];
    computed = [];
    const firstSettings = new Promise<void>((r) => (settingsReady = r));
    const firstPush = new Promise<void>((r) => (enginePushed = r));
    scheduler = new DiagnosticsScheduler({
      documents: docs as unknown as TextDocuments<TextDocument>,
      kindOf,
      validationDelay: () => 300,
      firstSettings,
      waitFor: (kind) => (kind === 'compose' ? firstPush : undefined),
      compute: (uri) => {
        const text = docs.get(uri)!.getText();
        computed.push(text);
        return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: text }];
      },
      send: (p) => sent.push(p),
    });
  });
  afterEach(() => {
    scheduler.dispose();
    mock.timers.reset();
  });
  const published = () => sent.map((p) => `${p.uri.split('/').pop()} v${p.version ?? '-'}: ${p.diagnostics.map((d) => d.message).join()}`);

  it('validates nothing before the first settings, then an opened document at once', async () => {
    docs.open('file:///a/daemon.json', 'one');
    await flush();
    assert.deepEqual(sent, []);
    settingsReady();
    await flush();
    assert.deepEqual(published(), ['daemon.json v1: one']);
  });

  it('debounces changes per document and publishes only the latest version', async () => {
    settingsReady();
    docs.open('file:///a/daemon.json', 'one');
    await flush();
    docs.change('file:///a/daemon.json', 'two');
    mock.timers.tick(200);
    docs.change('file:///a/daemon.json', 'three');
    mock.timers.tick(200);
    await flush();
    assert.deepEqual(published(), ['daemon.json v1: one'], 'still typing');
    mock.timers.tick(100);
    await flush();
    assert.deepEqual(published(), ['daemon.json v1: one', 'daemon.json v3: three']);
    assert.deepEqual(computed, ['one', 'three']);
  });

  it('makes only Compose validation wait for the Engine state, and drops a result the document outgrew meanwhile', async () => {
    settingsReady();
    docs.open('file:///a/compose.yaml', 'c1');
    docs.open('file:///a/daemon.json', 'd1');
    await flush();
    assert.deepEqual(published(), ['daemon.json v1: d1']);
    docs.change('file:///a/compose.yaml', 'c2');
    mock.timers.tick(300);
    enginePushed();
    await flush();
    assert.deepEqual(published(), ['daemon.json v1: d1', 'compose.yaml v2: c2'], 'version 1 waited, was outgrown and not sent');
  });

  it('clears diagnostics on close and publishes nothing for it afterwards, though a change was pending', async () => {
    settingsReady();
    docs.open('file:///a/daemon.json', 'one');
    await flush();
    docs.change('file:///a/daemon.json', 'two');
    docs.close('file:///a/daemon.json');
    mock.timers.tick(1000);
    await flush();
    assert.deepEqual(published(), ['daemon.json v1: one', 'daemon.json v-: ']);
  });

  it('revalidates every open document, clearing those no longer ours', async () => {
    settingsReady();
    docs.open('file:///a/daemon.json', 'one');
    docs.open('file:///a/notes.txt', 'x');
    await flush();
    sent = [];
    scheduler.revalidateAll();
    await flush();
    assert.deepEqual(published().sort(), ['daemon.json v1: one', 'notes.txt v-: ']);
  });

  it('validates the open related documents after an edit, once, and never in turn (#16)', async () => {
    scheduler.dispose();
    const mine = new FakeDocuments();
    const log: string[] = [];
    const related = new DiagnosticsScheduler({
      documents: mine as unknown as TextDocuments<TextDocument>,
      kindOf: () => 'daemonJson',
      validationDelay: () => 300,
      firstSettings: Promise.resolve(),
      waitFor: () => undefined,
      compute: (uri) => (log.push(`${uri.split('/').pop()}: ${mine.get(uri)!.getText()}`), []),
      send: () => undefined,
      // Every document depends on every other (a project of three files, one closed).
      related: (uri) => ['file:///p/a', 'file:///p/b', 'file:///p/closed'].filter((u) => u !== uri),
    });
    mine.open('file:///p/a', 'a1');
    mine.open('file:///p/b', 'b1');
    await flush();
    assert.deepEqual(log.splice(0), ['a: a1', 'b: b1'], 'opening validates each once, and nothing else');
    mine.change('file:///p/a', 'a2');
    mock.timers.tick(300);
    await flush();
    await flush();
    assert.deepEqual(log.splice(0), ['a: a2', 'b: b1'], 'the edited one, then the related open one');
    mock.timers.tick(1000);
    await flush();
    assert.deepEqual(log, [], 'b validated for a did not validate a again');
    related.dispose();
  });
});

describe('EngineStateStore', () => {
  it('gives modes the Engine version and live networks, and ignores what is not of the right shape', async () => {
    const store = new EngineStateStore();
    store.onInitialize({ engineState: true });
    const settings = normalizeSettings({ engineVersion: 'auto' });
    assert.equal(store.contextPart(settings).engineVersionKnown, false);
    store.set({ info: { version: '20.10.24' }, networks: [] });
    await store.firstPush();
    const part = store.contextPart(settings);
    assert.equal(part.engineVersionKnown, true);
    assert.deepEqual(part.liveNetworks, []);
    assert.equal(`${part.engineVersion.major}.${part.engineVersion.minor}`, '20.10');
    assert.equal(part.engineSwarm, undefined);
    // The swarm role (#17): kept when well formed and connected, dropped otherwise.
    store.set({ info: { version: '20.10.24', swarm: { nodeState: 'inactive', controlAvailable: false } }, networks: [] });
    assert.deepEqual(store.contextPart(settings).engineSwarm, { nodeState: 'inactive', controlAvailable: false });
    store.set({ info: { version: '20.10.24', swarm: { nodeState: 1 } }, networks: [] });
    assert.equal(store.contextPart(settings).engineSwarm, undefined);
    store.set({ info: { version: '20.10.24', swarm: { nodeState: 'active', controlAvailable: true } } });
    assert.equal(store.contextPart(settings).engineSwarm, undefined);
    store.set('nonsense');
    assert.equal(store.contextPart(settings).liveNetworks, undefined);
    assert.equal(store.contextPart(settings).engineVersionKnown, false);
    assert.equal(store.contextPart(normalizeSettings({ engineVersion: '23.0' })).engineVersionKnown, true, 'an explicit setting is known');
  });
});

describe('DeferredCompletionDocs', () => {
  it('sends documentation on resolve, for the latest list only', () => {
    const docs = new DeferredCompletionDocs();
    const first = docs.defer({ isIncomplete: false, items: [{ label: 'a', documentation: 'A' }, { label: 'b', data: 1, documentation: 'B' }] });
    assert.equal(first.items[0].documentation, undefined);
    assert.equal(first.items[1].documentation, 'B', 'an item whose data is taken keeps its docs');
    const itemA = { ...first.items[0] };
    assert.equal(docs.resolve({ ...itemA }).documentation, 'A');
    docs.defer({ isIncomplete: false, items: [{ label: 'c', documentation: 'C' }] });
    assert.equal(docs.resolve({ ...itemA }).documentation, undefined, 'an item of an older list');
  });
});

