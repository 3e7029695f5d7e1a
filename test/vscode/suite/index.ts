import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * The extension-host suite: runs inside VS Code (started by ../runTests.ts) with the
 * sample workspace open. A small sequential runner: mocha is not needed for a handful
 * of checks, and node:test's runner spawns processes the extension host cannot.
 */
const workspace = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'workspace');

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function open(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(workspace, relative)));
  await vscode.window.showTextDocument(doc);
  return doc;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] | undefined {
  const diags = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'docker-networking');
  return diags.length > 0 ? diags : undefined;
}

const tests: [string, () => Promise<void>][] = [
  [
    'the extension activates',
    async () => {
      const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'docker-networking');
      assert.ok(ext, 'extension is installed');
      await ext.activate();
      assert.equal(ext.isActive, true);
    },
  ],
  [
    'daemon.json gets diagnostics, completion and hover',
    async () => {
      const doc = await open('daemon.json');
      const diags = await until('daemon.json diagnostics', () => ours(doc.uri));
      assert.ok(diags.some((d) => /dns-serch/.test(doc.getText(d.range)) || /dns-search/.test(d.message)), 'the misspelt key');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(1, 2));
      assert.ok(list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label).includes('mtu')), 'daemon.json keys offered');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(1, 4));
      assert.ok(hovers.length > 0, 'hover on bip');
    },
  ],
  [
    'compose.yaml reports the undefined network',
    async () => {
      const doc = await open('compose.yaml');
      const diags = await until('compose diagnostics', () => ours(doc.uri));
      assert.ok(diags.some((d) => doc.getText(d.range) === 'backnd'));
    },
  ],
  [
    'the drop-in reports the misspelt directive',
    async () => {
      const doc = await open('docker.service.d/http-proxy.conf');
      const diags = await until('drop-in diagnostics', () => ours(doc.uri));
      assert.ok(diags.some((d) => doc.getText(d.range).startsWith('Environmnt')));
    },
  ],
  [
    'the networks view and its commands are registered',
    async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('dockerNetworking.restartServer'));
      assert.ok(commands.some((c) => c.startsWith('dockerNetworking.') && /inspect/i.test(c)));
    },
  ],
];

export async function run(): Promise<void> {
  const failures: string[] = [];
  for (const [name, fn] of tests) {
    try {
      await fn();
      console.log(`ok - ${name}`);
    } catch (err) {
      failures.push(name);
      console.error(`not ok - ${name}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} extension-host test(s) failed: ${failures.join('; ')}`);
}
