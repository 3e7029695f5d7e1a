import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { EngineClient } from '../../../client/src/engine/engineClient';
import type { EngineEndpoint } from '../../../client/src/engine/engineEndpoint';
import { describeProblem, type EngineProblem } from '../../../client/src/engine/engineError';
import { EngineSession, type SessionOptions, type SessionState } from '../../../client/src/engine/engineSession';
import type { NetworkRecord } from '../../../client/src/networks/networkRecords';
import { isNetworkRelevant, loadNetworks, NETWORK_EVENT_FILTERS } from '../../../client/src/networks/networkSnapshot';
import { buildTree, viewDescription } from '../../../client/src/networks/networkTreeModel';
import { makeCertificates } from '../../util/testCertificates';
import { ReplayEngine, tempSocketPath, waitFor } from './replayEngine';

/**
 * The fault harness of issue #19: fake Engines (recorded replies on a unix socket or on
 * loopback TCP, a stand-in for `ssh … dial-stdio`, TLS servers with certificates made by
 * openssl) driven into the faults a real dockerd cannot produce on demand. Each `it`
 * names the numbered case of the issue it covers.
 */

const FAKE_SSH = path.join(__dirname, 'fakeDialStdio.js');

type Transport = 'unix' | 'tcp';

function endpointOf(engine: ReplayEngine, transport: Transport): EngineEndpoint {
  return transport === 'tcp'
    ? { kind: 'tcp', hostname: '127.0.0.1', port: engine.port, host: `tcp://127.0.0.1:${engine.port}`, source: 'test' }
    : { kind: 'unix', socketPath: engine.socketPath, host: `unix://${engine.socketPath}`, source: 'test' };
}

function sshEndpoint(socketPath: string, delayMs: number, mode = 'ok'): EngineEndpoint {
  return { kind: 'ssh', command: process.execPath, args: [FAKE_SSH, socketPath, String(delayMs), mode], host: 'ssh://dn-test@engine.example', source: 'test' };
}

/** What a stale state carries (read loosely so the harness also runs against older sessions). */
function staleOf(state: SessionState): { since: number; reason: string } | undefined {
  return (state as { stale?: { since: number; reason: string } }).stale;
}

/** Session options beyond the typed ones (the harness also runs against older sessions). */
type HarnessOptions = Partial<SessionOptions<NetworkRecord[]>> & Record<string, unknown>;

