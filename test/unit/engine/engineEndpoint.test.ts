import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as path from 'path';
import { contextDigest, parseHost, resolveEndpoint, type EngineEndpoint, type ResolveEnv, type Resolution } from '../../../client/src/engine/engineEndpoint';

/** A ResolveEnv over an in-memory file system. */
function env(vars: Record<string, string> = {}, files: Record<string, string> = {}, extra: Partial<ResolveEnv> = {}): ResolveEnv {
  return {
    env: vars,
    homeDir: '/home/u',
    platform: 'linux',
    uid: 1000,
    exists: (f) => f in files,
    readFile: (f) => files[f],
    ...extra,
  };
}

function ok(r: Resolution): EngineEndpoint {
  if (!r.ok) assert.fail(`expected an endpoint, got: ${r.reason}`);
  return r.endpoint;
}

function context(name: string, host: string, opts: { skip?: boolean; tls?: boolean; dir?: string } = {}): Record<string, string> {
  const dir = opts.dir ?? '/home/u/.docker';
  const d = contextDigest(name);
  const files: Record<string, string> = {
    [`${dir}/contexts/meta/${d}/meta.json`]: JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: !!opts.skip } } }),
  };
  if (opts.tls) for (const f of ['ca.pem', 'cert.pem', 'key.pem']) files[`${dir}/contexts/tls/${d}/docker/${f}`] = 'PEM';
  return files;
}

