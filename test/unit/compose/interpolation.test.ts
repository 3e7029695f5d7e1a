import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { interpolate } from '../../../server/src/modes/compose/interpolation';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

describe('compose networks: interpolation', () => {
  it('reads literals, defaults and environment-dependent values', () => {
    assert.deepEqual(interpolate('172.28.0.0/16'), { kind: 'literal', text: '172.28.0.0/16' });
    assert.deepEqual(interpolate('cost $$5'), { kind: 'literal', text: 'cost $5' });
    assert.deepEqual(interpolate('${SUBNET:-10.0.0.0/8}'), { kind: 'default', text: '10.0.0.0/8' });
    assert.deepEqual(interpolate('10.${OCTET-5}.0.0/16'), { kind: 'default', text: '10.5.0.0/16' });
    for (const t of ['${SUBNET}', '$SUBNET', '${A:?needed}', '${A?needed}', '${A:+x}', '${A+x}', '10.0.${B}.0/24', '${unclosed']) {
      assert.deepEqual(interpolate(t), { kind: 'dynamic' }, t);
    }
  });

  it('never reports a type or format error on an interpolated value, but checks literal defaults', () => {
    assert.deepEqual(
      k.codes(`services:
  web:
    networks:
      n:
        ipv4_address: \${IP}
        priority: \${PRIO:-1}
        mac_address: \${MAC}
networks:
  n:
    internal: \${INTERNAL}
    attachable: "\${ATT:-true}"
    enable_ipv6: \${V6:-maybe}
    ipam:
      config:
        - subnet: \${SUBNET}
          gateway: \${GW:-172.28.0.1}
        - subnet: \${SUBNET6:-fd00::/64}
          gateway: \${GW6:-fd00::1::1}
`),
      ['12: invalid-boolean', '18: invalid-ip'],
    );
  });
});
