import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderProperty } from '../../../server/src/modes/compose/composeSchema';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

describe('compose networks: completion', () => {
  it('offers network properties not yet written, with the hover docs', () => {
    const src = `networks:\n  front:\n    driver: bridge\n    $0\n`;
    const labels = k.complete(src).labels;
    assert.ok(labels.includes('ipam') && labels.includes('enable_ipv6') && labels.includes('external'));
    assert.ok(!labels.includes('driver'));
    const f = k.parse(src);
    const item = composeMode.complete!(f.document, f.position, f.model, modeContext()).items.find((i) => i.label === 'internal')!;
    assert.deepEqual(item.documentation, { kind: 'markdown', value: renderProperty('network', 'internal') });
    assert.equal(k.complete(`networks:\n  front:\n    int$0\n`).apply('internal'), `networks:\n  front:\n    internal: \n`);
    assert.equal(k.complete(`networks:\n  front:\n    ip$0\n`).apply('ipam'), `networks:\n  front:\n    ipam:\n      \n`);
  });

  it('offers ipam and ipam.config properties', () => {
    assert.deepEqual(k.complete(`networks:\n  n:\n    ipam:\n      $0\n`).labels.sort(), ['config', 'driver', 'options']);
    assert.deepEqual(k.complete(`networks:\n  n:\n    ipam:\n      config:\n        - $0\n`).labels.sort(), ['aux_addresses', 'gateway', 'ip_range', 'subnet']);
    assert.deepEqual(k.complete(`networks:\n  n:\n    ipam:\n      config:\n        - subnet: 10.0.0.0/24\n          $0\n`).labels.sort(), ['aux_addresses', 'gateway', 'ip_range', 'subnet']);
  });

  it('offers driver values and booleans', () => {
    assert.deepEqual(k.complete(`networks:\n  n:\n    driver: $0\n`).labels, ['bridge', 'overlay', 'macvlan', 'ipvlan', 'host', 'none']);
    assert.equal(k.complete(`networks:\n  n:\n    driver:$0\n`).apply('macvlan'), `networks:\n  n:\n    driver: macvlan\n`);
    assert.equal(k.complete(`networks:\n  n:\n    driver: mac$0vlan\n`).apply('ipvlan'), `networks:\n  n:\n    driver: ipvlan\n`);
    assert.deepEqual(k.complete(`networks:\n  n:\n    internal: $0\n`).labels, ['true', 'false']);
  });

  it('offers declared network names under a service, in map and list form', () => {
    const decls = `networks:\n  front:\n  back:\n    external: true\n`;
    assert.deepEqual(k.complete(`services:\n  web:\n    networks:\n      front:\n      $0\n${decls}`).labels, ['back', 'default']);
    assert.equal(
      k.complete(`services:\n  web:\n    networks:\n      - fr$0\n${decls}`).apply('front'),
      `services:\n  web:\n    networks:\n      - front\n${decls}`,
    );
    assert.equal(
      k.complete(`services:\n  web:\n    networks:\n      $0\n${decls}`).apply('back'),
      `services:\n  web:\n    networks:\n      back:\n        \n${decls}`,
    );
  });

  it('offers attachment properties and a free static address', () => {
    const src = `services:\n  web:\n    networks:\n      front:\n        $0\nnetworks:\n  front:\n`;
    assert.ok(k.complete(src).labels.includes('ipv4_address') && k.complete(src).labels.includes('interface_name'));
    const free = `services:
  db:
    networks:
      front:
        ipv4_address: 172.28.0.2
  web:
    networks:
      front:
        ipv4_address: $0
networks:
  front:
    ipam:
      config:
        - subnet: 172.28.0.0/16
`;
    assert.deepEqual(k.complete(free).labels, ['172.28.0.3']);
  });

  it('offers network_mode values with service:NAME for the other services', () => {
    const src = `services:\n  db:\n    image: x\n  web:\n    network_mode: $0\n`;
    assert.deepEqual(k.complete(src).labels, ['bridge', 'host', 'none', 'service:db', 'container:']);
    assert.equal(k.complete(`services:\n  db: {}\n  web:\n    network_mode: serv$0\n`).apply('service:db'), `services:\n  db: {}\n  web:\n    network_mode: service:db\n`);
  });

  it('offers only the network keys at the service level, and nothing elsewhere', () => {
    assert.deepEqual(k.complete(`services:\n  web:\n    image: x\n    $0\n`).labels, ['networks', 'network_mode']);
    assert.deepEqual(k.complete(`services:\n  web:\n    network_mode: host\n    $0\n`).labels, []);
    assert.deepEqual(k.complete(`services:\n  web:\n    environment:\n      $0\n`).labels, []);
    assert.deepEqual(k.complete(`volumes:\n  data:\n    $0\n`).labels, []);
    assert.deepEqual(k.complete(`# networks: $0\n`).labels, []);
  });

  it('proposes a free subnet in ipam.config that overlaps no other subnet', () => {
    const src = `networks:
  a:
    ipam:
      config:
        - subnet: 172.18.0.0/24
  b:
    ipam:
      config:
        - subnet: $0
`;
    assert.deepEqual(k.complete(src).labels, ['172.18.1.0/24']);
  });

  it('offers the network snippets under the top-level networks, with a free subnet filled in', () => {
    const src = `services:\n  web: {}\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/24\n  $0\n`;
    const labels = k.complete(src).labels;
    assert.ok(labels.includes('Bridge network with a subnet') && labels.includes('External network'));
    // A snippet: the name and the free subnet are tab stops (the kit applies their defaults below).
    const item = k.complete(src).items.find((i) => i.label === 'Bridge network with a subnet')!;
    assert.match((item.textEdit as { newText: string }).newText, /\$\{1:backend\}:[^]*subnet: \$\{2:172\.18\.1\.0\/24\}/);
    assert.equal(
      k.complete(src).apply('Bridge network with a subnet'),
      `services:\n  web: {}\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/24\n  backend:\n    driver: bridge\n    ipam:\n      config:\n        - subnet: 172.18.1.0/24\n`,
    );
    assert.deepEqual(k.complete(`services:\n  web:\n    $0\n`).labels.filter((l) => l.includes(' ')), []);
  });

  it('works inside anchors, after document separators and in a long file', () => {
    assert.deepEqual(k.complete(`services: {}\n---\nnetworks:\n  n:\n    driver: b$0\n`).labels[0], 'bridge');
    const big = 'services:\n' + Array.from({ length: 2000 }, (_, i) => `  s${i}:\n    image: x\n    networks: [n]\n`).join('') + 'networks:\n  n:\n    $0\n';
    assert.ok(k.complete(big).labels.includes('driver'));
  });
});

