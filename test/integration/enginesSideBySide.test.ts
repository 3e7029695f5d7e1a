import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { EngineFleet } from '../../client/src/engine/engineFleet';
import { EngineSession } from '../../client/src/engine/engineSession';
import { listEngines, type EngineEntry } from '../../client/src/engine/engineSources';
import { engineViewOf } from '../../client/src/networks/engineView';
import { createNetwork, removeNetwork } from '../../client/src/networks/networkActions';
import type { NetworkRecord } from '../../client/src/networks/networkRecords';
import { isNetworkRelevant, loadNetworks, NETWORK_EVENT_FILTERS } from '../../client/src/networks/networkSnapshot';
import { engineChildren, engineRootNode } from '../../client/src/networks/networkTreeModel';
import { waitFor } from '../unit/engine/replayEngine';
import { testLabels, testName } from '../util/engine';
import { requireDockerd, ThrowawayDockerd } from '../util/throwawayDockerd';

/**
 * Two Engines side by side (#22), both throw-away dockerds of this test's own (never the
 * machine's), named in `dockerNetworking.engines`: both roots connect; one is stopped and
 * restarted while the other stays connected and keeps following its events. Subnet
 * 198.18.141.0/24, labelled, removed afterwards.
 */
const SCOPE = 'enginesSideBySide';

function session(e: EngineEntry): EngineSession<NetworkRecord[]> {
  return new EngineSession<NetworkRecord[]>({ resolution: e.resolution, load: loadNetworks, isRelevant: isNetworkRelevant, eventFilters: NETWORK_EVENT_FILTERS, debounceMs: 50, retryMinMs: 100, retryMaxMs: 500 });
}

describe('two Engines side by side (two throw-away dockerds)', () => {
  const dockerds: ThrowawayDockerd[] = [];
  let fleet: EngineFleet<NetworkRecord[]> | undefined;
  after(async () => {
    fleet?.dispose();
    for (const d of dockerds) await d.dispose();
  });

  it('shows both; one stops and comes back while the other stays connected', async (t) => {
    if (!requireDockerd(t)) return;
    const [a, b] = [new ThrowawayDockerd(), new ThrowawayDockerd()];
    dockerds.push(a, b);
    await Promise.all([a.start(), b.start()]);
    // As the extension lists them: the setting's Engines beside the default one (hidden here).
    const env = { env: {}, homeDir: '/nonexistent-home', platform: process.platform, exists: () => false, readFile: () => undefined, listDir: () => [] };
    const entries = listEngines({ engines: [{ name: 'alpha', host: `unix://${a.socketPath}` }, { name: 'beta', host: `unix://${b.socketPath}` }], hidden: ['default'] }, env);
    assert.deepEqual(entries.map((e) => e.name), ['alpha', 'beta']);
    const f = new EngineFleet<NetworkRecord[]>(entries, session);
    fleet = f;
    const alpha = f.get('setting/alpha')!;
    const beta = f.get('setting/beta')!;
    f.start(alpha.entry.id);
    f.start(beta.entry.id);
    await Promise.all([alpha.session.whenConnected(15_000), beta.session.whenConnected(15_000)]);
    const roots = f.all.map((m) => engineRootNode(engineViewOf(m, undefined)));
    assert.deepEqual(roots.map((r) => [r.label, r.contextValue]), [['alpha', 'engine.connected'], ['beta', 'engine.connected']]);
    // Each root's children are its own Engine's built-in networks, under ids of their own.
    const kids = f.all.map((m) => engineChildren(engineViewOf(m, undefined), { hideBuiltin: false, sortBy: 'name', groupByProject: false }));
    for (const k of kids) assert.ok(k.some((n) => n.label === 'none'), JSON.stringify(k.map((n) => n.label)));
    assert.equal(new Set(kids.flat().map((n) => n.id)).size, kids.flat().length);

    await b.stop();
    await waitFor(() => beta.session.state.kind === 'unreachable', 10_000, 'beta unreachable');
    assert.equal(engineRootNode(engineViewOf(beta, undefined)).contextValue, 'engine.unreachable');
    assert.equal(engineChildren(engineViewOf(beta, undefined)).at(-1)?.label, 'Retry');
    assert.equal(alpha.session.state.kind, 'connected');
    // alpha still follows its events while beta is down.
    const name = testName('side');
    const { id } = await createNetwork(alpha.session.client!, { name, driver: 'bridge', subnet: '198.18.141.0/24', labels: testLabels(SCOPE) });
    try {
      await waitFor(() => alpha.session.snapshot?.some((n) => n.name === name) ?? false, 10_000, 'the new network on alpha');
      assert.equal(beta.session.state.kind, 'unreachable');

      await b.start();
      await beta.session.whenConnected(5_000);
      assert.equal(alpha.session.state.kind, 'connected');
      assert.ok(!beta.session.snapshot?.some((n) => n.name === name), 'the network is alpha’s only');
    } finally {
      await removeNetwork(alpha.session.client!, { id, name });
    }
    await waitFor(() => !(alpha.session.snapshot?.some((n) => n.name === name) ?? true), 10_000, 'the network gone');
  });
});