describe('fault harness (#19)', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  async function replay(opts: { tcp?: boolean; version?: string; socketPath?: string } = {}): Promise<ReplayEngine> {
    const e = await new ReplayEngine(opts.version ?? '1.41', opts.socketPath, { tcp: opts.tcp }).start();
    cleanup.push(() => e.stop());
    return e;
  }

  function session(endpoint: EngineEndpoint, extra: HarnessOptions = {}): { s: EngineSession<NetworkRecord[]>; states: SessionState[]; logs: string[] } {
    const logs: string[] = [];
    const options = {
      resolution: { ok: true, endpoint },
      load: loadNetworks,
      isRelevant: isNetworkRelevant,
      eventFilters: NETWORK_EVENT_FILTERS,
      debounceMs: 20,
      retryMinMs: 20,
      retryMaxMs: 100,
      log: (line: string) => logs.push(line),
      ...extra,
    } as SessionOptions<NetworkRecord[]>;
    const s = new EngineSession<NetworkRecord[]>(options);
    const states: SessionState[] = [];
    s.onDidChangeState((st) => states.push(st));
    cleanup.push(() => s.dispose());
    return { s, states, logs };
  }

  for (const transport of ['unix', 'tcp'] as const) {
    it(`1. a refresh that fails while connected marks the view stale and keeps the networks (${transport})`, async () => {
      const engine = await replay({ tcp: transport === 'tcp' });
      let fault: 'none' | '500' | 'hang' = 'none';
      engine.handler = (req, res) => {
        if (fault === 'none' || !/^\/v[\d.]+\/networks(\?|$)/.test(req.url ?? '')) return false;
        if (fault === '500') {
          res.writeHead(500, { 'Content-Type': 'application/json' });
          res.end('{"message":"the daemon is busy"}');
        }
        return true; // 'hang': never answered
      };
      const { s } = session(endpointOf(engine, transport), { client: { timeoutMs: 300 } });
      s.start();
      await s.whenConnected(5000);
      const loaded = s.snapshot;
      assert.ok(loaded?.length);

      for (const kind of ['500', 'hang'] as const) {
        fault = kind;
        await s.refresh();
        assert.equal(s.state.kind, 'connected');
        const stale = staleOf(s.state);
        assert.ok(stale, `a failed refresh (${kind}) must mark the data stale`);
        assert.match(stale.reason, kind === '500' ? /the daemon is busy/ : /did not answer/);
        // The last networks stay, and the tree says they are old and why.
        assert.equal(s.snapshot, loaded);
        const roots = buildTree(s.state, s.snapshot);
        assert.equal(roots[0].kind, 'state');
        assert.match(roots[0].label, /^Showing networks from \d\d:\d\d(:\d\d)?; /);
        assert.ok(roots.some((n) => n.label === 'dn-fixture-app' || n.children?.some((c) => c.label === 'dn-fixture-app')));
        assert.match(viewDescription(s.state), /stale/);
      }
      // The session retries by itself; once the Engine answers, the mark goes away.
      fault = 'none';
      await waitFor(() => s.state.kind === 'connected' && !staleOf(s.state), 5000, 'the stale mark to clear');
      assert.notEqual(buildTree(s.state, s.snapshot)[0].kind, 'state');
    });
  }

  it('2. a slow ssh Engine reconnects by itself: probe timeouts grow past the dial time', async () => {
    const socketPath = tempSocketPath('slow-ssh');
    // The dial (ssh handshake) takes 2.3 s, longer than the 2 s a first probe may take.
    const { s } = session(sshEndpoint(socketPath, 2300), { retryMaxMs: 200 });
    s.start();
    await waitFor(() => s.state.kind === 'unreachable', 5000, 'unreachable while nothing listens');
    await replay({ socketPath });
    await s.whenConnected(15_000);
  });

  it('3. one ssh process carries the requests of a session (not one per request)', async () => {
    const engine = await replay({ version: '1.52' });
    const { s } = session(sshEndpoint(engine.socketPath, 0));
    s.start();
    await s.whenConnected(10_000);
    await s.refresh();
    await s.refresh();
    assert.ok(s.snapshot?.find((n) => n.name === 'dn-fixture-app')?.containers.length);
    // One connection for the event stream, one for everything else.
    assert.ok(engine.connections <= 2, `ssh processes started: ${engine.connections} for ${engine.requests.length} requests`);
  });

  it('a command waiting on an Engine that is down hears the answer "unreachable", not only "connected"', async () => {
    const socketPath = path.join(os.tmpdir(), `dn-no-engine-${process.pid}.sock`);
    const { s } = session({ kind: 'unix', socketPath, host: `unix://${socketPath}`, source: 'test' }, { retryMinMs: 60_000, retryMaxMs: 60_000 });
    s.start();
    await s.whenAnswered(10_000);
    assert.equal(s.state.kind, 'unreachable');
    await assert.rejects(s.whenConnected(50), /not connected within 50 ms/);
  });

  it('4. disposing a session cancels its pending probe: no timer or socket stays behind', async () => {
    const engine = await replay();
    let pings = 0;
    // /_ping never answers: the session sits in a probe with a pending request.
    engine.handler = (req) => req.url === '/_ping' && ++pings > 0;
    const resources = (): string[] => process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'PipeWrap');
    const { s } = session(endpointOf(engine, 'unix'), { client: { timeoutMs: 100 } });
    const baseline = resources().length;
    const timers = (list: string[]): number => list.filter((r) => r === 'Timeout').length;
    const baselineTimers = timers(resources());
    s.start();
    await waitFor(() => s.state.kind === 'unreachable' && pings >= 2, 5000, 'a probe under way');
    s.dispose();
    // The client's socket closes within a turn of the event loop once its request is destroyed.
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    const left = resources();
    // The server's own end of the connection may still be open; the client's timer must be gone.
    assert.ok(timers(left) <= baselineTimers, `handles left: ${left.join(', ')}`);
    await waitFor(() => resources().length <= baseline, 1000, 'the sockets to close');
  });

  it('5. failures after a successful ping back off to a ceiling, logged once per distinct failure', async () => {
    const engine = await replay();
    let attempts = 0;
    engine.handler = (req, res) => {
      if (!/^\/v[\d.]+\/version$/.test(req.url ?? '')) return false;
      attempts++;
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end('{"message":"starting up"}');
      return true;
    };
    const { s, logs } = session(endpointOf(engine, 'unix'), { retryMinMs: 10, retryMaxMs: 20, failureRetryMaxMs: 160 });
    const pending = (): number | undefined => (s as unknown as { pendingRetryMs?: number }).pendingRetryMs;
    s.start();
    await waitFor(() => attempts >= 6, 10_000, 'six attempts');
    // The wait grows beyond the probe back-off (20 ms) up to its own ceiling.
    await waitFor(() => pending() === 160, 5000, `the back-off to reach its ceiling (now ${pending()})`);
    const failures = logs.filter((l) => /starting up/.test(l));
    assert.equal(failures.length, 1, failures.join('\n'));
    assert.equal(s.state.kind, 'unreachable');
    // Retry tries at once and starts the back-off afresh.
    const before = attempts;
    s.retry();
    await waitFor(() => attempts > before && pending() !== undefined, 5000, 'the retry');
    assert.ok(pending()! <= 20, `back-off after Retry: ${pending()}`);
  });

  it('7. a reconnect of the event stream keeps the tree and marks it stale instead of "Connecting…"', async () => {
    const engine = await replay();
    const { s, states } = session(endpointOf(engine, 'unix'));
    let cleared = 0;
    s.onDidChangeSnapshot((n) => (cleared += n === undefined ? 1 : 0));
    s.start();
    await s.whenConnected(5000);
    const streams = (): number => engine.requests.filter((r) => r.includes('/events')).length;
    const from = states.length;
    engine.endEvents();
    await waitFor(() => streams() === 2 && engine.eventStreams === 1 && s.state.kind === 'connected' && !staleOf(s.state), 5000, 'the new event stream');
    const during = states.slice(from);
    assert.deepEqual(during.filter((st) => st.kind !== 'connected').map((st) => st.kind), []);
    assert.ok(during.some((st) => staleOf(st)), 'the tree is marked stale while the stream is re-opened');
    assert.equal(cleared, 0);
  });
});

