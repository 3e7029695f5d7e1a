import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderProperty } from '../../../server/src/modes/compose/composeSchema';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

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
    assert.equal(k.hoverText(file('key')), renderProperty('network', 'driver'));
  });

  it('shows the docs of a value', () => {
    assert.match(k.hoverText(file('value')), /^\*\*driver: bridge\*\*/);
  });

  it('summarises a network on its declaration and its references', () => {
    const expected = '**network `front`**\n\n- driver: `bridge`\n- subnet `172.28.0.0/16`, gateway `172.28.0.1`\n- used by: `web`\n- name on the Engine: `app_front`';
    assert.equal(k.hoverText(file('decl')), expected);
    assert.equal(k.hoverText(file('ref')), expected);
  });

  it('shows the range of a CIDR and the family of an address', () => {
    assert.equal(k.hoverText(file('cidr')), '`172.28.0.0/16`: 172.28.0.0 – 172.28.255.255 (65,536 addresses)');
    assert.equal(k.hoverText(file('ip')), 'IPv4 address `172.28.0.10`');
  });

  it('explains service:NAME, the implicit default network, and says nothing elsewhere', () => {
    assert.match(k.hoverText(file('svc')), /network stack of service `web`/);
    assert.match(k.hoverText(`services:\n  web:\n    networks: [def$0ault]\n`), /implicit/);
    assert.equal(k.hoverText(`services:\n  web:\n    ima$0ge: nginx\n`), '');
    assert.match(k.hoverText(`networks:\n  n:\n    ipam:\n      config:\n        - subnet: \${S:-10.1.0.0/2$04}\n`), /10\.1\.0\.0 – 10\.1\.0\.255.*\n\n\(the default/s);
  });
});

describe('compose networks: hover on services', () => {
  const src = (cursor: { svcRef?: boolean; webKey?: boolean; cacheKey?: boolean; dbKey?: boolean }): string => `services:
  ${cursor.webKey ? 'w$0eb' : 'web'}:
    image: nginx
    networks:
      front:
        ipv4_address: 172.28.0.10
        aliases: [www, site]
      back:
  ${cursor.dbKey ? 'd$0b' : 'db'}:
    network_mode: "service:${cursor.svcRef ? 'w$0eb' : 'web'}"
  ${cursor.cacheKey ? 'ca$0che' : 'cache'}:
    image: redis
networks:
  front:
    ipam:
      config:
        - subnet: 172.28.0.0/16
  back:
`;
  const webSummary =
    '**service `web`**\n\n- network `front`: `172.28.0.10`, aliases `www`, `site`\n- network `back`\n- its network stack is shared by: `db`';

  it('summarises the target of network_mode: service:NAME', () => {
    assert.equal(k.hoverText(src({ svcRef: true })), 'Shares the network stack of service `web` (and starts after it).\n\n' + webSummary);
    assert.equal(k.hoverText(`services:\n  db:\n    network_mode: service:ghos$0t\n`), 'No service `ghost` in this project.');
  });

  it('summarises a service key only when the service has networking to show', () => {
    assert.equal(k.hoverText(src({ webKey: true })), webSummary);
    assert.equal(k.hoverText(src({ dbKey: true })), '**service `db`**\n\n- network_mode: shares the network stack of `web`');
    assert.equal(k.hoverText(src({ cacheKey: true })), '');
    assert.equal(k.hoverText(`services:\n  a$0pp:\n    network_mode: host\n`), '**service `app`**\n\n- network_mode: `host`');
    assert.equal(k.hoverText(`services:\n  a$0pp:\n    networks:\n  b:\n    network_mode: service:app\n`), '**service `app`**\n\n- networks: `default` (implicit)\n- its network stack is shared by: `b`');
  });
});
