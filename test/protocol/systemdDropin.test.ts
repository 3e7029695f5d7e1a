import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { CodeAction, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { diagnosticLines } from '../util/fixture';
import { actionEdits, LspClient } from '../util/lspClient';

/** The drop-in mode through the bundled dist/server.js, over stdio. */
describe('systemd drop-in over LSP', () => {
  let client: LspClient;
  // A fresh URI per test: a close publishes empty, unversioned diagnostics that must
  // not be mistaken for the next test's.
  let n = 0;
  let uri = '';
  beforeEach(() => {
    uri = `file:///etc/systemd/system/docker.service.d/${n++}-http-proxy.conf`;
  });
  before(async () => {
    client = new LspClient({ settings: { validationDelay: 0 } });
    await client.initialize();
  });
  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('publishes nothing for the documented proxy drop-in', async () => {
    client.open(uri, '[Service]\nEnvironment="HTTP_PROXY=http://proxy.example.com:3128"\nEnvironment="NO_PROXY=localhost,.example.com"\n');
    assert.deepEqual(await client.diagnosticsFor(uri, 1), []);
    client.close(uri);
  });

  it('publishes systemd verdicts with source and code, and updates them on change', async () => {
    client.open(uri, '[Service]\nEnviroment="HTTP_PROXY=http://proxy:3128"\nExecStart=/usr/bin/dockerd\n');
    const first = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(
      diagnosticLines(first).map((l) => l.split(': ').slice(0, 2).join(': ')),
      ['2: unknown-directive', '3: execstart-not-reset'],
    );
    assert.ok(first.every((d) => d.source === 'docker-networking'));
    const version = client.change(uri, '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128"\n');
    assert.deepEqual(await client.diagnosticsFor(uri, version), []);
    client.close(uri);
  });

  it('offers the quick fix the diagnostic carries', async () => {
    client.open(uri, '[Service]\nEnviroment=A=1\n');
    const diags: Diagnostic[] = await client.diagnosticsFor(uri, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diags[0].range,
      context: { diagnostics: diags },
    });
    assert.equal(actions[0].title, 'Change to Environment');
    assert.equal(actionEdits(actions[0], uri).edits[0].newText, 'Environment');
    client.close(uri);
  });

  it('resolves a quick fix against the text typed since validation (#14)', async () => {
    client.open(uri, '[Service]\nEnviroment=A=1\n');
    const diags: Diagnostic[] = await client.diagnosticsFor(uri, 1);
    // Lines typed above: the diagnostic the client still holds points at the old line.
    const version = client.change(uri, '[Service]\n# proxy\nExecStart=\nExecStart=/usr/bin/dockerd\nEnviroment=A=1\n');
    const ask = () =>
      client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diags[0].range, context: { diagnostics: diags } });
    const actions = await ask();
    assert.equal(actions.length, 1);
    const { version: v, edits } = actionEdits(actions[0], uri);
    assert.equal(v, version);
    assert.deepEqual(edits, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 10 } }, newText: 'Environment' }]);
    // Corrected by hand: the stale diagnostic's fix is not offered.
    client.change(uri, '[Service]\nEnvironment=A=1\n');
    assert.deepEqual(await ask(), []);
    client.close(uri);
  });

  it('completes and hovers', async () => {
    client.open(uri, '[Service]\nEnvironment=\n');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 12 } });
    assert.deepEqual(list.items.map((i) => i.label).sort(), ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY']);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } });
    assert.match((hover.contents as MarkupContent).value, /^\*\*Environment=\*\*/);
    client.close(uri);
  });

  it('warns once about a file systemd never reads', async () => {
    const ignored = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf.orig';
    client.open(ignored, '[Service]\nEnviroment=A=1\n');
    const diags = await client.diagnosticsFor(ignored, 1);
    assert.deepEqual(
      diags.map((d) => d.code),
      ['dropin-not-read'],
    );
    client.close(ignored);
  });
});
