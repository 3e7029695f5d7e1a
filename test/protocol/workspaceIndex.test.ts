import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { WorkspaceFilesRequest } from '../../server/src/shared/protocol';
import { LspClient } from '../util/lspClient';

interface Registration {
  id: string;
  method: string;
  registerOptions?: { watchers?: { globPattern: unknown }[] };
}

/** The server's workspace index (#14) as a client drives it: folders, the dynamic file watcher, folder changes. */
describe('the workspace index over LSP (dist/server.js)', () => {
  let first: string;
  let second: string;
  let client: LspClient;
  const registrations: Registration[] = [];
  const uri = (dir: string, rel: string) => pathToFileURL(path.join(dir, rel)).href;
  const folder = (dir: string) => ({ uri: pathToFileURL(dir).href, name: path.basename(dir) });
  function write(dir: string, rel: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const files = async (kind?: 'compose' | 'daemonJson' | 'systemdDropin' | 'env') =>
    (await client.connection.sendRequest(WorkspaceFilesRequest, { kind })).uris;
  const read = async (u: string) => (await client.connection.sendRequest(WorkspaceFilesRequest, { kind: 'env', read: u })).text;

  before(async () => {
    first = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-ws1-')));
    second = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-ws2-')));
    write(first, 'compose.yaml', 'services: {}\n');
    write(first, 'docker/daemon.json', '{}');
    write(first, 'docker.service.d/http-proxy.conf', '[Service]\n');
    write(first, '.env', 'TAG=1\n');
    write(first, 'notes.txt', 'not ours\n');
    write(first, 'node_modules/pkg/compose.yaml', 'services: {}\n');
    write(second, 'docker-compose.yml', 'services: {}\n');
    client = new LspClient({
      settings: { validationDelay: 0 },
      requestHandlers: {
        'client/registerCapability': (p) => {
          registrations.push(...(p as { registrations: Registration[] }).registrations);
          return null;
        },
      },
    });
    // Initialised by hand: the test client's default capabilities have no workspace folders.
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(first).href,
      workspaceFolders: [folder(first)],
      capabilities: { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await client.connection.sendNotification('initialized', {});
  });
  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
    fs.rmSync(first, { recursive: true, force: true });
    fs.rmSync(second, { recursive: true, force: true });
  });

  it('registers a file watcher with the client', async () => {
    // The server registers on `initialized`, before it answers any later request: after
    // one round trip the registration has arrived (messages keep their order), or never will.
    await files();
    const watcher = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(watcher, `registrations: ${JSON.stringify(registrations)}`);
    assert.ok((watcher.registerOptions?.watchers ?? []).length > 0, 'with at least one watcher');
  });

  it("lists the folder's files of the three kinds and .env files, not node_modules", async () => {
    assert.deepEqual(await files(), [
      uri(first, '.env'),
      uri(first, 'compose.yaml'),
      uri(first, 'docker.service.d/http-proxy.conf'),
      uri(first, 'docker/daemon.json'),
    ]);
    assert.deepEqual(await files('env'), [uri(first, '.env')]);
  });

  it('re-reads a file after didChangeWatchedFiles, and takes new files in', async () => {
    assert.equal(await read(uri(first, '.env')), 'TAG=1\n');
    write(first, '.env', 'TAG=2\n');
    write(first, 'deploy/compose.prod.yaml', 'services: {}\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uri(first, '.env'), type: 2 },
        { uri: uri(first, 'deploy/compose.prod.yaml'), type: 1 },
      ],
    });
    assert.equal(await read(uri(first, '.env')), 'TAG=2\n');
    assert.deepEqual(await files('compose'), [uri(first, 'compose.yaml'), uri(first, 'deploy/compose.prod.yaml')]);
  });

  it('reads an open document rather than the disk', async () => {
    client.open(uri(first, '.env'), 'TAG=typed\n');
    assert.equal(await read(uri(first, '.env')), 'TAG=typed\n');
    client.close(uri(first, '.env'));
    assert.equal(await read(uri(first, '.env')), 'TAG=2\n');
  });

  it('follows workspace folders being added and removed', async () => {
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder(second)], removed: [] } });
    assert.deepEqual(await files('compose'), [uri(first, 'compose.yaml'), uri(first, 'deploy/compose.prod.yaml'), uri(second, 'docker-compose.yml')]);
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder(first)] } });
    assert.deepEqual(await files(), [uri(second, 'docker-compose.yml')]);
  });
});

describe('a client without dynamic registration of file watchers', () => {
  it('is not asked to register one', async () => {
    const methods: string[] = [];
    const client = new LspClient({
      settings: { validationDelay: 0 },
      requestHandlers: {
        'client/registerCapability': (p) => {
          methods.push(...(p as { registrations: Registration[] }).registrations.map((r) => r.method));
          return null;
        },
      },
    });
    try {
      await client.initialize();
      // One round trip after `initialized`: a registration would have come before its answer.
      assert.deepEqual((await client.connection.sendRequest(WorkspaceFilesRequest, {})).uris, []);
      assert.deepEqual(methods, []);
    } finally {
      await client.shutdown();
    }
  });
});
