import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { parse } from '../../server/src/modes/daemonJson/parse';
import { pendingChanges } from '../../server/src/modes/host/restartPending';
import { runningDaemonOf } from '../../server/src/shared/runningDaemon';
import { engineRequest } from '../util/engine';
import { requireDockerd, ThrowawayDockerd } from '../util/throwawayDockerd';

/**
 * Restart pending (#17): a throw-away dockerd's daemon.json is changed on disk without a
 * restart, and the settings it does not use yet appear (compared with its own /info, as
 * the extension reads it); after a restart they are gone.
 */
describe('restart pending agrees with a running dockerd', () => {
  let dockerd: ThrowawayDockerd | undefined;
  after(async () => dockerd?.dispose());

  const pending = async (d: ThrowawayDockerd): Promise<string[]> => {
    const file = path.join(d.dir, 'daemon.json');
    const model = parse(TextDocument.create(URI.file(file).toString(), 'json', 1, fs.readFileSync(file, 'utf8')));
    const info = runningDaemonOf((await engineRequest('GET', '/info', undefined, d.socketPath)).json());
    assert.ok(info, '/info answers');
    return pendingChanges(model, info).map((c) => `${c.key}: ${c.saved} (running: ${c.running})`);
  };

  it('a saved change shows until dockerd restarts', async (t) => {
    if (!requireDockerd(t)) return;
    dockerd = new ThrowawayDockerd();
    const file = path.join(dockerd.dir, 'daemon.json');
    fs.writeFileSync(file, JSON.stringify({ labels: ['dev.docker-networking.test=restart'], 'registry-mirrors': ['https://mirror.example.com'] }, null, 2));
    await dockerd.start();
    assert.deepEqual(await pending(dockerd), []);
    fs.writeFileSync(file, JSON.stringify({ labels: ['dev.docker-networking.test=restart', 'zone=b'], 'live-restore': true, 'log-driver': 'local', 'insecure-registries': ['198.18.99.0/24', 'registry.example.com:5000'] }, null, 2));
    assert.deepEqual((await pending(dockerd)).sort(), [
      'insecure-registries: 198.18.99.0/24, registry.example.com:5000 (running: none)',
      'labels: dev.docker-networking.test=restart, zone=b (running: dev.docker-networking.test=restart)',
      'live-restore: true (running: false)',
      'log-driver: local (running: json-file)',
      'registry-mirrors: none (running: https://mirror.example.com)',
    ]);
    await dockerd.stop();
    await dockerd.start();
    assert.deepEqual(await pending(dockerd), []);
  });
});