describe('engine endpoint resolution (docker CLI order, facts §8.4)', () => {
  it('defaults to /var/run/docker.sock', () => {
    const e = ok(resolveEndpoint({}, env({}, { '/var/run/docker.sock': '' })));
    assert.deepEqual(e, { kind: 'unix', socketPath: '/var/run/docker.sock', host: 'unix:///var/run/docker.sock', source: 'default' });
  });

  it('finds the rootless socket, then Docker Desktop, when the system socket is absent', () => {
    assert.equal(ok(resolveEndpoint({}, env({ XDG_RUNTIME_DIR: '/run/user/1000' }, { '/run/user/1000/docker.sock': '' }))).host, 'unix:///run/user/1000/docker.sock');
    assert.equal(ok(resolveEndpoint({}, env({}, { '/run/user/1000/docker.sock': '' }))).host, 'unix:///run/user/1000/docker.sock');
    assert.equal(ok(resolveEndpoint({}, env({}, { '/home/u/.docker/desktop/docker.sock': '' }))).host, 'unix:///home/u/.docker/desktop/docker.sock');
    // Nothing anywhere: the default socket, so the error names the usual place.
    assert.equal(ok(resolveEndpoint({}, env())).host, 'unix:///var/run/docker.sock');
  });

  it('uses the Windows named pipe on win32', () => {
    const e = ok(resolveEndpoint({}, env({}, {}, { platform: 'win32' })));
    assert.equal(e.kind, 'npipe');
    assert.equal(e.kind === 'npipe' && e.pipePath, '\\\\.\\pipe\\docker_engine');
  });

  it('DOCKER_HOST wins over DOCKER_CONTEXT and currentContext', () => {
    const files = { ...context('remote', 'tcp://10.1.1.1:2376'), '/home/u/.docker/config.json': '{"currentContext":"remote"}' };
    assert.equal(ok(resolveEndpoint({}, env({ DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: 'remote' }, files))).host, 'unix:///tmp/d.sock');
    assert.equal(ok(resolveEndpoint({}, env({ DOCKER_CONTEXT: 'remote' }, files))).host, 'tcp://10.1.1.1:2376');
    assert.equal(ok(resolveEndpoint({}, env({}, files))).source, 'docker context "remote"');
  });

  it('the settings win over the environment: host like -H, context like --context', () => {
    const files = context('lab', 'ssh://me@lab');
    const vars = { DOCKER_HOST: 'unix:///tmp/env.sock' };
    assert.equal(ok(resolveEndpoint({ host: 'tcp://h:1234' }, env(vars, files))).host, 'tcp://h:1234');
    assert.equal(ok(resolveEndpoint({ context: 'lab' }, env(vars, files))).kind, 'ssh');
    assert.equal(ok(resolveEndpoint({ host: 'tcp://h:1234', context: 'lab' }, env(vars, files))).host, 'tcp://h:1234');
  });

  it('reads a context\'s TLS material and SkipTLSVerify; DOCKER_CONFIG moves the store', () => {
    const e = ok(resolveEndpoint({ context: 'secure' }, env({ DOCKER_CONFIG: '/cfg' }, context('secure', 'tcp://h:2376', { tls: true, dir: '/cfg' }))));
    assert.equal(e.kind, 'tcp');
    const d = contextDigest('secure');
    assert.deepEqual(e.kind === 'tcp' && e.tls, { ca: `/cfg/contexts/tls/${d}/docker/ca.pem`, cert: `/cfg/contexts/tls/${d}/docker/cert.pem`, key: `/cfg/contexts/tls/${d}/docker/key.pem`, verify: true });
    const skip = ok(resolveEndpoint({ context: 'x' }, env({}, context('x', 'tcp://h:2376', { skip: true }))));
    assert.equal(skip.kind === 'tcp' && skip.tls?.verify, false);
    const plain = ok(resolveEndpoint({ context: 'p' }, env({}, context('p', 'tcp://h:2375'))));
    assert.equal(plain.kind === 'tcp' && plain.tls, undefined);
  });

  it('explains a missing or broken context', () => {
    const r = resolveEndpoint({ context: 'nope' }, env());
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /docker context "nope".*does not exist/);
    const d = contextDigest('bad');
    const broken = resolveEndpoint({ context: 'bad' }, env({}, { [`/home/u/.docker/contexts/meta/${d}/meta.json`]: '{' }));
    assert.match(!broken.ok ? broken.reason : '', /not valid JSON/);
  });

  it('context "default" means DOCKER_HOST or the default socket', () => {
    assert.equal(ok(resolveEndpoint({ context: 'default' }, env({ DOCKER_HOST: 'tcp://x:1' }))).host, 'tcp://x:1');
  });

  it('TLS from DOCKER_TLS_VERIFY (any non-empty value, even "0") and DOCKER_CERT_PATH', () => {
    const files = { '/certs/ca.pem': '', '/certs/cert.pem': '', '/certs/key.pem': '' };
    const e = ok(resolveEndpoint({}, env({ DOCKER_HOST: 'tcp://127.0.0.1:2376', DOCKER_TLS_VERIFY: '0', DOCKER_CERT_PATH: '/certs' }, files)));
    assert.deepEqual(e.kind === 'tcp' && e.tls, { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem', verify: true });
    // TLS env without DOCKER_HOST: tcp://localhost:2376.
    assert.equal(ok(resolveEndpoint({}, env({ DOCKER_TLS_VERIFY: '1' }))).host, 'tcp://localhost:2376');
    // DOCKER_TLS alone: TLS without verification, certs from ~/.docker.
    const t = ok(resolveEndpoint({}, env({ DOCKER_HOST: 'tcp://h:2376', DOCKER_TLS: '1' }, { '/home/u/.docker/cert.pem': '', '/home/u/.docker/key.pem': '' })));
    assert.deepEqual(t.kind === 'tcp' && t.tls, { ca: undefined, cert: path.join('/home/u/.docker', 'cert.pem'), key: path.join('/home/u/.docker', 'key.pem'), verify: false });
  });

  it('parses hosts as -H does', () => {
    const p = (h: string): Resolution => parseHost(h, 'test', undefined, 'linux');
    assert.deepEqual(ok(p('tcp://10.0.0.5')), { kind: 'tcp', hostname: '10.0.0.5', port: 2375, tls: undefined, host: 'tcp://10.0.0.5:2375', source: 'test' });
    assert.equal(ok(p('10.0.0.5:4243')).host, 'tcp://10.0.0.5:4243');
    assert.equal(ok(p('tcp://[::1]:2376')).host, 'tcp://[::1]:2376');
    assert.equal(ok(p('unix://')).host, 'unix:///var/run/docker.sock');
    assert.equal(p('tcp://h:99999').ok, false);
    assert.match((p('fd://') as { reason: string }).reason, /only inside dockerd/);
    assert.match((p('http://h') as { reason: string }).reason, /unsupported scheme/);
  });

  it('ssh:// runs `ssh … docker system dial-stdio`, with the CLI\'s refusals', () => {
    const p = (h: string): Resolution => parseHost(h, 'test', undefined, 'linux');
    const e = ok(p('ssh://me@build.example:2222'));
    assert.deepEqual(e.kind === 'ssh' && [e.command, ...e.args], ['ssh', '-l', 'me', '-p', '2222', '-o', 'ConnectTimeout=30', '-T', '--', 'build.example', 'docker', 'system', 'dial-stdio']);
    const s = ok(p('ssh://h/run/user/1000/docker.sock'));
    assert.deepEqual(s.kind === 'ssh' && s.args.slice(-4), ['docker', '--host=unix:///run/user/1000/docker.sock', 'system', 'dial-stdio']);
    assert.match((p('ssh://me:pw@h') as { reason: string }).reason, /plain-text password is not supported/);
    assert.match((p('ssh://h?x=1') as { reason: string }).reason, /query parameters are not allowed/);
    assert.match((p('ssh://h#f') as { reason: string }).reason, /fragments are not allowed/);
  });
});
