import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { resolveEndpoint, type ResolveEnv } from '../../client/src/engine/engineEndpoint';
import { EngineSession } from '../../client/src/engine/engineSession';
import type { NetworkRecord } from '../../client/src/networks/networkRecords';
import { loadNetworks } from '../../client/src/networks/networkSnapshot';
import { buildTree, viewDescription } from '../../client/src/networks/networkTreeModel';
import { makeCertificates } from '../util/testCertificates';
import { requireDockerd, ThrowawayDockerd } from '../util/throwawayDockerd';

/**
 * DOCKER_HOST=tcp://127.0.0.1:PORT with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, against a
 * throw-away dockerd started with --tlsverify and certificates made with openssl (test/util/testCertificates.ts).
 */
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function envFor(vars: Record<string, string>): ResolveEnv {
  return { env: vars, homeDir: os.tmpdir(), platform: 'linux', exists: (f) => fs.existsSync(f), readFile: () => undefined };
}

describe('TLS to a tcp:// Engine (throw-away dockerd --tlsverify)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-tls-'));
  const good = path.join(dir, 'good');
  const other = path.join(dir, 'other');
  const noClient = path.join(dir, 'no-client');
  let dockerd: ThrowawayDockerd | undefined;
  let host = '';
  const sessions: Array<EngineSession<NetworkRecord[]>> = [];

  before(async () => {
    if (typeof process.getuid === 'function' && process.getuid() !== 0) return;
    makeCertificates(good, 'dn-test-ca');
    makeCertificates(other, 'dn-other-ca');
    fs.mkdirSync(noClient);
    fs.copyFileSync(path.join(good, 'ca.pem'), path.join(noClient, 'ca.pem'));
    const port = await freePort();
    host = `tcp://127.0.0.1:${port}`;
    dockerd = new ThrowawayDockerd(['--tlsverify', '--tlscacert', path.join(good, 'ca.pem'), '--tlscert', path.join(good, 'server-cert.pem'), '--tlskey', path.join(good, 'server-key.pem'), '-H', host]);
  });
  after(async () => {
    sessions.forEach((s) => s.dispose());
    await dockerd?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function session(certPath: string): EngineSession<NetworkRecord[]> {
    const resolution = resolveEndpoint({}, envFor({ DOCKER_HOST: host, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certPath }));
    const s = new EngineSession<NetworkRecord[]>({ resolution, load: loadNetworks, retryMinMs: 200, retryMaxMs: 2000 });
    sessions.push(s);
    s.start();
    return s;
  }

  async function unreachable(s: EngineSession<NetworkRecord[]>): Promise<void> {
    await new Promise<void>((resolve) => {
      if (s.state.kind === 'unreachable') return resolve();
      const off = s.onDidChangeState((st) => {
        if (st.kind === 'unreachable') {
          off();
          resolve();
        }
      });
    });
  }

  it('connects with the certificates from DOCKER_CERT_PATH', async (t) => {
    if (!requireDockerd(t)) return;
    await dockerd!.start();
    const s = session(good);
    await s.whenConnected(15_000);
    assert.equal(s.endpoint?.kind, 'tcp');
    assert.match(viewDescription(s.state), new RegExp(`^Engine \\d+\\.\\d+.* · ${host.replace(/\./g, '\\.')}$`));
    assert.ok(s.snapshot?.some((n) => n.name === 'none'));
  });

  it('an Engine certificate from another CA is a TLS problem', async (t) => {
    if (!requireDockerd(t)) return;
    const s = session(other);
    await unreachable(s);
    assert.ok(s.state.kind === 'unreachable');
    assert.equal(s.state.problem.kind, 'tls', s.state.problem.reason);
    assert.match(s.state.problem.advice, /ca\.pem in `[^`]+other`/);
    assert.match(buildTree(s.state, undefined)[0].label, /certificate at tcp:\/\/127\.0\.0\.1:\d+ is not signed by a CA we trust/);
  });

  it('without a client certificate the Engine refuses: a TLS problem too', async (t) => {
    if (!requireDockerd(t)) return;
    const s = session(noClient);
    await unreachable(s);
    assert.ok(s.state.kind === 'unreachable');
    assert.equal(s.state.problem.kind, 'tls', s.state.problem.reason);
  });
});
