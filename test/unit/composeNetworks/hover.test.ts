import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderProperty } from '../../../server/src/composeNetworks/composeSchema';
import { hoverText } from './helpers';

const file = (cursorAt: string): string =>
  `services:
  web:
    networks:
      ${cursorAt === 'ref' ? 'fr$0ont' : 'front'}:
        ipv4_address: ${cursorAt === 'ip' ? '172.28.0.1$00' : '172.28.0.10'}
  db:
    network_mode: service:${cursorAt === 'svc' ? 'w$0eb' : 'web'}
networks:
  ${cursorAt === 'decl' ? 'fro$0nt' : 'front'}:
    ${cursorAt === 'key' ? 'dri$0ver' : 'driver'}: ${cursorAt === 'value' ? 'bri$0dge' : 'bridge'}
    ipam:
      config:
        - subnet: ${cursorAt === 'cidr' ? '172.28$0.0.0/16' : '172.28.0.0/16'}
          gateway: 172.28.0.1
`;

describe('compose networks: hover', () => {
  it('shows the same docs as completion for a property', () => {
    assert.equal(hoverText(file('key')), renderProperty('network', 'driver'));
  });

  it('shows the docs of a value', () => {
    assert.match(hoverText(file('value'))!, /^\*\*driver: bridge\*\*/);
  });

  it('summarises a network on its declaration and its references', () => {
    const expected = '**network `front`**\n\n- driver: `bridge`\n- subnet `172.28.0.0/16`, gateway `172.28.0.1`\n- used by: `web`';
    assert.equal(hoverText(file('decl')), expected);
    assert.equal(hoverText(file('ref')), expected);
  });

  it('shows the range of a CIDR and the family of an address', () => {
    assert.equal(hoverText(file('cidr')), '`172.28.0.0/16`: 172.28.0.0 – 172.28.255.255 (65,536 addresses)');
    assert.equal(hoverText(file('ip')), 'IPv4 address `172.28.0.10`');
  });

  it('explains service:NAME, the implicit default network, and says nothing elsewhere', () => {
    assert.match(hoverText(file('svc'))!, /network stack of service `web`/);
    assert.match(hoverText(`services:\n  web:\n    networks: [def$0ault]\n`)!, /implicit/);
    assert.equal(hoverText(`services:\n  web:\n    ima$0ge: nginx\n`), null);
    assert.match(hoverText(`networks:\n  n:\n    ipam:\n      config:\n        - subnet: \${S:-10.1.0.0/2$04}\n`)!, /10\.1\.0\.0 – 10\.1\.0\.255.*\n\n\(the default/s);
  });
});
