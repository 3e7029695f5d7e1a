import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { joinContainers, parseContainer, parseEvent, parseNetwork, parseNetworkList, toLiveNetwork } from '../../../client/src/networks/networkRecords';
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
    });
  });
});
