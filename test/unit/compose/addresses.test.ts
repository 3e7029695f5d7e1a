import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

const net = (config: string, extra = ''): string => `services:
  web:
    networks: [n]
networks:
  n:${extra}
    ipam:
      config:
${config}`;

describe('compose networks: address rules', () => {
  it('reports invalid CIDR and IP text, checking interpolation defaults only', () => {
    assert.deepEqual(
      k.lines(net(`        - subnet: 172.28.0.0/33
          gateway: 172.28.0.256
          aux_addresses:
            r: 172.28.0.01
        - subnet: \${SUBNET:-fd00::/129}
        - subnet: \${SUBNET}
          gateway: \${GW:?set GW}
`)),
      [
        '8: invalid-cidr: `subnet` is not a CIDR block. Write an address and a prefix length, like `172.28.0.0/16`.',
        '9: invalid-ip: `gateway` is not an IP address. Write one address without a prefix, like `172.28.0.1`.',
        '11: invalid-ip: Auxiliary address `r` is not an IP address. Write one address, like `172.28.1.5`.',
        '12: invalid-cidr: `subnet` (the default "fd00::/129") is not a CIDR block. Write an address and a prefix length, like `172.28.0.0/16`.',
      ],
    );
  });

  it('reports host bits as an error on Engine 25.0+ and a warning before', () => {
    const src = net(`        - subnet: 172.28.0.1/16\n`);
    assert.deepEqual(k.lines(src, { engine: '29.7' }), ['8: subnet-host-bits: `subnet` 172.28.0.1/16 has host bits set; the Engine refuses it. Write `172.28.0.0/16`.']);
    assert.deepEqual(k.lines(src, { engine: '20.10' }), ['8: subnet-host-bits: `subnet` 172.28.0.1/16 has host bits set; newer Engines refuse it. Write `172.28.0.0/16`.']);
    assert.deepEqual(k.codes(net(`        - subnet: 172.28.0.0/16\n          ip_range: 172.28.0.5/24\n`), { engine: '25.0' }), ['9: ip-range-host-bits']);
  });

  it('reports gateway, ip_range and aux addresses outside their subnet', () => {
    const src = net(`        - subnet: 172.28.0.0/16
          gateway: 172.29.0.1
          ip_range: 172.30.0.0/24
          aux_addresses:
            router: 10.0.0.1
        - subnet: fd00:1::/64
          ip_range: fd00::/48
          gateway: fd00:1::1
`);
    assert.deepEqual(k.codes(src), ['9: gateway-outside-subnet', '10: ip-range-outside-subnet', '12: aux-address-outside-subnet', '14: ip-range-too-large']);
    assert.match(k.lines(src, { engine: '20.10' })[1], /^10: ip-range-outside-subnet: .*Engine 25.0 and later refuse it/);
    assert.equal(k.lines(src)[0], '9: gateway-outside-subnet: Gateway 172.29.0.1 is outside subnet 172.28.0.0/16. Use an address inside it, like 172.28.0.1.');
  });

  it('reports a gateway on the network or broadcast address', () => {
    assert.deepEqual(k.codes(net(`        - subnet: 172.28.0.0/24\n          gateway: 172.28.0.255\n`)), ['9: gateway-reserved']);
  });

  it('offers the suggested gateway as a fix, except for a value from a variable default or a subnet without host addresses', () => {
    assert.equal(
      k.applyFix(net(`        - subnet: 172.28.0.0/24\n        - subnet: 172.29.0.0/24\n          gateway: 172.30.0.1 # ours\n`), 'gateway-outside-subnet', 'Use gateway 172.29.0.1'),
      net(`        - subnet: 172.28.0.0/24\n        - subnet: 172.29.0.0/24\n          gateway: 172.29.0.1 # ours\n`),
    );
    assert.equal(k.applyFix(net(`        - subnet: 172.28.0.0/24\n          gateway: "172.28.0.0"\n`), 'gateway-reserved'), net(`        - subnet: 172.28.0.0/24\n          gateway: 172.28.0.1\n`));
    assert.deepEqual(k.diagnostics(net(`        - subnet: 172.28.0.0/24\n          gateway: \${GW:-172.29.0.1}\n`)).map((d) => [d.code, (d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0]), [['gateway-outside-subnet', 0]]);
    assert.deepEqual(k.diagnostics(net(`        - subnet: 172.28.0.7/32\n          gateway: 172.28.0.9\n`)).map((d) => [d.code, (d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0]), [['gateway-outside-subnet', 0]]);
  });

  it('reports overlapping subnets of two networks with a free alternative', () => {
    const lines = k.lines(`services:
  web:
    networks: [a, b, c]
networks:
  a:
    ipam:
      config:
        - subnet: 172.18.0.0/16
  b:
    ipam:
      config:
        - subnet: 172.18.5.0/24
  c:
    ipam:
      config:
        - subnet: 172.20.0.0/16
`);
    assert.deepEqual(lines, [
      '8: subnet-overlap: Subnet 172.18.0.0/16 of network `a` overlaps 172.18.5.0/24 of network `b`; the Engine refuses the second one. Pick a free block such as 172.19.0.0/16.',
      '12: subnet-overlap: Subnet 172.18.5.0/24 of network `b` overlaps 172.18.0.0/16 of network `a`; the Engine refuses the second one. Pick a free block such as 172.19.0.0/24.',
    ]);
  });

  it('warns when a subnet overlaps a live network of the connected Engine, but not the network itself', () => {
    const src = net(`        - subnet: 172.28.0.0/16\n`);
    const live = (name: string) => [{ id: 'x', name, driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet: '172.28.0.0/20' }], labels: {} }];
    assert.deepEqual(k.codes(src, { liveNetworks: live('other') }), ['8: subnet-overlaps-live-network']);
    assert.deepEqual(k.codes(src, { liveNetworks: live('app_n') }), []);
  });

  it('refuses two IPv4 subnets on a bridge network', () => {
    assert.deepEqual(k.codes(net(`        - subnet: 172.28.0.0/16\n        - subnet: 172.29.0.0/16\n        - subnet: fd00::/64\n`)), ['9: bridge-multiple-subnets']);
    assert.deepEqual(k.codes(net(`        - subnet: 172.28.0.0/16\n        - subnet: 172.29.0.0/16\n`, '\n    driver: macvlan')), []);
  });

  it('checks static addresses against the subnets, the gateway and each other', () => {
    const src = `services:
  a:
    networks:
      n:
        ipv4_address: 172.28.0.10
        ipv6_address: fd00::10
      m:
        ipv4_address: 10.9.0.5
  b:
    networks:
      n:
        ipv4_address: 172.28.0.10
  c:
    networks:
      n:
        ipv4_address: 172.28.0.1
      v6:
        ipv6_address: fd00:6::5
  d:
    networks:
      n:
        ipv4_address: 172.29.0.1
      v6:
        ipv6_address: fd00:7::5
        mac_address: 02:42:ac:11:00:0g
networks:
  n:
    ipam:
      config:
        - subnet: 172.28.0.0/16
  m:
  v6:
    enable_ipv6: true
    ipam:
      config:
        - subnet: fd00:6::/64
`;
    assert.deepEqual(k.codes(src, { engine: '29.0' }), [
      '5: duplicate-static-ip',
      '6: ipv6-not-enabled',
      '8: static-ip-no-subnet',
      '12: duplicate-static-ip',
      '16: static-ip-is-gateway',
      '22: static-ip-outside-subnet',
      '24: static-ip-outside-subnet',
      '25: invalid-mac',
    ]);
    // From 29.1 an address on a network without configured subnet is the Engine's business.
    assert.ok(!k.codes(src, { engine: '29.1' }).includes('8: static-ip-no-subnet'));
  });

  it('reports invalid static address text and link-local IPs', () => {
    assert.deepEqual(
      k.lines(`services:
  a:
    networks:
      n:
        ipv4_address: 172.28.0.10/16
        ipv6_address: 172.28.0.11
        link_local_ips: [169.254.1.1, nope]
networks:
  n:
    enable_ipv6: true
`),
      [
        '5: invalid-ip: `ipv4_address` "172.28.0.10/16" is not an IPv4 address. Drop the prefix length: `172.28.0.10`.',
        '6: invalid-ip: `ipv6_address` "172.28.0.11" is not an IPv6 address. Write an IPv6 address, like `fd00::10`.',
        '7: invalid-ip: Link-local address "nope" is not an IP address. Write one like `169.254.10.10` or `fe80::10`.',
      ],
    );
  });
});
