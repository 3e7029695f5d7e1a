import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

describe('daemon.json value types', () => {
  it('refuses strings where Go decodes booleans and integers', () => {
    assert.deepEqual(k.lines('{\n  "ipv6": "true",\n  "mtu": "1500"\n}'), [
      '2: wrong-type: "ipv6" must be a boolean (true or false), not a string: dockerd cannot decode it and refuses to start.',
      '3: wrong-type: "mtu" must be a whole number, not a string: dockerd cannot decode it and refuses to start.',
    ]);
    assert.equal(k.applyFix('{"ipv6": "true"}', 'wrong-type'), '{"ipv6": true}');
    assert.equal(k.applyFix('{"mtu": "1500"}', 'wrong-type'), '{"mtu": 1500}');
  });

  it('refuses fractions for integers', () => {
    assert.deepEqual(k.codes('{"mtu": 1.5}'), ['1: wrong-type']);
    assert.deepEqual(k.codes('{"mtu": 1e3}'), ['1: wrong-type']);
  });

  it('wants every log-opts value as a string', () => {
    assert.deepEqual(k.lines('{"log-opts": {"max-file": 5}}'), ['1: wrong-type: "log-opts.max-file" must be a string, not a whole number: dockerd cannot decode it and refuses to start.']);
    assert.equal(k.applyFix('{"log-opts": {"max-file": 5}}', 'wrong-type'), '{"log-opts": {"max-file": "5"}}');
  });

  it('accepts null for any key', () => {
    assert.deepEqual(k.lines('{"debug": null, "labels": null, "log-opts": null, "mtu": null}'), []);
  });

  it('checks array items and nested objects', () => {
    assert.deepEqual(k.codes('{"dns": [1]}'), ['1: wrong-type']);
    assert.deepEqual(k.codes('{"features": {"cdi": "yes"}}'), ['1: wrong-type']);
    assert.deepEqual(k.codes('{"builder": {"gc": {"enabled": "x"}}}'), ['1: wrong-type']);
    assert.deepEqual(k.codes('{"default-address-pools": [{"base": "10.0.0.0/8", "size": "24"}]}'), ['1: wrong-type']);
  });

  it('warns about sub-keys dockerd ignores, matching Go field names case-insensitively', () => {
    assert.deepEqual(k.codes('{"builder": {"GC": {"Enabled": true}}}'), []);
    assert.deepEqual(k.codes('{"builder": {"gc": {"keepDuration": "48h"}}}'), ['1: unknown-sub-key']);
    assert.deepEqual(k.codes('{"runtimes": {"crun": {"path": "/usr/bin/crun", "runtimeArg": []}}}'), ['1: unknown-sub-key']);
  });
});
