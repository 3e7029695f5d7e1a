import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');
/** The dockerd a verdict is for: Engine version and dockerNetworking.daemonJson.platform. */
const on = (engine: string, platform: 'linux' | 'windows') => ({ engine, settings: { daemonJson: { platform } } });

describe('daemon.json keys', () => {
  it('refuses unknown keys, case-sensitively, with a suggestion and a fix', () => {
    assert.deepEqual(k.lines('{\n  "Debug": true\n}'), [
      '2: unknown-key: Unknown key "Debug" matches no dockerd option in Engine 29.7: dockerd refuses to start. Did you mean "debug"?',
    ]);
    assert.equal(k.applyFix('{\n  "Debug": true\n}', 'unknown-key'), '{\n  "debug": true\n}');
    assert.deepEqual(k.lines('{"zzzz": 1}'), ['1: unknown-key: Unknown key "zzzz" matches no dockerd option in Engine 29.7: dockerd refuses to start. Remove it or check the spelling (keys are case-sensitive).']);
  });

  it('refuses keys that have a config field but no flag', () => {
    assert.deepEqual(k.codes('{\n "default-init": true,\n "resolv-conf": "/x",\n "swarm-raft-heartbeat-tick": 1,\n "swarm-raft-election-tick": 10\n}'), [
      '2: key-rejected',
      '3: key-rejected',
      '4: key-rejected',
      '5: key-rejected',
    ]);
  });

  it('warns on singular flag names, with a fix to the plural key', () => {
    assert.deepEqual(k.lines('{\n  "label": ["a=b"]\n}'), [
      '2: singular-key: "label" is the command-line flag; dockerd accepts it in daemon.json but silently ignores it. Use "labels" instead.',
    ]);
    assert.equal(k.applyFix('{"insecure-registry": "r:5000"}', 'singular-key'), '{"insecure-registries": ["r:5000"]}');
    assert.deepEqual(k.codes('{"registry-mirror": [], "exec-opt": [], "dns-opt": [], "storage-opt": [], "host": []}'), [
      '1: singular-key',
      '1: singular-key',
      '1: singular-key',
      '1: singular-key',
      '1: singular-key',
    ]);
  });

  it('treats top-level proxy keys by version: unknown before 23.0, ignored after', () => {
    assert.deepEqual(k.codes('{"http-proxy": "http://p:3128"}', { engine: '20.10' }), ['1: key-not-available']);
    assert.deepEqual(k.lines('{"http-proxy": "http://p:3128"}', { engine: '24.0' }), [
      '1: proxy-key-top-level: "http-proxy" at the top level is accepted but ignored by dockerd; it belongs inside "proxies": { "http-proxy": … }.',
    ]);
    assert.deepEqual(k.lines('{"proxies": {"http-proxy": "http://p:3128"}}', { engine: '24.0' }), []);
    assert.deepEqual(k.codes('{"proxies": {"ftp-proxy": "x"}}', { engine: '24.0' }), ['1: unknown-key']);
  });

  it('names the version when a key is too new for the target Engine', () => {
    assert.deepEqual(k.lines('{"proxies": {}}', { engine: '20.10' }), ['1: key-not-available: "proxies" was added in Engine 23.0; Engine 20.10 ignores it. Remove it or target a newer Engine.']);
    assert.deepEqual(k.codes('{"proxies": {"http-proxy": "http://p:3128"}}', { engine: '20.10' }), ['1: key-not-available', '1: key-not-available']);
    assert.deepEqual(k.codes('{"log-format": "json"}', { engine: '20.10' }), ['1: key-not-available']);
    assert.deepEqual(k.lines('{"proxies": {}}', { engine: '23.0' }), []);
  });

  it('reports removed keys as errors and deprecated ones as warnings, with a fix to the replacement', () => {
    assert.deepEqual(k.lines('{"graph": "/d"}', { engine: '24.0' }), ['1: key-removed: "graph" was removed in Engine 23.0; Engine 24.0 refuses to start with it. Use "data-root" instead.']);
    assert.deepEqual(k.lines('{"graph": "/d"}', { engine: '20.10' }), ['1: key-deprecated: "graph" is deprecated since Engine 17.05 and removed in 23.0. Use "data-root" instead.']);
    assert.equal(k.applyFix('{"graph": "/d"}', 'key-removed'), '{"data-root": "/d"}');
    assert.deepEqual(k.codes('{"cluster-store": "", "oom-score-adjust": 1, "api-cors-header": "*"}', { engine: '29.0' }), ['1: key-removed', '1: key-removed', '1: key-removed']);
    assert.deepEqual(k.codes('{"cluster-store": "", "oom-score-adjust": 1, "api-cors-header": "*"}', { engine: '20.10' }), ['1: key-deprecated']);
    assert.deepEqual(k.codes('{"allow-nondistributable-artifacts": []}', { engine: '28.1' }), ['1: key-ignored']);
  });

  it('refuses Linux-only keys on Windows', () => {
    assert.deepEqual(k.codes('{"bip": "10.1.0.1/24"}', on('29.7', 'windows')), ['1: key-wrong-platform']);
    assert.deepEqual(k.codes('{"debug": true}', on('29.7', 'windows')), []);
  });

  it('checks the children of objects dockerd flattens', () => {
    assert.deepEqual(k.codes('{"foo": {"debug": true}}'), ['1: unknown-object-ignored']);
    assert.deepEqual(k.codes('{"foo": {"bar": true}}'), ['1: unknown-key']);
    assert.deepEqual(k.codes('{"log-opt": {"max-size": "1m"}}'), ['1: singular-key', '1: unknown-key']);
  });
});

describe('daemon.json flag-only keys', () => {
  it('warns that a flag without a config field is accepted but ignored', () => {
    assert.deepEqual(k.codes('{"containerd-plugins-namespace": "p"}', { engine: '20.10' }), ['1: flag-only-key']);
    assert.deepEqual(k.codes('{"containerd-plugin-namespace": "p"}', { engine: '20.10' }), ['1: key-rejected']);
  });
});

describe('daemon.json proxy quick fix', () => {
  it('moves a top-level proxy key into "proxies"', () => {
    assert.equal(k.applyFix('{"http-proxy": "http://p:3128"}', 'proxy-key-top-level'), '{"proxies": { "http-proxy": "http://p:3128" }}');
    assert.equal(
      k.applyFix('{"no-proxy": "localhost", "proxies": {"http-proxy": "http://p:3128"}}', 'proxy-key-top-level'),
      '{"proxies": { "no-proxy": "localhost",'.concat('"http-proxy": "http://p:3128"}}'),
    );
  });
});