describe('fault harness (#19) 6. TLS and transport failures in plain words', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-faults-tls-'));
  const good = path.join(dir, 'good');
  const other = path.join(dir, 'other');
  const servers: net.Server[] = [];
  before(() => {
    makeCertificates(good, 'dn-test-ca');
    makeCertificates(other, 'dn-other-ca');
  });
  after(async () => {
    for (const srv of servers) {
      (srv as http.Server).closeAllConnections?.();
      await new Promise<void>((r) => srv.close(() => r()));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function listen(srv: net.Server): Promise<number> {
    servers.push(srv);
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    return (srv.address() as net.AddressInfo).port;
  }

  /** An Engine speaking TLS that asks for a client certificate of `good`'s CA, as dockerd --tlsverify does. */
  async function tlsEngine(): Promise<number> {
    const read = (f: string): Buffer => fs.readFileSync(path.join(good, f));
    return listen(
      https.createServer({ key: read('server-key.pem'), cert: read('server-cert.pem'), ca: read('ca.pem'), requestCert: true, rejectUnauthorized: true }, (_req, res) => {
        res.writeHead(200, { 'Api-Version': '1.41' });
        res.end('OK');
      }),
    );
  }

  function tcp(port: number, tls?: { dir: string; cert?: boolean; verify?: boolean }, hostname = '127.0.0.1'): EngineEndpoint {
    const file = (f: string): string | undefined => (tls ? path.join(tls.dir, f) : undefined);
    return {
      kind: 'tcp',
      hostname,
      port,
      host: `tcp://${hostname}:${port}`,
      source: 'test',
      tls: tls && { ca: file('ca.pem'), cert: tls.cert === false ? undefined : file('cert.pem'), key: tls.cert === false ? undefined : file('key.pem'), verify: tls.verify ?? true },
    };
  }

  async function problemOf(endpoint: EngineEndpoint): Promise<EngineProblem> {
    try {
      await new EngineClient(endpoint, { timeoutMs: 5000 }).ping();
    } catch (err) {
      return describeProblem(err, endpoint);
    }
    assert.fail('expected the ping to fail');
  }

  /** No OpenSSL or Node error text in what the view shows: that goes to the output channel. */
  function plain(p: EngineProblem): void {
    for (const raw of [/SSL routines/, /EPROTO/, /wrong version number/, /socket hang up/, /ENOENT/, /alert/, /ERR_/]) {
      assert.doesNotMatch(`${p.reason} ${p.advice}`, raw);
    }
  }

  it('a missing client certificate names the files under DOCKER_CERT_PATH', async () => {
    const p = await problemOf(tcp(await tlsEngine(), { dir: good, cert: false }));
    plain(p);
    assert.equal(p.kind, 'tls');
    assert.match(p.reason, /requires a client certificate/);
    assert.match(p.advice, /cert\.pem.*key\.pem.*DOCKER_CERT_PATH/);
  });

  it('a client certificate of another CA is rejected by the Engine', async () => {
    // Trust the Engine (good CA) but present a client certificate of another CA.
    const mixed = path.join(dir, 'mixed');
    fs.mkdirSync(mixed, { recursive: true });
    fs.copyFileSync(path.join(good, 'ca.pem'), path.join(mixed, 'ca.pem'));
    fs.copyFileSync(path.join(other, 'cert.pem'), path.join(mixed, 'cert.pem'));
    fs.copyFileSync(path.join(other, 'key.pem'), path.join(mixed, 'key.pem'));
    const p = await problemOf(tcp(await tlsEngine(), { dir: mixed }));
    plain(p);
    assert.match(p.reason, /refused the client certificate/);
    assert.match(p.advice, /CA/);
  });

  it('an Engine certificate from an unknown CA points at ca.pem', async () => {
    const p = await problemOf(tcp(await tlsEngine(), { dir: other }));
    plain(p);
    assert.match(p.reason, /not signed by a CA we trust/);
    assert.match(p.advice, /ca\.pem/);
  });

  it('a certificate for another host name says which name to use', async () => {
    const p = await problemOf(tcp(await tlsEngine(), { dir: good }, 'localhost'));
    plain(p);
    assert.match(p.reason, /not for localhost/);
  });

  it('an expired certificate says so', () => {
    const p = describeProblem(Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }), tcp(2376, { dir: good }));
    plain(p);
    assert.match(p.reason, /^The Engine's certificate at tcp:\/\/127\.0\.0\.1:2376 has expired\.$/);
    assert.match(p.advice, /Renew the Engine's certificate/);
  });

  it('a TLS client on a plain port: use tcp:// without TLS, or the TLS port', async () => {
    const port = await listen(http.createServer((_q, r) => r.end('OK')));
    const p = await problemOf(tcp(port, { dir: good }));
    plain(p);
    assert.match(p.reason, /plain HTTP, not TLS/);
    assert.match(p.advice, /DOCKER_TLS_VERIFY/);
  });

  it('a plain client on a TLS port (Node closes the connection): turn TLS on', async () => {
    const p = await problemOf(tcp(await tlsEngine()));
    plain(p);
    assert.doesNotMatch(p.advice, /host name/);
    assert.match(p.advice, /DOCKER_TLS_VERIFY=1/);
  });

  it('a plain client on a TLS port (dockerd answers 400): turn TLS on, not "check the daemon log"', async () => {
    // What Go's TLS server writes to a client that speaks plain HTTP (crypto/tls, net/http).
    const port = await listen(
      net.createServer((sock) => {
        sock.once('data', () => sock.end('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n'));
      }),
    );
    const p = await problemOf(tcp(port));
    plain(p);
    assert.equal(p.kind, 'tls');
    assert.match(p.reason, /expects TLS/);
    assert.match(p.advice, /DOCKER_TLS_VERIFY=1/);
    assert.doesNotMatch(p.advice, /daemon log/);
  });

  it('no ssh binary: install the OpenSSH client', async () => {
    const endpoint: EngineEndpoint = { kind: 'ssh', command: 'dn-no-such-ssh-binary', args: ['engine.example', 'docker', 'system', 'dial-stdio'], host: 'ssh://engine.example', source: 'test' };
    const p = await problemOf(endpoint);
    plain(p);
    assert.match(p.reason, /no `?ssh`? command/i);
    assert.match(p.advice, /OpenSSH client/);
  });

  it('ssh that needs a password: use an ssh agent', async () => {
    const p = await problemOf(sshEndpoint(tempSocketPath('ssh-password'), 0, 'password'));
    plain(p);
    assert.match(p.reason, /password/);
    assert.match(p.advice, /ssh-agent|ssh-add/);
  });
});
