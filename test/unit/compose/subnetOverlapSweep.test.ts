import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allSubnets } from '../../../server/src/modes/compose/networkAddressing';
import { subnetOverlap, withOverlap } from '../../../server/src/modes/compose/rules/subnetOverlap';
import { overlaps } from '../../../server/src/shared/cidr';
import type { ComposeModel } from '../../../server/src/modes/compose/model';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

/**
 * The overlap check sorts and sweeps instead of comparing every pair; it must report
 * exactly the pairs the pairwise comparison finds (for each subnet, the first
 * overlapping subnet of another network in file order).
 */

/** A file of networks whose subnets nest, repeat, touch and mix families; deterministic. */
function crowdedFile(): string {
  const blocks: string[][] = [
    ['10.0.0.0/8'],
    ['10.1.0.0/16', '10.1.0.0/16'],
    ['10.1.2.0/24', 'fd00::/64'],
    ['10.2.0.0/16'],
    ['10.2.255.0/24', '10.3.0.0/16'],
    ['172.16.0.0/12'],
    ['172.31.255.0/24'],
    ['192.168.0.0/24'],
    ['192.168.1.0/24'],
    ['fd00::/48'],
    ['fd00:0:0:1::/64', 'fd01::/64'],
    ['192.168.0.128/25', '10.4.0.0/16'],
  ];
  const lines = ['networks:'];
  blocks.forEach((subnets, i) => {
    lines.push(`  n${i}:`, '    driver: macvlan', '    ipam:', '      config:');
    for (const s of subnets) lines.push(`        - subnet: ${s}`);
  });
  return lines.join('\n') + '\n';
}

/** The pairwise reference: for each subnet in file order, its first partner of another network. */
function pairwise(model: ComposeModel): string[] {
  const subnets = allSubnets(model);
  const out: string[] = [];
  for (let i = 0; i < subnets.length; i++) {
    for (let j = 0; j < subnets.length; j++) {
      if (i === j || subnets[i].decl.key === subnets[j].decl.key || !overlaps(subnets[i].cidr, subnets[j].cidr)) continue;
      out.push(`${subnets[i].cidr.network} of ${subnets[i].decl.key} overlaps ${subnets[j].cidr.network} of ${subnets[j].decl.key}`);
      break;
    }
  }
  return out;
}

describe('subnet overlap sweep', () => {
  it('reports the same pairs as comparing every pair', () => {
    const { model } = k.parse(crowdedFile());
    const expected = pairwise(model);
    const got = subnetOverlap(model, modeContext()).map((p) => {
      const m = /Subnet (\S+) of network `([^`]+)` overlaps (\S+) of network `([^`]+)`/.exec(p.message)!;
      return `${m[1]} of ${m[2]} overlaps ${m[3]} of ${m[4]}`;
    });
    assert.deepEqual(got, expected);
    // The file is built to have overlaps and clean subnets both.
    assert.ok(expected.length >= 8 && expected.length < allSubnets(model).length, String(expected.length));
  });

  it('marks exactly the subnets that overlap one of another network', () => {
    const { model } = k.parse(crowdedFile());
    const subnets = allSubnets(model);
    const marks = withOverlap(subnets);
    const expected = subnets.map((a, i) => subnets.some((b, j) => i !== j && a.decl.key !== b.decl.key && overlaps(a.cidr, b.cidr)));
    assert.deepEqual(marks, expected);
    // Same network twice is no clash; 192.168.1.0/24 touches nothing.
    const keyed = subnets.map((s, i) => `${s.decl.key} ${s.cidr.network} ${marks[i]}`);
    assert.ok(keyed.includes('n8 192.168.1.0/24 false'));
    assert.ok(keyed.includes('n3 10.2.0.0/16 true'));
  });
});
