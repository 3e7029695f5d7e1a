import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { SessionState } from '../../client/src/engine/engineSession';
import type { TreeNode } from '../../client/src/networks/networkTreeModel';
import { ReplayEngine } from '../unit/engine/replayEngine';
import { ENGINE_SOCKET, requireEngine } from '../util/engine';

/**
 * A socket the user may not open gives the "docker group" state. As root, the client
 * runs in a child process as `nobody` (setpriv), against a root-owned socket with mode
 * 600, and against the shared Engine's socket (root:docker 660; nobody is not in docker).
 */
const OUT = path.resolve(__dirname, '../..');

const CHILD = `
const { EngineSession } = require(${JSON.stringify(path.join(OUT, 'client/src/engine/engineSession.js'))});
const { loadNetworks } = require(${JSON.stringify(path.join(OUT, 'client/src/networks/networkSnapshot.js'))});
const { buildTree } = require(${JSON.stringify(path.join(OUT, 'client/src/networks/networkTreeModel.js'))});
const socketPath = process.argv[1];
const s = new EngineSession({ resolution: { ok: true, endpoint: { kind: 'unix', socketPath, host: 'unix://' + socketPath, source: 'test' } }, load: loadNetworks });
const done = (st) => { console.log(JSON.stringify({ uid: process.getuid(), state: st, tree: buildTree(st, s.snapshot) })); s.dispose(); };
s.onDidChangeState((st) => { if (st.kind !== 'connecting') done(st); });
s.start();
`;

interface ChildResult {
  uid: number;
  state: SessionState;
  tree: TreeNode[];
}

function runClient(socketPath: string, asNobody: boolean): Promise<ChildResult> {
  const [cmd, args] = asNobody
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, '-e', CHILD, socketPath]]
    : [process.execPath, ['-e', CHILD, socketPath]];
  return new Promise((resolve, reject) => {
    execFile(cmd, args as string[], { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`${err.message}\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult);
    });
  });
}

function asRootOnly(t: { skip(m: string): void }): boolean {
  if (typeof process.getuid === 'function' && process.getuid() === 0) return true;
  if (process.env.CI === 'true') throw new Error('CI runs as root; this test needs it to switch to nobody');
  t.skip('needs root to run the client as another user');
  return false;
}

function assertDockerGroupState(r: ChildResult, socketPath: string): void {
  assert.notEqual(r.uid, 0);
  assert.equal(r.state.kind, 'unreachable');
  assert.ok(r.state.kind === 'unreachable');
  assert.equal(r.state.problem.kind, 'permission');
  assert.equal(r.state.problem.reason, `Permission denied on unix://${socketPath}.`);
  assert.deepEqual(r.tree.map((n) => n.label), [
    `Permission denied on unix://${socketPath}.`,
    'Your user may not use the Docker socket: it is not in the `docker` group. Run `sudo usermod -aG docker $USER`, then log out and back in (or start VS Code from a new login session).',
    'Retry',
  ]);
}

describe('permission denied on the Engine socket', () => {
  let engine: ReplayEngine | undefined;
  after(() => engine?.stop());

  it('a root-owned socket with mode 600: the "docker group" state (root itself connects)', async (t) => {
    if (!asRootOnly(t)) return;
    engine = await new ReplayEngine('1.41').start();
    fs.chmodSync(path.dirname(engine.socketPath), 0o755);
    fs.chmodSync(engine.socketPath, 0o600);
    const asRoot = await runClient(engine.socketPath, false);
    assert.equal(asRoot.state.kind, 'connected', JSON.stringify(asRoot.state));
    assertDockerGroupState(await runClient(engine.socketPath, true), engine.socketPath);
  });

  it('the real Engine socket, for a user outside the docker group', async (t) => {
    if (!asRootOnly(t)) return;
    if (!(await requireEngine(t))) return;
    const mode = fs.statSync(ENGINE_SOCKET).mode;
    if (mode & 0o006) {
      t.skip(`${ENGINE_SOCKET} is open to everyone (mode ${(mode & 0o777).toString(8)})`);
      return;
    }
    assertDockerGroupState(await runClient(ENGINE_SOCKET, true), ENGINE_SOCKET);
  });
});
