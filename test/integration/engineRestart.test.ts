import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { EngineEndpoint } from '../../client/src/engine/engineEndpoint';
import { EngineSession, type SessionState } from '../../client/src/engine/engineSession';
import { createNetwork, removeNetwork } from '../../client/src/networks/networkActions';
import type { NetworkRecord } from '../../client/src/networks/networkRecords';
import { isNetworkRelevant, loadNetworks, NETWORK_EVENT_FILTERS } from '../../client/src/networks/networkSnapshot';
import { buildTree } from '../../client/src/networks/networkTreeModel';
import { waitFor } from '../unit/engine/replayEngine';
import { requireDockerd, ThrowawayDockerd } from '../util/throwawayDockerd';
import { testLabels, testName } from '../util/engine';

/**
 * "A stopped and restarted dockerd is survived", on a throw-away dockerd of this test's
 * own (never the shared one): the session goes unreachable with a plain reason, keeps
 * probing without a state storm, and is connected again — events included — within
 * two seconds of the Engine answering again. Subnet 198.18.140.0/24.
 */
const SCOPE = 'engineRestart';

describe('surviving a dockerd stop and restart (throw-away dockerd)', () => {
  let dockerd: ThrowawayDockerd | undefined;
  let session: EngineSession<NetworkRecord[]> | undefined;
  after(async () => {
    session?.dispose();
    await dockerd?.dispose();
  });

  it('goes unreachable, then recovers and follows events again', async (t) => {
    if (!requireDockerd(t)) return;
    dockerd = new ThrowawayDockerd();
    await dockerd.start();
    const endpoint: EngineEndpoint = { kind: 'unix', socketPath: dockerd.socketPath, host: `unix://${dockerd.socketPath}`, source: 'test' };
    session = new EngineSession<NetworkRecord[]>({ resolution: { ok: true, endpoint }, load: loadNetworks, isRelevant: isNetworkRelevant, eventFilters: NETWORK_EVENT_FILTERS, debounceMs: 50 });
    const states: SessionState[] = [];
    session.onDidChangeState((s) => states.push(s));
    session.start();
    await session.whenConnected(15_000);
    const s = session;

    await dockerd.stop();
    await waitFor(() => s.state.kind === 'unreachable', 10_000, 'the unreachable state');
    assert.ok(s.state.kind === 'unreachable');
    assert.ok(['socket-missing', 'refused'].includes(s.state.problem.kind), s.state.problem.kind);
    assert.match(s.state.problem.advice, /Is dockerd running\?/);
    assert.equal(buildTree(s.state, s.snapshot).at(-1)?.label, 'Retry');
    const downStates = states.length;

    await dockerd.start();
    // The Engine answers /_ping now (start() waited for it): the session must follow within 2 s.
    await s.whenConnected(2_000);
    assert.ok(states.length - downStates <= 2, `state changes while down and back: ${JSON.stringify(states.slice(downStates))}`);

    // Events flow again: a network created now shows without a manual refresh.
    const name = testName('restart');
    const { id } = await createNetwork(s.client!, { name, driver: 'bridge', subnet: '198.18.140.0/24', labels: testLabels(SCOPE) });
    try {
      await waitFor(() => s.snapshot?.some((n) => n.name === name) ?? false, 10_000, 'the new network in the snapshot');
    } finally {
      await removeNetwork(s.client!, { id, name });
    }
    await waitFor(() => !(s.snapshot?.some((n) => n.name === name) ?? true), 10_000, 'the network gone');
  });
});
