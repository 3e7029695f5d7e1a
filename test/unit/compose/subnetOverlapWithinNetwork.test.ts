import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

/** One network `n` of the given driver with the given ipam.config items. */
const net = (config: string, driver = 'macvlan'): string => `services:
  web:
    networks: [n]
networks:
  n:
    driver: ${driver}
    ipam:
      config:
${config}`;

describe('compose networks: overlapping subnets within one network', () => {
  it('reports a later entry overlapping an earlier one, on its subnet value only', () => {
    const src = net(`        - subnet: 198.18.4.0/24
        - subnet: $0198.18.4.0/25$0
`);
    const f = k.parse(src);
    const diags = k.diagnostics(src).filter((d) => d.code === 'subnet-overlap-same-network');
    assert.equal(diags.length, 1);
    assert.deepEqual(diags[0].range, f.range);
    assert.equal(diags[0].severity, 1);
    assert.equal(diags[0].source, 'docker-networking');
    assert.deepEqual(k.lines(src.replace(/\$0/g, '')), [
      '10: subnet-overlap-same-network: Subnet 198.18.4.0/25 overlaps 198.18.4.0/24, an earlier ipam.config entry of network `n`; the Engine refuses the network. Remove this entry or use a block that overlaps nothing, such as 172.18.0.0/25.',
    ]);
  });

  it('reports identical subnets and overlapping IPv6 blocks, not disjoint ones or other families', () => {
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/24\n        - subnet: 198.18.4.0/24\n`)), ['10: subnet-overlap-same-network']);
    assert.deepEqual(k.codes(net(`        - subnet: fd00:1::/48\n        - subnet: fd00:1:0:1::/64\n`, 'ipvlan')), ['10: subnet-overlap-same-network']);
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/25\n        - subnet: 198.18.4.128/25\n        - subnet: fd00:1::/64\n`)), []);
  });

  it('follows the Engine: an entry with ip_range is a sub-pool, so order matters', () => {
    // Verified on Engine 20.10 with macvlan: master then sub-pool is accepted,
    // sub-pool then master is refused, the same subnet+ip_range twice is refused.
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/24\n        - subnet: 198.18.4.0/24\n          ip_range: 198.18.4.0/26\n`)), []);
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/24\n          ip_range: 198.18.4.0/26\n        - subnet: 198.18.4.0/24\n`)), ['11: subnet-overlap-same-network']);
    assert.deepEqual(
      k.codes(net(`        - subnet: 198.18.4.0/24\n          ip_range: 198.18.4.0/26\n        - subnet: 198.18.4.0/24\n          ip_range: 198.18.4.0/26\n`)),
      ['11: subnet-overlap-same-network'],
    );
    assert.deepEqual(
      k.codes(net(`        - subnet: 198.18.4.0/24\n          ip_range: 198.18.4.0/26\n        - subnet: 198.18.4.0/24\n          ip_range: 198.18.4.64/26\n`)),
      [],
    );
  });

  it('reports the overlap instead of bridge-multiple-subnets on a bridge (IPAM refuses first)', () => {
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/24\n        - subnet: 198.18.4.0/25\n`, 'bridge')), ['10: subnet-overlap-same-network']);
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/25\n        - subnet: 198.18.4.128/25\n`, 'bridge')), ['10: bridge-multiple-subnets']);
  });

  it('stays silent on environment-dependent entries and external networks', () => {
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/24\n        - subnet: \${SUB}\n`)), []);
    assert.deepEqual(k.codes(net(`        - subnet: 198.18.4.0/24\n          ip_range: \${RANGE}\n        - subnet: 198.18.4.0/24\n          ip_range: 198.18.4.0/26\n`)), []);
    assert.deepEqual(k.codes(net(`        - subnet: \${SUB:-198.18.4.0/24}\n        - subnet: 198.18.4.0/25\n`)), ['10: subnet-overlap-same-network']);
  });

  it('offers the free subnet as a quick fix', () => {
    const src = net(`        - subnet: 198.18.4.0/24\n        - subnet: 198.18.4.0/25\n`);
    assert.deepEqual(k.fixTitles(src, 'subnet-overlap-same-network'), ['Use the free subnet 172.18.0.0/25']);
    assert.equal(k.applyFix(src, 'subnet-overlap-same-network'), src.replace('198.18.4.0/25', '172.18.0.0/25'));
  });
});
