import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { EngineFleet } from '../../../client/src/engine/engineFleet';
import { EngineSession } from '../../../client/src/engine/engineSession';
import type { EngineEntry } from '../../../client/src/engine/engineSources';
import type { NetworkRecord } from '../../../client/src/networks/networkRecords';
import { isNetworkRelevant, loadNetworks, NETWORK_EVENT_FILTERS } from '../../../client/src/networks/networkSnapshot';
import { engineChildren, engineRootNode } from '../../../client/src/networks/networkTreeModel';
import { engineViewOf } from '../../../client/src/networks/engineView';
import { ReplayEngine, waitFor } from './replayEngine';

function entry(id: string, socketPath: string, current = false): EngineEntry {
  return { id, name: id, source: 'docker context', current, resolution: { ok: true, endpoint: { kind: 'unix', socketPath, host: `unix://${socketPath}`, source: 'test' } } };
}

function session(e: EngineEntry): EngineSession<NetworkRecord[]> {
  return new EngineSession<NetworkRecord[]>({ resolution: e.resolution, load: loadNetworks, isRelevant: isNetworkRelevant, eventFilters: NETWORK_EVENT_FILTERS, retryMinMs: 50, retryMaxMs: 200, probeTimeoutMs: 300, client: { timeoutMs: 60_000 } });
}

describe('several Engines side by side (#22)', () => {
  const cleanup: Array<() => unknown> = [];
  after(async () => {
    // Each step whatever the others do: one failing stop must not leave the rest running.
    for (const c of cleanup.reverse()) await Promise.resolve().then(c).catch(() => undefined);
  });

  it('contacts an Engine only once it is started, and a stalled one does not hold up the others', async () => {
    const fast = await new ReplayEngine('1.44').start();
    // An Engine that accepts the connection and never answers (a hung dockerd, a stuck ssh).
    const stalled = await new ReplayEngine('1.41').start();
    stalled.handler = () => true;
    const idle = await new ReplayEngine('1.52').start();
    cleanup.push(() => fast.stop(), () => stalled.stop(), () => idle.stop());
    const fleet = new EngineFleet<NetworkRecord[]>([entry('stalled', stalled.socketPath, true), entry('fast', fast.socketPath), entry('idle', idle.socketPath)], session);
    cleanup.push(() => fleet.dispose());
    const changes: string[] = [];
    fleet.onDidChange((id, what) => changes.push(`${id}:${what}`));

    assert.deepEqual(fleet.all.map((m) => [m.entry.id, m.started]), [['stalled', false], ['fast', false], ['idle', false]]);
    assert.equal(fleet.current?.entry.id, 'stalled');
    fleet.start('stalled');
    fleet.start('fast');
    const fastSession = fleet.get('fast')!.session;
    await fastSession.whenConnected(5000);
    assert.ok(fastSession.snapshot?.some((n) => n.name === 'dn-fixture-app'));
    assert.equal(fleet.get('stalled')!.session.state.kind, 'connecting');
    // The collapsed Engine was never contacted.
    assert.equal(idle.connections, 0);
    assert.ok(changes.includes('fast:snapshot') && changes.includes('stalled:started'), changes.join(' '));

    // The roots as the view shows them: current first and marked, the idle one not connected yet.
    const roots = fleet.all.map((m) => engineRootNode(engineViewOf(m, 'fast')));
    assert.deepEqual(
      roots.map((r) => [r.label, r.description, r.contextValue, r.collapsible]),
      [
        ['stalled', 'current · connecting…', 'engine.connecting', 'expanded'],
        ['fast', `diagnostics · Engine 25.0.5 · unix://${fast.socketPath}`, 'engine.connected.target', 'collapsed'],
        ['idle', `unix://${idle.socketPath}`, 'engine.idle', 'collapsed'],
      ],
    );
    // Children carry their Engine: two Engines' rows never share an id.
    const kids = engineChildren(engineViewOf(fleet.get('fast')!, undefined));
    assert.ok(kids.length > 0 && kids.every((k) => k.engineId === 'fast' && k.id.startsWith('fast|')));
    const stalledKids = engineChildren(engineViewOf(fleet.get('stalled')!, undefined));
    assert.deepEqual(stalledKids.map((k) => k.id), ['stalled|state']);
  });

  it('keeps a session whose Engine did not change when the list is read again, and drops the others', async () => {
    const a = await new ReplayEngine('1.44').start();
    cleanup.push(() => a.stop());
    const fleet = new EngineFleet<NetworkRecord[]>([entry('a', a.socketPath, true), entry('b', '/nonexistent/b.sock')], session);
    cleanup.push(() => fleet.dispose());
    fleet.start('a');
    const before = fleet.get('a')!.session;
    await before.whenConnected(5000);
    fleet.update([entry('a', a.socketPath, true), entry('c', '/nonexistent/c.sock')]);
    assert.equal(fleet.get('a')!.session, before);
    assert.equal(fleet.get('b'), undefined);
    assert.deepEqual(fleet.all.map((m) => m.entry.id), ['a', 'c']);
    // Another host under the same id: a new session, started again since the old one was.
    fleet.update([entry('a', '/nonexistent/a.sock', true)]);
    const replaced = fleet.get('a')!;
    assert.notEqual(replaced.session, before);
    assert.equal(replaced.started, true);
    await waitFor(() => replaced.session.state.kind === 'unreachable', 5000, 'the new host unreachable');
  });
});
