import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, Hover, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { diagnosticLines, fixture } from '../util/fixture';
import { actionEdits, LspClient } from '../util/lspClient';

const URI = 'file:///srv/shop/docker-compose.yml';
// `$0` marks the hover / definition position (on the reference `back`).
const SOURCE = `services:
  web:
    image: nginx
    networks:
      front:
      $0back:
        ipv4_address: 172.28.0.300
  db:
    network_mode: host
    networks: [back]
networks:
  front:
    ipam:
      config:
        - subnet: 172.28.0.0/16
  back:
    ipam:
      config:
        - subnet: 172.28.5.0/24
`;

describe('compose networks through dist/server.js', () => {
  let client: LspClient;
  const f = fixture(SOURCE, URI, 'dockercompose');
  before(async () => {
    client = new LspClient({ settings: { validationDelay: 0, engineVersion: '20.10' } });
    await client.initialize();
    client.open(URI, f.text, 'dockercompose');
  });
  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('publishes the network diagnostics with code, source and tight ranges', async () => {
    const diags = await client.diagnosticsFor(URI, 1);
    assert.deepEqual(diagnosticLines(diags).map((l) => l.split(': ').slice(0, 2).join(': ')), [
      '7: invalid-ip',
      '9: network-mode-with-networks',
      '15: subnet-overlap',
      '19: subnet-overlap',
    ]);
    for (const d of diags) assert.equal(d.source, 'docker-networking');
    const ip = diags.find((d) => d.code === 'invalid-ip')!;
    assert.deepEqual(ip.range, { start: { line: 6, character: 22 }, end: { line: 6, character: 34 } });
  });

  it('offers a quick fix that replaces an overlapping subnet', async () => {
    const diags = await client.diagnosticsFor(URI, 1);
    const overlap = diags.find((d) => d.code === 'subnet-overlap') as Diagnostic;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: overlap.range,
      context: { diagnostics: [overlap] },
    });
    assert.equal(actions[0].title, 'Use the free subnet 172.18.0.0/16');
    assert.equal(actionEdits(actions[0], URI).edits[0].newText, '172.18.0.0/16');
  });

  it('answers hover, definition and rename on a network reference', async () => {
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: f.position });
    assert.match((hover.contents as { value: string }).value, /^\*\*network `back`\*\*[\s\S]*used by: `db`, `web`/);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: URI }, position: f.position });
    assert.deepEqual(defs.map((d) => d.range.start), [{ line: 15, character: 2 }]);
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: URI }, position: f.position, newName: 'private' });
    assert.equal(edit.changes![URI].length, 3);
  });

  it('completes driver values after an edit', async () => {
    const version = client.change(URI, f.text.replace('  front:\n    ipam:', '  front:\n    driver: \n    ipam:'));
    await client.diagnosticsFor(URI, version);
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 12, character: 12 } });
    assert.deepEqual(list.items.map((i) => i.label), ['bridge', 'overlay', 'macvlan', 'ipvlan', 'host', 'none']);
  });
});

describe('compose quick fixes after more typing (#14)', () => {
  const uri = 'file:///srv/typing/compose.yaml';
  const text = fixture(SOURCE, uri, 'dockercompose').text;
  let client: LspClient;
  before(async () => {
    client = new LspClient({ settings: { validationDelay: 0, engineVersion: '20.10' } });
    await client.initialize();
    client.open(uri, text, 'dockercompose');
  });
  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  /** The code actions for `diagnostic` as the text is now (the diagnostic is from version 1). */
  const actionsFor = (diagnostic: Diagnostic) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });

  it('resolves a fix against the text typed since validation, and refuses it once its target changed', async () => {
    const overlap = (await client.diagnosticsFor(uri, 1)).find((d) => d.code === 'subnet-overlap') as Diagnostic;
    assert.equal(overlap.range.start.line, 14);
    // A line typed above the network: the fix follows the subnet, for the version it was computed on.
    const v2 = client.edit(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '# typed after validation\n');
    const moved = actionEdits((await actionsFor(overlap))[0], uri);
    assert.equal(moved.version, v2);
    assert.deepEqual(moved.edits, [{ range: { start: { line: 15, character: 18 }, end: { line: 15, character: 31 } }, newText: '172.18.0.0/16' }]);
    // The subnet retyped by hand: the old fix no longer fits and is not offered.
    client.edit(uri, { start: { line: 15, character: 18 }, end: { line: 15, character: 31 } }, '10.99.0.0/16');
    assert.deepEqual((await actionsFor(overlap)).map((a) => a.title), []);
  });
});

describe('compose network features switched off by settings', () => {
  it('reports nothing and answers nothing for the features turned off', async () => {
    const settings = { validationDelay: 0, compose: { validate: false, hover: false, completion: true, unusedNetworks: false } };
    let configured!: () => void;
    const asked = new Promise<void>((resolve) => (configured = resolve));
    const client = new LspClient({
      settings,
      requestHandlers: {
        'workspace/configuration': (p: unknown) => {
          setImmediate(configured);
          return (p as { items: unknown[] }).items.map(() => settings);
        },
      },
    });
    try {
      await client.initialize();
      // Open only once the server has its settings, so the first diagnostics already follow them.
      await asked;
      client.open(URI, SOURCE.replace('$0', ''), 'dockercompose');
      assert.deepEqual(await client.diagnosticsFor(URI, 1), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 7 } }), null);
      const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 8, character: 18 } });
      assert.ok(list.items.some((i) => i.label === 'none'));
    } finally {
      await client.shutdown();
    }
  });
});
