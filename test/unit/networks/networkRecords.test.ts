import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { attachContainers, joinContainers, parseContainer, parseContainerList, parseEvent, parseNetwork, parseNetworkList, toLiveNetwork, type NetworkRecord } from '../../../client/src/networks/networkRecords';
import { fixture, fixtureText } from '../engine/replayEngine';

const VERSIONS = ['1.41', '1.44', '1.52'];

describe('tolerant network records', () => {
  for (const v of VERSIONS) {
    it(`parses the API ${v} network list and inspect records`, () => {
      const list = parseNetworkList(fixture(v, 'networks.json'));
      assert.deepEqual(list.map((n) => n.name).sort(), ['bridge', 'dn-fixture-app', 'dn-fixture-internal', 'host', 'none']);
      const app = parseNetwork(fixture(v, 'network-app.json'))!;
      assert.equal(app.driver, 'bridge');
      assert.equal(app.scope, 'local');
      assert.equal(app.attachable, true);
      assert.equal(app.enableIPv6, true);
      assert.equal(app.enableIPv4, true);
      assert.deepEqual(app.ipam.config.map((c) => [c.subnet, c.gateway, c.ipRange]), [
        ['198.18.200.0/24', '198.18.200.1', '198.18.200.128/25'],
        ['fd00:d0c::/64', 'fd00:d0c::1', undefined],
      ]);
      assert.equal(app.options['com.docker.network.bridge.name'], 'dnfix0');
      assert.equal(app.labels['com.docker.compose.project'], 'shop');
      assert.deepEqual(app.containers.map((c) => [c.name, c.ipv4Address, c.ipv6Address]), [['dn-fixture-web', '198.18.200.10/24', 'fd00:d0c::10/64']]);
      const internal = parseNetwork(fixture(v, 'network-internal.json'))!;
      assert.equal(internal.internal, true);
      const none = parseNetwork(fixture(v, 'network-none.json'))!;
      assert.equal(none.driver, 'null');
      assert.deepEqual(none.ipam.config, []);
    });

    it(`joins API ${v} container records for aliases, without the short ID`, () => {
      const web = parseContainer(fixture(v, 'container-web.json'))!;
      assert.equal(web.name, 'dn-fixture-web');
      assert.equal(web.networks['dn-fixture-app'].staticIpv4, '198.18.200.10');
      const [app] = joinContainers([parseNetwork(fixture(v, 'network-app.json'))!], [web]);
      assert.deepEqual(app.containers[0].aliases, ['web', 'frontend']);
      assert.ok(app.containers[0].macAddress);
    });
  }

  it('reads the 1.52 additions (Status.IPAM.Subnets, EnableIPv4) and ignores unknown fields', () => {
    const app = parseNetwork(fixture('1.52', 'network-app.json'))!;
    assert.deepEqual(app.subnetStatus['198.18.200.0/24'], { ipsInUse: 4, dynamicIpsAvailable: 125 });
    assert.equal(parseNetwork({ Id: 'x', Name: 'v4less', EnableIPv4: false })!.enableIPv4, false);
    const web = parseContainer(fixture('1.52', 'container-web.json'))!;
    assert.ok(web.networks['dn-fixture-app'].dnsNames.includes('dn-fixture-web'));
  });

  it('survives nulls, missing fields and wrong types', () => {
    const n = parseNetwork({ Id: 'abc', Name: null, Driver: 7, IPAM: { Config: null, Options: null }, Labels: null, Options: { ok: 'yes', bad: 1 }, Containers: { c1: null, c2: { Name: 'x', IPv4Address: '' } }, Internal: 'true', Future: { deep: [1] } })!;
    assert.equal(n.name, 'abc');
    assert.equal(n.driver, 'unknown');
    assert.equal(n.internal, false);
    assert.deepEqual(n.ipam.config, []);
    assert.deepEqual(n.labels, {});
    assert.deepEqual(n.options, { ok: 'yes' });
    assert.deepEqual(n.containers.map((c) => [c.name, c.ipv4Address]), [['x', undefined]]);
    assert.equal(parseNetwork({ Name: 'no id' }), undefined);
    assert.equal(parseNetwork(null), undefined);
    assert.deepEqual(parseNetworkList({ not: 'a list' }), []);
    assert.deepEqual(parseNetworkList([null, 1, { Id: 'a' }]).map((x) => x.id), ['a']);
  });

  for (const v of VERSIONS) {
    it(`API ${v}: the two lists joined give what inspecting every network and container gave (#19)`, () => {
      const names = ['app', 'bridge', 'host', 'internal', 'none'];
      const inspected = joinContainers(
        names.map((n) => parseNetwork(fixture(v, `network-${n}.json`))!),
        [parseContainer(fixture(v, 'container-web.json'))!],
      );
      // Aliases and DNS names come from the container's own record (not in the list).
      const joined = joinContainers(attachContainers(parseNetworkList(fixture(v, 'networks.json')), parseContainerList(fixture(v, 'containers.json'))), [parseContainer(fixture(v, 'container-web.json'))!]);
      // Subnet usage (API 1.52) is in network inspect only; the view shows it when present.
      const comparable = (list: NetworkRecord[]): unknown => list.map((n) => ({ ...n, subnetStatus: {} })).sort((a, b) => a.name.localeCompare(b.name));
      assert.deepEqual(comparable(joined), comparable(inspected));
      const app = joined.find((n) => n.name === 'dn-fixture-app')!;
      assert.deepEqual(app.containers.map((c) => [c.name, c.aliases, c.ipv4Address]), [['dn-fixture-web', ['web', 'frontend'], '198.18.200.10/24']]);
    });
  }

  it('a container that is not running (no endpoint ID) is on no network; one on two networks is on both', () => {
    const network = (id: string, name: string): unknown => ({ Id: id, Name: name, Driver: 'bridge', Containers: {} });
    const container = (id: string, name: string, endpoint: string, nets: string[]): unknown => ({
      Id: id,
      Names: [`/${name}`],
      NetworkSettings: { Networks: Object.fromEntries(nets.map((n) => [n, { NetworkID: `id-${n}`, EndpointID: endpoint, IPAddress: endpoint ? '198.18.1.2' : '', IPPrefixLen: 24, Aliases: null }])) },
    });
    const joined = attachContainers(parseNetworkList([network('id-a', 'a'), network('id-b', 'b')]), parseContainerList([container('c1', 'up', 'e1', ['a', 'b']), container('c2', 'exited', '', ['a'])]));
    assert.deepEqual(
      joined.map((n) => [n.name, n.containers.map((c) => [c.name, c.ipv4Address])]),
      [
        ['a', [['up', '198.18.1.2/24']]],
        ['b', [['up', '198.18.1.2/24']]],
      ],
    );
  });

  it('matches an endpoint listed as "ep-<endpoint id>" to its container by name', () => {
    const raw = fixture('1.41', 'network-app.json') as { Containers: Record<string, unknown> };
    const [id, entry] = Object.entries(raw.Containers)[0];
    const transitional = { ...raw, Containers: { [`ep-${'0'.repeat(64)}`]: entry } };
    const web = parseContainer(fixture('1.41', 'container-web.json'))!;
    assert.equal(web.id, id);
    const [app] = joinContainers([parseNetwork(transitional)!], [web]);
    assert.deepEqual(app.containers.map((c) => [c.name, c.aliases]), [['dn-fixture-web', ['web', 'frontend']]]);
  });

  it('parses the recorded event stream, old and new container event forms', () => {
    const events = fixtureText('1.41', 'events.jsonl').trim().split('\n').map((l) => parseEvent(JSON.parse(l)));
    assert.deepEqual(events.map((e) => `${e?.type} ${e?.action}`), [
      'network create', 'network create', 'container create', 'network connect', 'container start',
      'network connect', 'network disconnect', 'network disconnect', 'network connect', 'container kill',
    ]);
    assert.equal(events[0]?.attributes.name, 'dn-fixture-internal');
    assert.deepEqual(parseEvent({ status: 'die', id: 'abc', from: 'img' }), { type: 'container', action: 'die', actorId: 'abc', attributes: {}, scope: undefined, timeNano: undefined });
    assert.equal(parseEvent({ nothing: true }), undefined);
  });

  it('projects a record for the language server', () => {
    assert.deepEqual(toLiveNetwork(parseNetwork(fixture('1.41', 'network-app.json'))!), {
      id: (fixture('1.41', 'network-app.json') as { Id: string }).Id,
      name: 'dn-fixture-app',
      driver: 'bridge',
      scope: 'local',
      internal: false,
      enableIPv6: true,
      subnets: [
        { subnet: '198.18.200.0/24', gateway: '198.18.200.1', ipRange: '198.18.200.128/25' },
        { subnet: 'fd00:d0c::/64', gateway: 'fd00:d0c::1' },
      ],
      labels: { 'com.docker.compose.network': 'app', 'com.docker.compose.project': 'shop', 'dev.docker-networking.test': 'fixture-recording' },
      containers: [{ name: 'dn-fixture-web', ipv4Address: '198.18.200.10/24', ipv6Address: 'fd00:d0c::10/64' }],
    });
  });
});
