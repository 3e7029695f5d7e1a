import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

/**
 * Hostile daemon.json files (#15): each case here once hung, crashed or corrupted the
 * text. The assertions are about what is reported, never about time.
 */
const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

describe('daemon.json under hostile input (#15)', () => {
  it('warns once per pool when many pools are the same, instead of once per pair', () => {
    const pools = (n: number) => `{"default-address-pools": [\n${Array.from({ length: n }, () => '{"base": "10.0.0.0/8", "size": 24}').join(',\n')}\n]}`;
    const lines = k.lines(pools(300));
    assert.equal(lines.length, 299);
    assert.equal(lines[0], '3: overlapping-pools: Pool 10.0.0.0/8 overlaps pool 10.0.0.0/8; networks could get clashing subnets.');
    assert.equal(lines[298], '301: overlapping-pools: Pool 10.0.0.0/8 overlaps pool 10.0.0.0/8 and 298 more earlier pools; networks could get clashing subnets.');
    // 50,000 identical pools drove the server's heap to 4 GB: now one warning each.
    assert.equal(k.problems(pools(50_000)).length, 49_999);
  });
});
