import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { execFileSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { MAX_API_VERSION } from '../../../client/src/engine/apiVersion';
import { EngineClient } from '../../../client/src/engine/engineClient';
import type { EngineEndpoint } from '../../../client/src/engine/engineEndpoint';
import { EngineError, describeProblem } from '../../../client/src/engine/engineError';
import { ReplayEngine, tempSocketPath } from './replayEngine';

function unix(socketPath: string): EngineEndpoint {
  return { kind: 'unix', socketPath, host: `unix://${socketPath}`, source: 'test' };
}

async function rejects(p: Promise<unknown>, kind: string, message?: RegExp): Promise<EngineError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof EngineError, `not an EngineError: ${String(err)}`);
    assert.equal(err.kind, kind, err.message);
    if (message) assert.match(err.message, message);
    return err;
  }
  assert.fail(`expected a ${kind} error`);
}

for (const version of ['1.41', '1.44', '1.52']) {
  describe(`EngineClient against recorded API ${version} replies`, () => {
    let engine: ReplayEngine;
    before(async () => {
      engine = await new ReplayEngine(version).start();
    });
    after(() => engine.stop());

    it('negotiates the version from /_ping and then calls versioned paths', async () => {
      const client = new EngineClient(unix(engine.socketPath));
      const id = await client.negotiate();
      assert.equal(id.apiVersion, version);
      assert.equal(id.serverApiVersion, version);
      assert.equal(id.os, 'linux');
      assert.match(id.version ?? '', /^\d+\.\d+\.\d+/);
      const list = (await client.json('GET', '/networks')) as unknown[];
      assert.ok(list.length >= 5);
      assert.deepEqual(engine.requests.slice(-3), ['GET /_ping', `GET /v${version}/version`, `GET /v${version}/networks`]);
    });

    it('turns {"message"} errors into EngineErrors with the status', async () => {
      const client = new EngineClient(unix(engine.socketPath));
      await client.negotiate();
      const err = await rejects(client.json('GET', '/networks/nonexistent'), 'http', /network nonexistent not found/);
      assert.equal(err.status, 404);
    });

    it('classifies "client version is too new" as an API version problem', async () => {
      const client = new EngineClient(unix(engine.socketPath), { fixedApiVersion: '1.99' });
      await rejects(client.negotiate(), 'api-version', /too new/);
    });
  });
}

describe('EngineClient faults the real Engine cannot produce on demand (fake server)', () => {
  let server: http.Server;
  const socketPath = tempSocketPath('faults');
  before(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/_ping') {
        res.writeHead(200, { 'Api-Version': '1.41' });
        res.end('OK');
      } else if (req.url?.endsWith('/stall')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('['); // and never more
      } else if (req.url?.endsWith('/malformed')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"Name": "x",');
      } else if (req.url?.endsWith('/truncated')) {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        res.write('[{"Name":"bridge"');
        setImmediate(() => res.socket?.destroy());
      } else if (req.url?.endsWith('/plain-too-old')) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end('client version 1.5 is too old. Minimum supported API version is 1.12, please upgrade your client to a newer version\n');
      } else {
        res.writeHead(404);
        res.end('{"message":"page not found"}');
      }
    });
    await new Promise<void>((r) => server.listen(socketPath, r));
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('times out a stalled reply', async () => {
    const client = new EngineClient(unix(socketPath), { timeoutMs: 300 });
    await client.negotiate().catch(() => undefined);
    await rejects(client.json('GET', '/stall'), 'timeout', /within 300 ms/);
  });

  it('cancels through an AbortSignal', async () => {
    const client = new EngineClient(unix(socketPath), { timeoutMs: 30_000 });
    const ac = new AbortController();
    const p = client.json('GET', '/stall', { signal: ac.signal });
    setImmediate(() => ac.abort());
    await rejects(p, 'cancelled');
    await rejects(client.json('GET', '/stall', { signal: ac.signal }), 'cancelled');
  });

  it('reports malformed JSON as a protocol error', async () => {
    await rejects(new EngineClient(unix(socketPath)).json('GET', '/malformed'), 'protocol', /not valid JSON/);
  });

  it('reports a truncated reply as a protocol error', async () => {
    await rejects(new EngineClient(unix(socketPath)).json('GET', '/truncated'), 'protocol', /cut off/);
  });

  it('classifies Engine 20.10\'s plain-text "too old" reply', async () => {
    await rejects(new EngineClient(unix(socketPath)).json('GET', '/plain-too-old'), 'api-version', /too old/);
  });
});

describe('EngineClient connection errors, in plain words', () => {
  it('a missing socket: is dockerd running?', async () => {
    const endpoint = unix(tempSocketPath('missing'));
    const err = await rejects(new EngineClient(endpoint).ping(), 'socket-missing');
    const p = describeProblem(err, endpoint);
    assert.match(p.reason, /no Docker socket at unix:\/\//);
    assert.match(p.advice, /Is dockerd running\?/);
  });

  it('a socket file nobody listens on: connection refused', async () => {
    const socketPath = tempSocketPath('refused');
    // A process that listens and exits at once leaves the socket file behind with no listener.
    execFileSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => process.exit(0))`]);
    assert.ok(fs.existsSync(socketPath));
    await rejects(new EngineClient(unix(socketPath)).ping(), 'refused');
  });

  it('the permission advice names the docker group and the fix', () => {
    const p = describeProblem(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }), unix('/var/run/docker.sock'));
    assert.equal(p.kind, 'permission');
    assert.match(p.advice, /`docker` group/);
    assert.match(p.advice, /sudo usermod -aG docker \$USER/);
  });

  it('knows its newest API version from the release data', () => {
    assert.match(MAX_API_VERSION, /^1\.\d+$/);
  });
});
