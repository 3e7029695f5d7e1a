import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { makeTree, runCliProcess } from '../util/cliProcess';
import { ENGINE_SOCKET, engineVersion, requireEngine } from '../util/engine';

/** `docker-networking check --engine-version auto` asks the real Engine at DOCKER_HOST (#21). */
describe('the CLI against the real dockerd', () => {
  // 29.0 added min-api-version: an Engine older than that refuses it, a newer one accepts it.
  const root = makeTree({ 'daemon.json': '{"min-api-version": "1.24"}\n' }, 'dn-cli-engine-');
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('--engine-version auto judges for the Engine it reaches', async (t) => {
    if (!(await requireEngine(t))) return;
    const version = (await engineVersion()).split('.').slice(0, 2).map(Number).join('.');
    const r = runCliProcess(['check', '--engine-version', 'auto', '--format', 'json'], { cwd: root, env: { DOCKER_HOST: `unix://${ENGINE_SOCKET}` } });
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout) as { engineVersion: string; files: { problems: { code: string }[] }[] };
    assert.equal(out.engineVersion, version);
    const older = Number(version.split('.')[0]) < 29;
    assert.deepEqual(out.files[0].problems.map((p) => p.code), older ? ['key-not-available'] : []);
    assert.equal(r.code, older ? 1 : 0);
  });
});
