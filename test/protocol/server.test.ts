import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODE_CACHE_DIR_ENV, EngineStateNotification } from '../../server/src/shared/protocol';
import { LspClient, REPO_ROOT } from '../util/lspClient';

describe('dist/server.js over stdio', () => {
  let client: LspClient;
  before(() => {
    client = new LspClient({ settings: { validationDelay: 0 } });
  });
  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  it('answers initialize with its capabilities', async () => {
    const result = await client.initialize();
    const caps = result.capabilities;
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.completionProvider, 'completion');
    assert.ok(caps.codeActionProvider, 'code actions');
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(result.serverInfo?.name, 'docker-networking');
  });

  it('publishes diagnostics for each kind of file it handles, and clears them on close', async () => {
    for (const [uri, text] of [
      ['file:///etc/docker/daemon.json', '{}'],
      ['file:///srv/app/compose.yaml', 'services: {}\n'],
      ['file:///etc/systemd/system/docker.service.d/http-proxy.conf', '[Service]\n'],
    ] as const) {
      client.open(uri, text);
      const diags = await client.diagnosticsFor(uri, 1);
      assert.ok(Array.isArray(diags), uri);
      client.close(uri);
      assert.deepEqual((await client.waitForDiagnostics(uri, (p) => p.version === undefined)).diagnostics, []);
    }
  });

  it('answers requests for files it does not handle with empty results', async () => {
    const uri = 'file:///tmp/notes.txt';
    client.open(uri, 'hello');
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
    const completion = await client.request<{ items: unknown[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    assert.deepEqual(completion.items, []);
    client.close(uri);
  });

  it('survives documents of random bytes', async () => {
    for (const uri of ['file:///x/daemon.json', 'file:///x/docker-compose.yml', 'file:///x/docker.service.d/http-proxy.conf']) {
      const text = randomBytes(64 * 1024).toString('latin1');
      client.open(uri, text);
      await client.diagnosticsFor(uri, 1);
      for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/documentSymbol', 'textDocument/definition']) {
        await client.request(method, { textDocument: { uri }, position: { line: 3, character: 5 } });
      }
      client.close(uri);
    }
    const result = await client.request<{ capabilities: unknown } | null>('textDocument/hover', {
      textDocument: { uri: 'file:///nope/daemon.json' },
      position: { line: 0, character: 0 },
    });
    assert.equal(result, null);
  });

  it('shuts down and exits with code 0', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

describe('a client that never answers workspace/configuration', () => {
  it('still serves with default settings', async () => {
    const client = new LspClient({ settings: { validationDelay: 0 }, requestHandlers: { 'workspace/configuration': () => new Promise(() => undefined) } });
    try {
      await client.initialize();
      const uri = 'file:///etc/docker/daemon.json';
      client.open(uri, '{}');
      assert.ok(Array.isArray(await client.diagnosticsFor(uri, 1)));
    } finally {
      await client.shutdown();
    }
  });
});

describe('custom messages with the client', () => {
  it('judges Compose files against the live networks the client pushes, and again after each push', async () => {
    const live = (name: string) => ({
      info: { version: '20.10.24', apiVersion: '1.41' },
      networks: [{ id: 'x', name, driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet: '198.18.0.0/20' }], labels: {} }],
    });
    const client = new LspClient({ settings: { validationDelay: 0 }, initializationOptions: { engineState: true } });
    try {
      await client.initialize();
      const uri = 'file:///srv/app/compose.yaml';
      client.open(uri, 'services:\n  web:\n    image: x\n    networks: [n]\nnetworks:\n  n:\n    ipam:\n      config:\n        - subnet: 198.18.0.0/24\n');
      // No push yet: Compose validation waits for the first one, then judges with it.
      await client.connection.sendNotification(EngineStateNotification, live('other'));
      const codes = (ds: { code?: unknown }[]) => ds.map((d) => d.code);
      await client.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('subnet-overlaps-live-network'));
      await client.connection.sendNotification(EngineStateNotification, { info: {} });
      await client.waitForDiagnostics(uri, (p) => !codes(p.diagnostics).includes('subnet-overlaps-live-network'));
    } finally {
      await client.shutdown();
    }
  });
});

