import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

describe('compose networks: references', () => {
  it('reports an undeclared network in list and map form, not default', () => {
    assert.deepEqual(
      k.lines(`services:
  web:
    networks: [front, default]
  api:
    networks:
      back:
      frnt:
networks:
  front:
`),
      [
        '6: undefined-network: Service `api` uses network `back`, which is not declared under the top-level `networks`. Declare it (with `external: true` if it already exists).',
        '7: undefined-network: Service `api` uses network `frnt`, which is not declared under the top-level `networks`. Did you mean `front`? Declare it (with `external: true` if it already exists).',
      ],
    );
  });

  it('reports network_mode together with networks, and an unknown service in service:X', () => {
    assert.deepEqual(
      k.codes(`services:
  web:
    network_mode: host
    networks: [front]
  side:
    network_mode: "service:wbe"
  ok:
    network_mode: service:web
networks:
  front:
`),
      ['3: network-mode-with-networks', '6: undefined-service'],
    );
    assert.match(k.lines(`services:\n  side:\n    network_mode: service:wbe\n  web: {}\n`)[0], /names service `wbe`.*Did you mean `web`\?/);
  });

  it('lets an empty network_mode or an empty networks pass, as compose-go does (NetworkMode != "" && len(Networks) > 0)', () => {
    const svc = (mode: string, nets: string): string => `services:\n  web:\n    network_mode: ${mode}\n    networks: ${nets}\nnetworks:\n  front:\n`;
    assert.deepEqual(k.codes(svc('host', '[]'), { settings: { compose: { unusedNetworks: false } } }), []);
    assert.deepEqual(k.codes(svc('host', '{}'), { settings: { compose: { unusedNetworks: false } } }), []);
    assert.deepEqual(k.codes(svc('""', '[front]')), []);
    assert.deepEqual(k.codes(svc('"${MODE:-}"', '[front]')), []);
    assert.deepEqual(k.codes(svc('${MODE}', '[front]')), ['3: network-mode-with-networks']);
    assert.deepEqual(k.codes(svc('none', '{ front: {} }')), ['3: network-mode-with-networks']);
  });

  it('warns about unused networks, counting default for services without networks, and obeys the setting', () => {
    const src = `services:
  web:
    image: nginx
  db:
    networks: [back]
networks:
  default:
  back:
  spare:
`;
    assert.deepEqual(k.codes(src), ['9: unused-network']);
    assert.deepEqual(k.codes(src, { settings: { compose: { unusedNetworks: false } } }), []);
  });

  it('warns about ports with network_mode host', () => {
    assert.deepEqual(k.codes(`services:\n  web:\n    network_mode: host\n    ports: ["80:80"]\n`), ['4: ports-with-host-network']);
  });

  it('sees declarations and references across documents, anchors and merge keys', () => {
    assert.deepEqual(
      k.codes(`x-net: &nets
  networks:
    front:
      aliases: [web]
services:
  web:
    <<: *nets
    image: nginx
  api:
    networks: [front]
---
networks:
  front:
`),
      [],
    );
    assert.deepEqual(
      k.codes(`x-net: &nets
  networks: [missing]
services:
  a:
    <<: *nets
  b:
    <<: *nets
`),
      ['2: undefined-network'],
    );
    assert.match(k.lines(`x-net: &nets\n  networks: [missing]\nservices:\n  a:\n    <<: *nets\n  b:\n    <<: *nets\n`)[0], /Services `a`, `b` use network `missing`/);
  });

  it('keeps local rules but holds back whole-file rules when the YAML has syntax errors', () => {
    assert.deepEqual(k.codes(`services:\n  web:\n    networks: [front, back\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.0.0.0/33\n`), ['8: invalid-cidr']);
    assert.deepEqual(
      k.codes(`services:\n  web:\n    networks: [missing]\nnetworks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.0.0.0/33\n  x: [\n`),
      ['8: invalid-cidr', '9: wrong-type'],
    );
  });

  it('accepts !reset and !override tags without noise', () => {
    assert.deepEqual(
      k.codes(`services:
  web:
    networks: !reset []
    network_mode: host
  api:
    networks: !override
      - front
networks:
  front: !reset null
  back:
    ipam: !override
      config:
        - subnet: 172.28.0.0/16
`, { settings: { compose: { unusedNetworks: false } } }),
      [],
    );
  });
});

describe('compose networks: names and versions', () => {
  it('refuses creating a network under a predefined name', () => {
    assert.deepEqual(
      k.lines(`services:\n  web:\n    networks: [h, b]\nnetworks:\n  h:\n    name: host\n  b:\n    name: bridge\n    external: true\n`),
      ['6: predefined-network-name: `host` is a predefined network that the Engine will not create again. Add `external: true` to use it, or pick another name.'],
    );
  });

  it('refuses a service-level mac_address that differs from the per-network one', () => {
    assert.deepEqual(
      k.codes(`services:\n  web:\n    mac_address: 02:42:ac:11:00:02\n    networks:\n      a:\n        mac_address: 02:42:ac:11:00:03\n      b:\n        mac_address: 02:42:AC:11:00:02\nnetworks:\n  a:\n  b:\n`),
      ['6: mac-address-mismatch'],
    );
  });

  it('flags properties newer than the target Engine, by severity', () => {
    const src = `services:\n  web:\n    networks:\n      a:\n        interface_name: eth1\n        gw_priority: 1\nnetworks:\n  a:\n    enable_ipv4: true\n`;
    const diags = k.diagnostics(src, { engine: '27.5' });
    assert.deepEqual(diags.map((d) => `${d.range.start.line + 1}: ${d.code}: ${d.severity}`).sort(), ['5: needs-newer-engine: 1', '6: needs-newer-engine: 2', '9: needs-newer-engine: 2']);
    assert.deepEqual(k.codes(src, { engine: '28.1' }), []);
  });
});
