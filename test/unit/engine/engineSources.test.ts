import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { nodeResolveEnv } from '../../../client/src/engine/nodeResolveEnv';
import { describe, it } from 'node:test';
import * as path from 'path';
import { configuredEngines, listEngines, type EngineEntry, type ListEnv } from '../../../client/src/engine/engineSources';

/** The docker CLI home folder the CLI itself wrote (test/fixtures/dockerHome/README.md). */
const HOME = path.resolve(__dirname, '../../../../test/fixtures/dockerHome');

function env(vars: Record<string, string> = {}): ListEnv {
  return nodeResolveEnv({ env: vars, homeDir: HOME });
}

/** "name (source) host [current]" per entry, or the reason it cannot connect. */
function rows(entries: EngineEntry[]): string[] {
  return entries.map((e) => `${e.name} (${e.source}) ${e.resolution.ok ? e.resolution.endpoint.host : `! ${e.resolution.reason}`}${e.current ? ' [current]' : ''}`);
}

describe('the Engines listed side by side (#22)', () => {
  it('lists every context of the store, the current one (config.json) first', () => {
    assert.deepEqual(rows(listEngines({}, env())), [
      'prod (docker context) tcp://prod.example.invalid:2376 [current]',
      'default (docker context) unix:///var/run/docker.sock',
      'build (docker context) ssh://me@build.example.invalid',
      'local (docker context) unix:///run/dn-fixture.sock',
    ]);
  });

  it('reads the TLS material of a context and the ssh command of another', () => {
    const [prod, , build] = listEngines({}, env());
    assert.ok(prod.resolution.ok && prod.resolution.endpoint.kind === 'tcp');
    const tls = prod.resolution.endpoint.tls!;
    assert.equal(tls.verify, true);
    for (const f of [tls.ca, tls.cert, tls.key]) assert.ok(f && fs.readFileSync(f, 'utf8').includes('-----BEGIN'), f);
    assert.ok(build.resolution.ok && build.resolution.endpoint.kind === 'ssh');
    assert.deepEqual(build.resolution.endpoint.args.slice(-4), ['build.example.invalid', 'docker', 'system', 'dial-stdio']);
    assert.ok(build.resolution.endpoint.args.includes('-l') && build.resolution.endpoint.args.includes('me'));
  });

  it('follows the docker CLI about which is current: DOCKER_HOST, DOCKER_CONTEXT, the settings', () => {
    // DOCKER_HOST is what the default context stands for, and wins over config.json.
    assert.deepEqual(rows(listEngines({}, env({ DOCKER_HOST: 'unix:///tmp/x.sock' }))).slice(0, 2), ['DOCKER_HOST (DOCKER_HOST) unix:///tmp/x.sock [current]', 'build (docker context) ssh://me@build.example.invalid']);
    assert.equal(listEngines({}, env({ DOCKER_CONTEXT: 'local' }))[0].name, 'local');
    assert.equal(listEngines({ context: 'build' }, env({ DOCKER_CONTEXT: 'local' }))[0].name, 'build');
    const withHost = rows(listEngines({ host: 'tcp://10.9.9.9:2375', context: 'build' }, env()));
    assert.equal(withHost[0], 'tcp://10.9.9.9:2375 (setting dockerNetworking.host) tcp://10.9.9.9:2375 [current]');
    // A context named by a setting that the store lacks is still listed, with its error.
    const missing = listEngines({ context: 'gone' }, env())[0];
    assert.equal(missing.name, 'gone');
    assert.ok(!missing.resolution.ok && /does not exist/.test(missing.resolution.reason));
  });

  it('adds the Engines of dockerNetworking.engines, reports malformed items, and hides by name', () => {
    const engines = [{ name: 'ci', host: 'ssh://ci@ci.example.invalid:2222' }, { name: 'lab', host: 'tcp://198.18.0.9' }, { host: 'tcp://x' }, 'nonsense'];
    const list = rows(listEngines({ engines, hidden: ['default', 'local'] }, env()));
    assert.deepEqual(list, [
      'prod (docker context) tcp://prod.example.invalid:2376 [current]',
      'build (docker context) ssh://me@build.example.invalid',
      'ci (setting dockerNetworking.engines) ssh://ci@ci.example.invalid:2222',
      'lab (setting dockerNetworking.engines) tcp://198.18.0.9:2375',
      '(unnamed Engine 1) (setting dockerNetworking.engines) ! Item 3 of the setting dockerNetworking.engines needs a "name" and a "host" (as DOCKER_HOST spells it), e.g. {"name": "build", "host": "ssh://me@build"}.',
      '(unnamed Engine 2) (setting dockerNetworking.engines) ! Item 4 of the setting dockerNetworking.engines needs a "name" and a "host" (as DOCKER_HOST spells it), e.g. {"name": "build", "host": "ssh://me@build"}.',
    ]);
    // Hiding the current one leaves the others, none marked current.
    const withoutProd = listEngines({ hidden: ['prod'] }, env());
    assert.ok(withoutProd.length > 0 && withoutProd.every((e) => !e.current));
    assert.deepEqual(configuredEngines({ name: 'x' }).problems.length, 1);
    assert.deepEqual(configuredEngines(undefined), { engines: [], problems: [] });
  });

  it('lists only the default Engine when there is no context store', () => {
    const bare = { ...env(), homeDir: '/nonexistent-home' };
    assert.deepEqual(rows(listEngines({}, bare)), ['default (docker context) unix:///var/run/docker.sock [current]']);
  });
});
