import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

describe('daemon.json strict JSON', () => {
  it('refuses comments of both kinds', () => {
    assert.deepEqual(k.lines('{\n  // debug on\n  "debug": true /* here */\n}'), [
      '2: json-comment: Comments are not allowed in daemon.json: dockerd reads strict JSON and refuses to start. Remove the comment.',
      '3: json-comment: Comments are not allowed in daemon.json: dockerd reads strict JSON and refuses to start. Remove the comment.',
    ]);
  });

  it('refuses trailing commas in objects and arrays', () => {
    assert.deepEqual(k.lines('{\n  "dns": ["1.1.1.1",],\n  "debug": true,\n}'), [
      '2: json-trailing-comma: Trailing comma: dockerd reads strict JSON and refuses to start. Remove this comma.',
      '3: json-trailing-comma: Trailing comma: dockerd reads strict JSON and refuses to start. Remove this comma.',
    ]);
  });

  it('refuses a hash comment as invalid JSON', () => {
    const out = k.lines('{\n  "debug": true # on\n}');
    assert.ok(out.length >= 1 && out.every((l) => l.startsWith('2: json-syntax: ')), out.join('\n'));
  });

  it('refuses a top-level value that is not an object', () => {
    assert.deepEqual(k.lines('["debug"]'), ['1: json-not-object: daemon.json must contain one JSON object ({ ... }); dockerd refuses any other top-level value.']);
  });

  it('refuses an empty file before Engine 23.0 only', () => {
    assert.deepEqual(k.lines('  \n', { engine: '20.10' }), ['1: json-empty: An empty daemon.json makes Engine 20.10 refuse to start (accepted from Engine 23.0). Write {} instead.']);
    assert.deepEqual(k.lines('  \n', { engine: '23.0' }), []);
  });

  it('refuses data after the object from 23.0, ignores it before', () => {
    assert.deepEqual(k.lines('{}\n{"debug": true}', { engine: '24.0' }), ['2: json-trailing-data: Data after the top-level object: Engine 24.0 refuses to start. Remove everything after the closing }.']);
    assert.deepEqual(k.lines('{}\n{"debug": true}', { engine: '20.10' }), [
      '2: json-trailing-data: Data after the top-level object is ignored by Engine 20.10 (and refused from Engine 23.0). Remove it.',
    ]);
  });

  it('accepts strict JSON silently', () => {
    assert.deepEqual(k.lines('{\n  "debug": true,\n  "labels": ["a=b"]\n}'), []);
  });

  it('warns about duplicate keys, on the earlier one (the last wins)', () => {
    assert.deepEqual(k.lines('{\n  "debug": true,\n  "debug": false\n}'), [
      '2: duplicate-key: Duplicate key "debug": dockerd uses only the last one and ignores this one. Remove one of them.',
    ]);
    assert.equal(k.applyFix('{\n  "debug": true,\n  "debug": false\n}', 'duplicate-key'), '{\n  "debug": false\n}');
    assert.deepEqual(k.lines('{"log-opts": {"max-size": "1m", "max-size": "2m"}}').map((l) => l.split(':')[1].trim()), ['duplicate-key']);
  });
});
