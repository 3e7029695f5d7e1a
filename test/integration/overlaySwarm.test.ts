import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMode } from '../../server/src/modes/compose/composeMode';
import { modeKit, modeContext } from '../util/modeKit';
import { api, requireEngine } from '../util/engine';

/**
 * Overlay networks on an Engine that is not a swarm manager (#17): the Engine's own
 * verdict (a create it refuses: nothing is made) against our error, with the swarm role
 * read from /info as the client reads it (client/src/engine/engineSwarm.ts).
 */
describe('overlay networks need a swarm manager, as the Engine says', () => {
  const k = modeKit(composeMode, 'file:///work/compose.yaml');
  const text = 'services:\n  web:\n    image: busybox\n    networks: [mesh]\nnetworks:\n  mesh:\n    driver: overlay\n';

  it('the Engine refuses the overlay network exactly when we report it', async (t) => {
    if (!(await requireEngine(t))) return;
    const info = (await api('GET', '/info')).json<{ Swarm: { LocalNodeState: string; ControlAvailable: boolean } }>();
    const swarm = { nodeState: info.Swarm.LocalNodeState, controlAvailable: info.Swarm.ControlAvailable };
    const r = await api('POST', '/networks/create', { Name: 'dn-overlay-probe', Driver: 'overlay', Labels: { 'dev.docker-networking.test': 'overlay' } });
    if (r.status === 201) await api('DELETE', `/networks/${r.json<{ Id: string }>().Id}`);
    const ours = composeMode.validate!(k.parse(text).model, { ...modeContext(), engineSwarm: swarm }).filter((p) => p.code === 'overlay-without-swarm');
    assert.equal(ours.length > 0, r.status !== 201, `Engine answered ${r.status} ${r.body}; we report ${ours.length}`);
    if (!swarm.controlAvailable) assert.match(r.body, /not a swarm manager|worker node/);
  });

  it('says nothing without the swarm role, for a manager, or for an external overlay network', () => {
    assert.deepEqual(k.codes(text).filter((c) => c.includes('overlay')), []);
    const manager = { ...modeContext(), engineSwarm: { nodeState: 'active', controlAvailable: true } };
    assert.deepEqual(composeMode.validate!(k.parse(text).model, manager).filter((p) => p.code === 'overlay-without-swarm'), []);
    const external = text.replace('    driver: overlay\n', '    driver: overlay\n    external: true\n');
    const none = { ...modeContext(), engineSwarm: { nodeState: 'inactive', controlAvailable: false } };
    assert.deepEqual(composeMode.validate!(k.parse(external).model, none).filter((p) => p.code === 'overlay-without-swarm'), []);
    const worker = composeMode.validate!(k.parse(text).model, { ...modeContext(), engineSwarm: { nodeState: 'active', controlAvailable: false } }).find((p) => p.code === 'overlay-without-swarm');
    assert.match(worker?.message ?? '', /swarm worker/);
    assert.deepEqual(worker?.range, [text.indexOf('overlay'), text.indexOf('overlay') + 'overlay'.length]);
  });
});
