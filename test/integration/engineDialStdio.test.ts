import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { describe, it } from 'node:test';
import { EngineClient } from '../../client/src/engine/engineClient';
import { parseSsh, type EngineEndpoint } from '../../client/src/engine/engineEndpoint';
import { describeProblem, EngineError } from '../../client/src/engine/engineError';
import { parseNetworkList } from '../../client/src/networks/networkRecords';
import { ENGINE_SOCKET, requireEngine } from '../util/engine';

/**
 * ssh:// hosts are reached through `ssh … docker system dial-stdio` (docker/cli
 * cli/connhelper). Without an ssh server here, the same transport is driven by the real
 * `docker system dial-stdio` run locally against the real Engine — exactly the process
 * ssh would start on the remote side — and a refused ssh is explained in plain words.
 */
describe('the dial-stdio transport of ssh:// hosts', () => {
  it('talks to the real Engine through `docker system dial-stdio`', async (t) => {
    if (!(await requireEngine(t))) return;
    if (spawnSync('docker', ['--version']).status !== 0) {
      if (process.env.CI === 'true') throw new Error('CI installs docker.io, which has the docker CLI');
      t.skip('no docker CLI');
      return;
    }
    const endpoint: EngineEndpoint = { kind: 'ssh', command: 'docker', args: [`--host=unix://${ENGINE_SOCKET}`, 'system', 'dial-stdio'], host: 'ssh://local-dial-stdio', source: 'test' };
    const client = new EngineClient(endpoint);
    try {
      const id = await client.negotiate();
      assert.match(id.version ?? '', /^\d+\.\d+/);
      const networks = parseNetworkList(await client.json('GET', '/networks'));
      assert.ok(networks.some((n) => n.name === 'none'));
    } finally {
      // The dial-stdio process is kept for the client's next requests (#19) until disposed.
      client.dispose();
    }
  });

  it('a refused ssh connection is reported in plain words (ssh\'s own in the error, for the log)', async (t) => {
    if (spawnSync('ssh', ['-V']).status !== 0) {
      t.skip('no ssh client');
      return;
    }
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const r = parseSsh(`ssh://nobody@127.0.0.1:${port}`, 'test');
    assert.ok(r.ok);
    // BatchMode: never prompt in a test.
    const endpoint = { ...r.endpoint, args: ['-o', 'BatchMode=yes', ...(r.endpoint.kind === 'ssh' ? r.endpoint.args : [])] } as EngineEndpoint;
    const refused = new EngineClient(endpoint);
    const err = await refused.ping().finally(() => refused.dispose()).then(
      () => assert.fail('expected a failure'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof EngineError);
    assert.equal(err.kind, 'ssh', err.message);
    assert.match(err.message, /Connection refused/);
    const p = describeProblem(err, endpoint);
    assert.match(p.reason, /^ssh cannot reach ssh:\/\/nobody@127\.0\.0\.1:\d+\.$/);
    assert.match(p.advice, /ssh server/);
  });
});
