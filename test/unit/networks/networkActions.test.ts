import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createRequestBody,
  defaultGateway,
  parseLabels,
  proposeSubnet,
  validateGateway,
  validateNetworkName,
  validateStaticAddress,
  validateSubnet,
} from '../../../client/src/networks/networkActions';
import { parseNetwork, type NetworkRecord } from '../../../client/src/networks/networkRecords';
import { buildSubnetMap, renderSubnetMap } from '../../../client/src/networks/subnetMap';
import { fixture } from '../engine/replayEngine';

function net(name: string, ...subnets: string[]): NetworkRecord {
  return parseNetwork({ Id: `id-${name}`, Name: name, Driver: 'bridge', IPAM: { Config: subnets.map((s) => ({ Subnet: s })) } })!;
}

const recorded = (): NetworkRecord[] => ['app', 'internal', 'bridge', 'host', 'none'].map((n) => parseNetwork(fixture('1.41', `network-${n}.json`))!);

describe('Create network input', () => {
  it('proposes the first free /24 that overlaps no network', () => {
    assert.equal(proposeSubnet([]), '172.16.0.0/24');
    assert.equal(proposeSubnet([net('a', '172.16.0.0/24'), net('b', '172.16.1.0/24'), net('c', '172.16.2.0/23')]), '172.16.4.0/24');
    // docker0's 172.17.0.0/16 is skipped as a whole.
    assert.equal(proposeSubnet([net('bridge', '172.17.0.0/16'), net('x', '172.16.0.0/16')]), '172.18.0.0/24');
    assert.equal(proposeSubnet([net('all', '172.16.0.0/12')]), '192.168.0.0/24');
  });

  it('refuses a name in use, an overlapping subnet, host bits and a gateway outside', () => {
    const nets = recorded();
    assert.match(validateNetworkName('dn-fixture-app', nets) ?? '', /already exists/);
    assert.match(validateNetworkName('  ', nets) ?? '', /Enter a name/);
    assert.equal(validateNetworkName('fresh', nets), undefined);
    assert.match(validateSubnet('198.18.200.128/25', nets).error ?? '', /overlaps the subnet of network "dn-fixture-app"/);
    assert.match(validateSubnet('198.18.202.1/24', nets).error ?? '', /host bits set: use 198\.18\.202\.0\/24/);
    assert.match(validateSubnet('198.18.300.0/24', nets).error ?? '', /is not a subnet/);
    const ok = validateSubnet('198.18.202.0/24', nets);
    assert.equal(ok.error, undefined);
    assert.equal(validateGateway('198.18.202.1', ok.cidr), undefined);
    assert.match(validateGateway('198.18.203.1', ok.cidr) ?? '', /outside 198\.18\.202\.0\/24/);
    assert.equal(defaultGateway('198.18.202.0/24'), '198.18.202.1');
  });

  it('checks a static address against the network\'s subnets', () => {
    const app = recorded()[0];
    assert.equal(validateStaticAddress('198.18.200.20', app), undefined);
    assert.equal(validateStaticAddress('fd00:d0c::20', app), undefined);
    assert.match(validateStaticAddress('198.18.199.1', app) ?? '', /outside 198\.18\.200\.0\/24/);
    assert.match(validateStaticAddress('10.0.0.1', net('auto')) ?? '', /no IPv4 subnet configured/);
  });

  it('parses labels and builds the request body', () => {
    assert.deepEqual(parseLabels('a=b, team = net ,flag'), { labels: { a: 'b', team: 'net', flag: '' } });
    assert.ok('error' in parseLabels('=x'));
    assert.deepEqual(createRequestBody({ name: 'n1', driver: 'bridge', subnet: '198.18.202.0/24', gateway: '198.18.202.1', internal: true, labels: { a: 'b' } }), {
      Name: 'n1',
      Driver: 'bridge',
      CheckDuplicate: true,
      Internal: true,
      Attachable: false,
      Labels: { a: 'b' },
      Options: {},
      IPAM: { Driver: 'default', Config: [{ Subnet: '198.18.202.0/24', Gateway: '198.18.202.1' }] },
    });
  });
});

describe('subnet map', () => {
  it('lists every subnet sorted by family and address, flagging overlaps', () => {
    const entries = buildSubnetMap([...recorded(), net('clash', '198.18.200.128/26'), net('wide', '10.0.0.0/8')]);
    assert.deepEqual(entries.map((e) => `${e.subnet} ${e.networkName} ${e.overlapsWith.join('+')}`), [
      '10.0.0.0/8 wide ',
      '172.17.0.0/16 bridge ',
      '198.18.200.0/24 dn-fixture-app clash',
      '198.18.200.128/26 clash dn-fixture-app',
      '198.18.201.0/24 dn-fixture-internal ',
      'fd00:d0c::/64 dn-fixture-app ',
    ]);
    const md = renderSubnetMap(entries, 'unix:///var/run/docker.sock');
    assert.match(md, /\*\*2 subnets overlap another network's\.\*\*/);
    assert.match(md, /\| `198\.18\.200\.128\/26` \| clash \| bridge \|  \| ⚠ dn-fixture-app \|/);
    assert.match(md, /## IPv6/);
    assert.match(renderSubnetMap(buildSubnetMap([net('a', '10.1.0.0/16')]), 'h'), /No two networks overlap/);
  });
});
