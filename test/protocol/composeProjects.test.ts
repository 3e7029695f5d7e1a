import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import type { Location, WorkspaceEdit } from 'vscode-languageserver-types';
import { LspClient } from '../util/lspClient';

/** A language server whose one workspace folder is a new temporary folder holding `files`. */
async function projectServer(prefix: string, files: Record<string, string>): Promise<{ dir: string; client: LspClient }> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  const client = new LspClient({ settings: { validationDelay: 0 } });
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: URI.file(dir).toString(),
    workspaceFolders: [{ uri: URI.file(dir).toString(), name: 'p' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true } },
  });
  await client.connection.sendNotification('initialized', {});
  return { dir, client };
}

/** Ends a test's server and removes its folder. */
async function cleanUp(client: LspClient, dir: string): Promise<void> {
  if (client.process.exitCode === null) await client.shutdown();
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Compose projects (#16) as a client sees them: navigation across files, and diagnostics kept current. */
describe('Compose projects over LSP (dist/server.js)', () => {
  let dir: string;
  let client: LspClient;
  const uri = (rel: string) => URI.file(path.join(dir, rel)).toString();
  const BASE = 'services:\n  web:\n    image: busybox\nnetworks:\n  front:\n';
  const OVERRIDE = 'services:\n  worker:\n    image: busybox\n    networks:\n      - front\n';

  before(async () => {
    ({ dir, client } = await projectServer('dn-proj-', { 'compose.yaml': BASE, 'compose.override.yml': OVERRIDE }));
  });
  after(() => cleanUp(client, dir));

  it('judges an override with its base: no undefined network', async () => {
    client.open(uri('compose.override.yml'), OVERRIDE, 'dockercompose');
    assert.deepEqual(await client.diagnosticsFor(uri('compose.override.yml')), []);
  });

  it('goes from the override to the declaration in the base file', async () => {
    const found = await client.request<Location[]>('textDocument/definition', {
      textDocument: { uri: uri('compose.override.yml') },
      position: { line: 4, character: 9 },
    });
    assert.deepEqual(found, [{ uri: uri('compose.yaml'), range: { start: { line: 4, character: 2 }, end: { line: 4, character: 7 } } }]);
  });

  it('renames a network of the base used in its override: one edit per file', async () => {
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri: uri('compose.override.yml') },
      position: { line: 4, character: 9 },
      newName: 'public',
    });
    assert.deepEqual(edit, {
      changes: {
        [uri('compose.override.yml')]: [{ range: { start: { line: 4, character: 8 }, end: { line: 4, character: 13 } }, newText: 'public' }],
        [uri('compose.yaml')]: [{ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 7 } }, newText: 'public' }],
      },
    });
  });

  it('validates the open override again when its base changes, without an edit of the override', async () => {
    client.open(uri('compose.yaml'), BASE, 'dockercompose');
    await client.diagnosticsFor(uri('compose.yaml'));
    client.change(uri('compose.yaml'), BASE.replace('front', 'back'));
    const p = await client.waitForDiagnostics(uri('compose.override.yml'), (d) => d.diagnostics.length > 0);
    assert.deepEqual(
      p.diagnostics.map((d) => `${d.range.start.line}: ${d.code}`),
      ['4: undefined-network'],
    );
    assert.equal(p.version, 1, 'published for the override as it is open');
    client.change(uri('compose.yaml'), BASE);
    const back = await client.waitForDiagnostics(uri('compose.override.yml'), (d) => d.diagnostics.length === 0);
    assert.deepEqual(back.diagnostics, []);
  });

  it('validates the open override again when its base changes on disk (watched files)', async () => {
    client.close(uri('compose.yaml'));
    await client.waitForDiagnostics(uri('compose.yaml'), (d) => d.diagnostics.length === 0);
    fs.writeFileSync(path.join(dir, 'compose.yaml'), BASE.replace('front', 'back'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('compose.yaml'), type: 2 }] });
    const p = await client.waitForDiagnostics(uri('compose.override.yml'), (d) => d.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => `${d.range.start.line}: ${d.code}`), ['4: undefined-network']);
  });
});

