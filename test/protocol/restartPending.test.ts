import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { EngineStateNotification, RestartPendingNotification, type RestartPending } from '../../server/src/shared/protocol';
import { LspClient } from '../util/lspClient';
import { poll } from '../util/poll';

interface Registration {
  method: string;
  registerOptions?: { watchers?: { globPattern: unknown }[] };
}

/**
 * Restart pending over the protocol (#17): the daemon.json a local dockerd runs with,
 * named by the machine setting `localEngineFiles`, is watched by folder and glob (it
 * lies outside the workspace), and a change the watcher reports is compared with the
 * Engine's `/info` as the client pushes it. The running dockerd itself is the
 * integration test's (test/integration/restartPending.test.ts) and the e2e's.
 */
describe('restart pending: the local Engine\'s own daemon.json, watched outside the workspace', () => {
  it('registers a watcher for the named file and tells the client when the saved file differs from the running Engine', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-engine-')));
    const file = path.join(dir, 'daemon.json');
    fs.writeFileSync(file, '{\n  "labels": ["a=1"]\n}\n');
    const registrations: Registration[] = [];
    const pending: RestartPending[] = [];
    const client = new LspClient({
      settings: { localEngineFiles: [file] },
      initializationOptions: { workspaceTrusted: true },
      workspaceCapabilities: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
      requestHandlers: {
        'client/registerCapability': (p) => {
          registrations.push(...(p as { registrations: Registration[] }).registrations);
          return null;
        },
      },
    });
    client.connection.onNotification(RestartPendingNotification, (p) => pending.push(p));
    const until = (what: string, ok: () => boolean): Promise<true> => poll(async () => ok(), 10_000, () => what, 20);
    try {
      await client.initialize();
      const uri = URI.file(file).toString();
      const watched = () => registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions?.watchers).includes(JSON.stringify({ baseUri: URI.file(dir).toString(), pattern: 'daemon.json' })));
      await until(`a watcher of ${file}: ${JSON.stringify(registrations)}`, watched);
      const running = { labels: ['a=1'], loggingDriver: 'json-file', liveRestore: false, registryMirrors: [], insecureCidrs: ['::1/128', '127.0.0.0/8'], insecureNames: [] };
      await client.connection.sendNotification(EngineStateNotification, { info: { local: true, daemon: running }, networks: [] });
      // The file as the Engine started with it: nothing pending (none sent, or an empty verdict).
      fs.writeFileSync(file, '{\n  "labels": ["a=1", "zone=b"]\n}\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await until(`restart pending for ${uri}: ${JSON.stringify(pending)}`, () => pending.some((p) => p.uri === uri && p.settings.length > 0));
      const last = pending[pending.length - 1];
      assert.deepEqual(last.settings, [{ key: 'labels', line: 1, saved: 'a=1, zone=b', running: 'a=1' }]);
      assert.ok(pending.slice(0, -1).every((p) => p.settings.length === 0), JSON.stringify(pending));
    } finally {
      await client.shutdown();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
