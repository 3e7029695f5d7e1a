import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionList, Hover } from 'vscode-languageserver-protocol';
import { diagnosticLines } from '../util/fixture';
import { actionEdits, LspClient } from '../util/lspClient';

/** Completion, hover, diagnostics and quick fixes for daemon.json through the bundled dist/server.js. */
describe('daemon.json over LSP (dist/server.js)', () => {
  let client: LspClient;
  const uri = 'file:///etc/docker/daemon.json';
  before(async () => {
    client = new LspClient({ settings: { validationDelay: 0, engineVersion: '20.10' } });
    await client.initialize();
  });
  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('publishes diagnostics that follow the engineVersion setting', async () => {
    client.open(uri, '{\n  "Debug": true,\n  "proxies": {},\n  "label": ["a=b"]\n}', 'json');
    // The server validates on open and again once it has read the settings: wait for the latter.
    const diags = (await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.message.includes('Engine 20.10')))).diagnostics;
    assert.deepEqual(diagnosticLines(diags), [
      '2: unknown-key: Unknown key "Debug" matches no dockerd option in Engine 20.10: dockerd refuses to start. Did you mean "debug"?',
      '3: key-not-available: "proxies" was added in Engine 23.0; Engine 20.10 ignores it. Remove it or target a newer Engine.',
      '4: singular-key: "label" is the command-line flag; dockerd accepts it in daemon.json but silently ignores it. Use "labels" instead.',
    ]);
    assert.ok(diags.every((d) => d.source === 'docker-networking'));
  });

  it('offers a quick fix from the diagnostic data', async () => {
    const diags = await client.diagnosticsFor(uri, 1);
    const singular = diags.find((d) => d.code === 'singular-key')!;
    const actions = await client.request<{ title: string; edit?: { documentChanges?: unknown[] } }[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: singular.range,
      context: { diagnostics: [singular] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Change to "labels"']);
    assert.equal(actionEdits(actions[0], uri).edits[0].newText, '"labels"');
  });

  it('completes keys and values', async () => {
    client.change(uri, '{\n  "log-level": "",\n  \n}');
    const keys = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 2 } });
    const labels = keys.items.map((i) => i.label);
    assert.ok(labels.includes('debug') && !labels.includes('log-level') && !labels.includes('proxies'));
    const values = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 16 } });
    assert.ok(values.items.map((i) => i.label).includes('"warning"'), 'warning is still valid in 20.10');
  });

  it('hovers keys with their documentation', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } });
    assert.match((h.contents as { value: string }).value, /\*\*`log-level`\*\* · string · default `"info"`/);
  });
});

/**
 * #20: one message per problem. A client whose editor reports JSON syntax itself (VS Code's
 * JSON service) says so in initializationOptions; the server then leaves out its own syntax
 * errors and keeps what VS Code does not say (comments and trailing commas, which our
 * jsonValidation schema makes VS Code allow, and everything about dockerd). Other clients
 * and the CLI keep every problem.
 */
describe('daemon.json syntax left to the editor (initializationOptions.jsonSyntaxFromEditor)', () => {
  const uri = 'file:///etc/docker/daemon.json';
  const text = '{\n  // note\n  "mtu": 1500,\n  "Debug": true,\n  "mt"\n}';
  for (const [jsonSyntaxFromEditor, syntax] of [[true, []], [false, ['6: json-syntax']], [undefined, ['6: json-syntax']]] as const) {
    it(`jsonSyntaxFromEditor: ${jsonSyntaxFromEditor} gives ${syntax.length ? 'our syntax error too' : 'no syntax error of ours'}`, async () => {
      const client = new LspClient({ settings: { validationDelay: 0, engineVersion: '28.5' }, initializationOptions: jsonSyntaxFromEditor === undefined ? undefined : { jsonSyntaxFromEditor } });
      await client.initialize();
      try {
        client.open(uri, text, 'json');
        const diags = (await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.message.includes('Engine 28.5')))).diagnostics;
        const codes = diagnosticLines(diags).map((l) => l.split(': ').slice(0, 2).join(': '));
        // The half-typed key "mt" has no unknown-key of its own: its one message is the syntax error.
        assert.deepEqual(codes, ['2: json-comment', '4: unknown-key', ...syntax]);
      } finally {
        await client.shutdown();
      }
    });
  }
});
