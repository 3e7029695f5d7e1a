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

describe('daemon.json nested very deep (#15)', () => {
  const deepObjects = (n: number) => `{\n"a": ${'{"b": '.repeat(n)}1${'}'.repeat(n)}\n}`;

  it('reports nesting beyond what dockerd decodes as one error, and answers every request', () => {
    const text = deepObjects(10_000);
    assert.deepEqual(k.lines(text), [
      '2: unknown-key: "b" (inside "a", which dockerd flattens into top-level keys) matches no dockerd option in Engine 29.7: dockerd refuses to start. Remove it or check the spelling (keys are case-sensitive).',
      "2: json-too-deep: This file nests 10,001 levels deep: dockerd's JSON decoder refuses more than 10,000 and dockerd does not start (values nested deeper than 1,000 levels are not checked).",
    ]);
    const middle = text.length >> 1;
    const at = `${text.slice(0, middle)}$0${text.slice(middle)}`;
    assert.doesNotThrow(() => k.complete(at));
    assert.doesNotThrow(() => k.hover(at));
    assert.ok(k.complete('{"deb$0": 1, "x": ' + '['.repeat(20_000)).labels.includes('debug'), 'completion still works above an unclosed deep value');
  });

  it('tells that deep values below dockerd\'s limit are not checked, and still checks the rest', () => {
    assert.deepEqual(k.lines(`{\n"mtu": "1500",\n"a": ${'['.repeat(3000)}${']'.repeat(3000)}\n}`), [
      '2: wrong-type: "mtu" must be a whole number, not a string: dockerd cannot decode it and refuses to start.',
      '3: unknown-key: Unknown key "a" matches no dockerd option in Engine 29.7: dockerd refuses to start. Remove it or check the spelling (keys are case-sensitive).',
      '3: json-too-deep: This file nests 3,001 levels deep; values nested deeper than 1,000 levels are not checked.',
    ]);
    // A quick fix still moves the user's own text, not the stand-in the parse used.
    const deep = `{"a": ${'['.repeat(1500)}"x"${']'.repeat(1500)}, "http-proxy": "http://p"}`;
    assert.equal(k.applyFix(deep, 'proxy-key-top-level'), deep.replace('"http-proxy": "http://p"', '"proxies": { "http-proxy": "http://p" }'));
  });
});