/** `.env` files are synced (#16): a Compose file is judged with the `.env` text as it is in the editor. */
describe('Compose projects over LSP: an open .env file', () => {
  let dir: string;
  let client: LspClient;
  const uri = (rel: string) => URI.file(path.join(dir, rel)).toString();
  const COMPOSE = 'services:\n  web:\n    image: busybox\n    networks:\n      - ${NET}\nnetworks:\n  front:\n';
  const codes = (d: { diagnostics: { range: { start: { line: number } }; code?: string | number }[] }) => d.diagnostics.map((x) => `${x.range.start.line}: ${x.code}`);

  before(async () => {
    ({ dir, client } = await projectServer('dn-proj-env-', { 'compose.yaml': COMPOSE, '.env': 'NET=front\n' }));
  });
  after(() => cleanUp(client, dir));

  it('validates the open Compose file again on an unsaved edit of .env, and with the disk text once .env closes', async () => {
    client.open(uri('compose.yaml'), COMPOSE, 'dockercompose');
    assert.deepEqual(await client.diagnosticsFor(uri('compose.yaml')), []);
    client.open(uri('.env'), 'NET=front\n', 'dotenv');
    assert.deepEqual((await client.diagnosticsFor(uri('.env'))) ?? [], [], 'no diagnostics of its own');
    client.change(uri('.env'), 'NET=back\n');
    const p = await client.waitForDiagnostics(uri('compose.yaml'), (d) => d.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['4: undefined-network', '6: unused-network']);
    client.close(uri('.env'));
    const back = await client.waitForDiagnostics(uri('compose.yaml'), (d) => d.diagnostics.length === 0);
    assert.deepEqual(codes(back), []);
  });
});

/**
 * A Compose file opened from outside every workspace folder is judged with the files beside
 * it, read from disk and kept for a moment (workspaceIndex.ts OUTSIDE_READ_MS, #14): what
 * the editor has open, saves or closes is never seen stale.
 */
describe('Compose files outside every workspace folder over LSP (dist/server.js)', () => {
  let dir: string;
  let client: LspClient;
  const uri = (rel: string) => URI.file(path.join(dir, rel)).toString();
  const BASE = 'services:\n  web:\n    image: busybox\nnetworks:\n  front:\n    driver: bridge\n';
  const OVERRIDE = 'services:\n  worker:\n    image: busybox\n    networks:\n      - front\n';
  const hoverOnFront = async (): Promise<string> => {
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: uri('compose.override.yml') }, position: { line: 4, character: 9 } });
    return h?.contents.value ?? '';
  };

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-loose-')));
    fs.writeFileSync(path.join(dir, 'compose.yaml'), BASE);
    fs.writeFileSync(path.join(dir, 'compose.override.yml'), OVERRIDE);
    client = new LspClient({ settings: { validationDelay: 0 } });
    await client.initialize();
    client.open(uri('compose.override.yml'), OVERRIDE, 'dockercompose');
    await client.diagnosticsFor(uri('compose.override.yml'));
  });
  after(() => cleanUp(client, dir));

  it('hovers with the base read from disk beside it', async () => {
    assert.match(await hoverOnFront(), /driver: `bridge`/);
  });

  it('hovers with the text of the base as it is open and typed, at once', async () => {
    client.open(uri('compose.yaml'), BASE, 'dockercompose');
    client.change(uri('compose.yaml'), BASE.replace('bridge', 'macvlan'));
    assert.match(await hoverOnFront(), /driver: `macvlan`/);
  });

  it('reads the base from disk again at once when the editor closes it', async () => {
    fs.writeFileSync(path.join(dir, 'compose.yaml'), BASE.replace('bridge', 'ipvlan'));
    client.close(uri('compose.yaml'));
    assert.match(await hoverOnFront(), /driver: `ipvlan`/);
  });
});