describe('compose networks: completion from context', () => {
  it('completes network names in a flow list', () => {
    assert.equal(
      k.complete(`services:\n  web:\n    networks: [front, ba$0]\nnetworks:\n  front:\n  back:\n`).apply('back'),
      `services:\n  web:\n    networks: [front, back]\nnetworks:\n  front:\n  back:\n`,
    );
  });

  it('offers the live networks of the Engine as names of an external network', () => {
    const f = k.parse(`networks:\n  shared:\n    external: true\n    name: $0\n`);
    const live = [{ id: '1', name: 'proxy-net', driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet: '172.20.0.0/16' }], labels: {} }];
    const items = composeMode.complete!(f.document, f.position, f.model, modeContext({ liveNetworks: live })).items;
    assert.deepEqual(items.map((i) => `${i.label} (${i.detail})`), ['proxy-net (bridge 172.20.0.0/16)']);
  });
});

describe('compose networks: completion in flow collections', () => {
  const decls = `networks:\n  front:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n  back:\n`;

  it('offers network names as keys of a flow map and items of a flow list, skipping joined ones', () => {
    assert.deepEqual(k.complete(`services:\n  web:\n    networks: { front: {}, $0 }\n${decls}`).labels, ['back', 'default']);
    assert.deepEqual(k.complete(`services:\n  web:\n    networks: [front, $0]\n${decls}`).labels, ['back', 'default']);
    assert.equal(
      k.complete(`services:\n  web:\n    networks: { fr$0 }\n${decls}`).apply('front'),
      `services:\n  web:\n    networks: { front }\n${decls}`,
    );
    assert.equal(
      k.complete(`services:\n  web:\n    networks: {ba$0: {}}\n${decls}`).apply('back'),
      `services:\n  web:\n    networks: {back: {}}\n${decls}`,
    );
  });

  it('offers attachment properties and values inside a nested flow map', () => {
    const labels = k.complete(`services:\n  web:\n    networks: { front: { $0 } }\n${decls}`).labels;
    assert.ok(labels.includes('ipv4_address') && labels.includes('aliases'));
    assert.equal(
      k.complete(`services:\n  web:\n    networks: { front: { ali$0 } }\n${decls}`).apply('aliases'),
      `services:\n  web:\n    networks: { front: { aliases:  } }\n${decls}`,
    );
    assert.equal(
      k.complete(`services:\n  web:\n    networks: { front: { ipv4_address:$0 } }\n${decls}`).apply('172.28.0.2'),
      `services:\n  web:\n    networks: { front: { ipv4_address: 172.28.0.2 } }\n${decls}`,
    );
    assert.deepEqual(k.complete(`services:\n  web: { image: x, network_mode: $0 }\n  db: {}\n`).labels, ['bridge', 'host', 'none', 'service:db', 'container:']);
  });

  it('works in flow-style network definitions and ipam.config items', () => {
    assert.equal(k.complete(`networks: { n: { driver: mac$0 } }\n`).apply('macvlan'), `networks: { n: { driver: macvlan } }\n`);
    assert.deepEqual(k.complete(`networks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/24\n  n:\n    ipam: { config: [ { subnet: $0 } ] }\n`).labels, ['172.18.1.0/24']);
    assert.equal(
      k.complete(`networks:\n  n:\n    ipam:\n      config:\n        - { subnet: 172.29.0.0/16, gat$0 }\n`).apply('gateway'),
      `networks:\n  n:\n    ipam:\n      config:\n        - { subnet: 172.29.0.0/16, gateway:  }\n`,
    );
    assert.ok(k.complete(`networks:\n  n: { $0 }\n`).labels.includes('ipam'));
  });

  it('offers nothing after a closed collection, in quoted text or outside the network parts', () => {
    assert.deepEqual(k.complete(`services:\n  web:\n    networks: [front]$0\n${decls}`).labels, []);
    assert.deepEqual(k.complete(`services:\n  web:\n    networks: { front: { aliases: ["a, b$0"] } }\n${decls}`).labels, []);
    assert.deepEqual(k.complete(`services:\n  web:\n    environment: { A: $0 }\n`).labels, []);
    assert.deepEqual(k.complete(`services:\n  web:\n    networks: { front: { aliases: [$0] } }\n${decls}`).labels, []);
  });
});