describe('completion documentation', () => {
  it('comes with completionItem/resolve, not with the list', async () => {
    const client = new LspClient({ settings: { validationDelay: 0 } });
    try {
      await client.initialize();
      const uri = 'file:///etc/docker/daemon.json';
      client.open(uri, '{\n  \n}\n');
      const list = await client.request<{ items: { label: string; documentation?: unknown; data?: unknown }[] }>('textDocument/completion', {
        textDocument: { uri },
        position: { line: 1, character: 2 },
      });
      const item = list.items.find((i) => i.label.includes('mtu'));
      assert.ok(item, 'the mtu key is offered');
      assert.equal(item.documentation, undefined);
      const resolved = await client.request<{ documentation?: { value: string } }>('completionItem/resolve', item);
      assert.match(String(resolved.documentation?.value ?? resolved.documentation), /MTU/i);
    } finally {
      await client.shutdown();
    }
  });
});

describe('the server bundle', () => {
  it('is pure ASCII once minified as shipped, so V8 keeps its source as a one-byte string', () => {
    // One non-ASCII character anywhere in the code (a per-mille sign in a regular
    // expression did it) makes V8 store the whole source as UTF-16: twice the memory
    // for the life of the server (#8). Built here as `npm run build:prod` builds it, into
    // a temporary directory; comments, which the development build keeps, are gone.
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-bundle-'));
    try {
      const args = manifest.scripts['build:server'].split(/\s+/).slice(1).filter((a) => !a.startsWith('--outdir='));
      const esbuild = path.join(REPO_ROOT, 'node_modules', '.bin', 'esbuild');
      execFileSync(esbuild, [...args, '--minify', `--outdir=${outdir}`], { cwd: REPO_ROOT, encoding: 'utf8' });
      const built = fs.readdirSync(outdir).sort();
      assert.deepEqual(built, ['server.js', 'serverMain.js'], 'the loader and the bundle were built');
      for (const file of built) {
        const source = fs.readFileSync(path.join(outdir, file), 'utf8');
        const at = source.search(/[^\x00-\x7f]/);
        assert.equal(at, -1, `non-ASCII character in ${file} near: ${JSON.stringify(source.slice(Math.max(0, at - 40), at + 10))}`);
      }
      assert.ok(fs.statSync(path.join(outdir, 'serverMain.js')).size > 100_000, 'the bundle holds the server');
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('dist/server.js with a code cache directory (as the extension starts it)', () => {
  const docs = [
    ['file:///etc/docker/daemon.json', '{ "mtu": "1500", "bip": "198.18.0.1/33" }'],
    ['file:///srv/app/compose.yaml', 'services:\n  web:\n    networks: [missing]\n'],
    ['file:///etc/systemd/system/docker.service.d/http-proxy.conf', '[Service]\nEnvironment=HTTP_PROXY\n'],
  ] as const;

  /** Starts a server with `dir`, returns its code-cache log line and its diagnostics for `docs`. */
  async function session(dir: string, whileRunning?: () => Promise<void>): Promise<{ log: string | undefined; diagnostics: unknown[] }> {
    const client = new LspClient({ settings: { validationDelay: 0 }, env: { [CODE_CACHE_DIR_ENV]: dir } });
    try {
      await client.initialize();
      const diagnostics: unknown[] = [];
      for (const [uri, text] of docs) {
        client.open(uri, text);
        diagnostics.push(await client.diagnosticsFor(uri, 1));
      }
      await whileRunning?.();
      return { log: client.logs.find((l) => l.startsWith('Code cache:')), diagnostics };
    } finally {
      await client.shutdown();
    }
  }

  it('compiles the bundle and writes the cache after the warm-up, then starts from it and judges the same', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-code-cache-'));
    try {
      const caches = () => fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
      const first = await session(dir, async () => {
        // Written in the background once the warm-up is done. The bound only keeps a
        // server that never writes from hanging the run; it is not a speed check.
        for (let polls = 0; caches().length === 0; polls++) {
          if (polls === 1200) assert.fail(`no cache file in ${dir} after a minute`);
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      assert.match(first.log ?? '', /^Code cache: none \(no cached code yet\)/);
      assert.equal(caches().length, 1);
      assert.ok(first.diagnostics.every((d) => Array.isArray(d) && d.length > 0), 'each document has a finding');

      const second = await session(dir);
      assert.match(second.log ?? '', /^Code cache: used \(/);
      assert.deepEqual(second.diagnostics, first.diagnostics);
      assert.deepEqual(fs.readdirSync(dir), caches(), 'nothing but the one cache file');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
