import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

describe('compose networks: schema of the network parts', () => {
  it('reports unknown properties at every level, with a suggestion, and allows x- extensions', () => {
    assert.deepEqual(
      k.lines(`services:
  web:
    networks:
      front:
        priorty: 3
        x-note: fine
networks:
  front:
    drivr: bridge
    x-owner: me
    ipam:
      confg: []
      config:
        - subnet: 172.28.0.0/16
          gatway: 172.28.0.1
`),
      [
        '5: unknown-property: Unknown property `priorty` in the `front` attachment of service `web`; Compose refuses it. Did you mean `priority`?',
        '9: unknown-property: Unknown property `drivr` in network `front`; Compose refuses it. Did you mean `driver`?',
        '12: unknown-property: Unknown property `confg` in `ipam` of network `front`; Compose refuses it. Did you mean `config`?',
        '15: unknown-property: Unknown property `gatway` in an entry of `config` in `ipam` of network `front`; Compose refuses it. Did you mean `gateway`?',
      ],
    );
  });

  it('checks types, accepting interpolated values and string booleans', () => {
    assert.deepEqual(
      k.codes(`services:
  web:
    networks:
      front:
        priority: high
        gw_priority: \${GW}
        aliases: web
        ipv4_address: 172.28.0.9
networks:
  front:
    name: 12
    attachable: maybe
    internal: "TRUE"
    enable_ipv6: \${V6:-false}
    enable_ipv4: yes
    driver_opts:
      ok: 1500
      bad: true
    labels: [a=b]
    ipam:
      options:
        foo: 1
      config:
        - subnet: 172.28.0.0/16
`),
      ['5: wrong-type', '7: wrong-type', '11: wrong-type', '12: invalid-boolean', '15: yaml11-boolean', '18: wrong-type', '22: wrong-type'],
    );
  });

  it('reports the wrong shape of a network, of service networks and of network_mode', () => {
    assert.deepEqual(
      k.codes(`services:
  a:
    networks: front
  b:
    networks: [front, front, {x: 1}]
  c:
    networks:
      "bad key!":
      front: [x]
  d:
    network_mode: [host]
networks:
  front: bridge
`),
      ['3: wrong-type', '5: duplicate-network', '5: wrong-type', '8: invalid-network-key', '8: undefined-network', '9: wrong-type', '11: wrong-type', '13: wrong-type'],
    );
  });

  it('reports a problem in an anchored attachment once, however many services merge it', () => {
    assert.deepEqual(
      k.codes(`x-att: &att\n  front:\n    aliasses: [x]\nservices:\n  a:\n    networks: *att\n  b:\n    networks: *att\nnetworks:\n  front:\n`),
      ['3: unknown-property'],
    );
  });

  it('warns about external.name and refuses it when it conflicts with name', () => {
    assert.deepEqual(
      k.lines(`services:
  web:
    networks: [a, b]
networks:
  a:
    external:
      name: shared
  b:
    name: mine
    external:
      name: theirs
`),
      [
        '7: deprecated-external-name: `external.name` is deprecated: write `name: …` on the network and `external: true`.',
        '11: external-name-conflict: `external.name` ("theirs") conflicts with `name` ("mine"); Compose refuses this. Keep only `name` and write `external: true`.',
      ],
    );
  });

  it('warns about creation properties on an external network', () => {
    assert.deepEqual(
      k.codes(`services:
  web:
    networks: [shared]
networks:
  shared:
    external: true
    name: shared-net
    driver: overlay
    ipam:
      config:
        - subnet: not-a-cidr
`),
      ['8: external-with-creation-property', '9: external-with-creation-property'],
    );
  });

  it('stays silent outside the network parts and on YAML it cannot parse', () => {
    assert.deepEqual(k.codes(`services:\n  web:\n    image: 12\n    ports: {a: b}\n    volumes: 3\nvolumes:\n  x: 1\n`), []);
    assert.deepEqual(k.codes(`services:\n  web:\n    networks: [front\nnetworks:\n  : :\n\t- [\n`), []);
    assert.deepEqual(k.codes(''), []);
    assert.deepEqual(k.codes('- just\n- a list\n'), []);
  });
});
