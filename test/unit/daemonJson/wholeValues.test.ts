import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveNetwork } from '../../../server/src/shared/protocol';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

function live(name: string, subnet: string): LiveNetwork {
  return { id: name, name, driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet }], labels: {} };
}

/** The values (not keys) offered at `$0` whose label is a whole object or array. */
const whole = (source: string, liveNetworks?: LiveNetwork[]): string[] =>
  k.complete(source, { liveNetworks }).labels.filter((l) => /^[[{]/.test(l));

/** #20: completion of whole values where the schema knows their shape. */
describe('daemon.json whole-value completion', () => {
  it('an address pool inside "default-address-pools": [ ], whose base overlaps nothing in use', () => {
    const c = k.complete('{\n  "default-address-pools": [ $0 ]\n}');
    assert.deepEqual(c.labels.filter((l) => l.startsWith('{')), ['{ "base": "10.201.0.0/16", "size": 24 }']);
    assert.equal(c.apply('{ "base": "10.201.0.0/16", "size": 24 }'), '{\n  "default-address-pools": [ { "base": "10.201.0.0/16", "size": 24 } ]\n}');
    // Taken by the file's first pool, by bip, and by a live network: the next free /16s.
    assert.deepEqual(whole('{\n  "default-address-pools": [\n    { "base": "10.201.0.0/16", "size": 24 },\n    $0\n  ]\n}'), ['{ "base": "10.0.0.0/16", "size": 24 }']);
    assert.deepEqual(whole('{\n  "bip": "10.0.5.1/24",\n  "default-address-pools": [\n    { "base": "10.201.0.0/16", "size": 24 },\n    $0\n  ]\n}'), ['{ "base": "10.1.0.0/16", "size": 24 }']);
    assert.deepEqual(whole('{\n  "default-address-pools": [ $0 ]\n}', [live('lab', '10.201.3.0/24')]), ['{ "base": "10.0.0.0/16", "size": 24 }']);
  });

  it('the whole list as the value of "default-address-pools"', () => {
    const c = k.complete('{\n  "default-address-pools": $0\n}');
    assert.equal(c.apply('[{ "base": "10.201.0.0/16", "size": 24 }]'), '{\n  "default-address-pools": [{ "base": "10.201.0.0/16", "size": 24 }]\n}');
  });

  it('a ulimit whose Name is its key', () => {
    const c = k.complete('{\n  "default-ulimits": { "nproc": $0 }\n}');
    assert.equal(c.apply('{ "Name": "nproc", "Soft": 65536, "Hard": 65536 }'), '{\n  "default-ulimits": { "nproc": { "Name": "nproc", "Soft": 65536, "Hard": 65536 } }\n}');
    const snippet = c.items.find((i) => i.label.startsWith('{ "Name"'))!;
    assert.equal((snippet.textEdit as { newText: string }).newText, '{ "Name": "nproc", "Soft": ${1:65536}, "Hard": ${2:65536} }', 'the name is no tab stop');
  });

  it('a runtime, and the whole "runtimes" object', () => {
    assert.equal(k.complete('{\n  "runtimes": { "crun": $0 }\n}').apply('{ "path": "/usr/bin/crun" }'), '{\n  "runtimes": { "crun": { "path": "/usr/bin/crun" } }\n}');
    assert.deepEqual(whole('{\n  "runtimes": $0\n}'), ['{ "crun": { "path": "/usr/bin/crun" } }']);
  });

  it('log options of the file\'s logging driver only', () => {
    assert.deepEqual(whole('{\n  "log-opts": $0\n}'), ['{ "max-size": "10m", "max-file": "3" }']);
    assert.deepEqual(whole('{\n  "log-driver": "local",\n  "log-opts": $0\n}'), ['{ "max-size": "10m", "max-file": "3" }']);
    // syslog takes neither max-size nor max-file: no whole value rather than a wrong one.
    assert.deepEqual(whole('{\n  "log-driver": "syslog",\n  "log-opts": $0\n}'), []);
  });

  it('no whole value for scalars', () => {
    assert.deepEqual(whole('{\n  "mtu": $0\n}'), []);
    assert.deepEqual(whole('{\n  "dns": [ $0 ]\n}'), []);
  });
});
