import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNetwork, type NetworkRecord } from '../../../client/src/networks/networkRecords';
import { crossEngineHtml, crossEngineOverlaps, renderCrossEngine } from '../../../client/src/networks/subnetMapAcross';

function net(id: string, name: string, subnet: string): NetworkRecord {
  return parseNetwork({ Id: id, Name: name, Driver: 'bridge', Scope: 'local', IPAM: { Driver: 'default', Config: [{ Subnet: subnet }] } })!;
}

describe('the subnet map across Engines (#22)', () => {
  const laptop = { engine: 'laptop', networks: [net('a1', 'bridge', '172.17.0.0/16'), net('a2', 'shop_default', '198.18.160.0/24'), net('ov', 'mesh', '198.18.170.0/24')] };
  const build = { engine: 'build', networks: [net('b1', 'bridge', '172.17.0.0/16'), net('b2', 'ci', '198.18.160.0/23'), net('ov', 'mesh', '198.18.170.0/24')] };

  it('finds a range used on two Engines, leaving out built-in networks and the same overlay seen from two nodes', () => {
    assert.deepEqual(crossEngineOverlaps([laptop, build]), [
      { engine: 'laptop', network: 'shop_default', subnet: '198.18.160.0/24', otherEngine: 'build', otherNetwork: 'ci', otherSubnet: '198.18.160.0/23' },
    ]);
    // Overlaps within one Engine are the per-Engine map's business, not this one's.
    assert.deepEqual(crossEngineOverlaps([{ engine: 'x', networks: [net('1', 'p', '198.18.1.0/24'), net('2', 'q', '198.18.1.0/25')] }]), []);
  });

  it('says it as a note, in Markdown and on the page, and nothing with one Engine', () => {
    const found = crossEngineOverlaps([laptop, build]);
    const md = renderCrossEngine(found, 2);
    assert.match(md, /^\n## Across Engines\n\nThese ranges are used on more than one Engine\./);
    assert.match(md, /- `198\.18\.160\.0\/24` \(network shop_default on laptop\) and `198\.18\.160\.0\/23` \(network ci on build\)\n$/);
    assert.equal(renderCrossEngine(found, 1), '');
    assert.match(renderCrossEngine([], 3), /No subnet of one Engine overlaps a subnet of another \(3 Engines compared\)\./);
    const html = crossEngineHtml([{ ...found[0], network: '<img src=x>' }], 2);
    assert.ok(html.includes('&#60;img src=x&#62;') && !html.includes('<img'), html);
  });
});
