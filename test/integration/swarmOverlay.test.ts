import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { EngineFleet } from '../../client/src/engine/engineFleet';
import { EngineSession } from '../../client/src/engine/engineSession';
import type { EngineEntry } from '../../client/src/engine/engineSources';
import { RefusedError } from '../../client/src/networks/networkActions';
import type { NetworkRecord } from '../../client/src/networks/networkRecords';
import { isNetworkRelevant, loadNetworks, NETWORK_EVENT_FILTERS } from '../../client/src/networks/networkSnapshot';
import type { TreeNode } from '../../client/src/networks/networkTreeModel';
import { createNetworkChecked, overlayChildren } from '../../client/src/networks/swarmNetwork';
import { waitFor } from '../unit/engine/replayEngine';
import { api, TEST_IMAGE, testLabels, testName } from '../util/engine';
import { poll } from '../util/poll';
import { requireDockerd, ThrowawayDockerd } from '../util/throwawayDockerd';

/**
 * Swarm's overlay networks (#22) on two throw-away dockerds, each in namespaces of its own:
 * `mgr` becomes a single-node swarm manager advertising its own default bridge address
 * (198.19.255.1, inside its network namespace; address pool 198.19.96.0/20, outside the
 * benchmark's share 198.19.128.0/17 and the e2e's 198.19.0.0/18), runs a
 * service of the locally imported busybox image (never pulled) on an overlay network
 * (198.18.142.0/24), and the view shows the service with its VIP and its task with address
 * and node; creating an overlay works on the manager (198.18.143.0/24) and is refused on
 * `plain`, which is in no swarm. Everything is labelled and removed, the swarm left.
 */
const SCOPE = 'swarmOverlay';

function session(e: EngineEntry): EngineSession<NetworkRecord[]> {
  return new EngineSession<NetworkRecord[]>({ resolution: e.resolution, load: loadNetworks, isRelevant: isNetworkRelevant, eventFilters: NETWORK_EVENT_FILTERS, debounceMs: 50 });
}

function entry(name: string, socketPath: string): EngineEntry {
  return { id: `setting/${name}`, name, source: 'test', current: false, resolution: { ok: true, endpoint: { kind: 'unix', socketPath, host: `unix://${socketPath}`, source: 'test' } } };
}

function flat(nodes: TreeNode[]): TreeNode[] {
  return nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
}

describe('overlay networks of a swarm manager (throw-away dockerds)', () => {
  const dockerds: ThrowawayDockerd[] = [];
  let fleet: EngineFleet<NetworkRecord[]> | undefined;
  const cleanup: Array<() => Promise<unknown>> = [];
  after(async () => {
    // The namespaces and data roots go with the dockerds anyway; this leaves the swarm as a user would.
    for (const c of cleanup.reverse()) await c().catch(() => undefined);
    fleet?.dispose();
    for (const d of dockerds) await d.dispose();
  });

  it('shows services, tasks and peers on the manager; creates overlay there and refuses it elsewhere', async (t) => {
    if (!requireDockerd(t)) return;
    const mgr = new ThrowawayDockerd([], { isolated: true });
    const plain = new ThrowawayDockerd([], { isolated: true });
    dockerds.push(mgr, plain);
    await Promise.all([mgr.start(), plain.start()]);
    const m = mgr.socketPath;
    const init = await api('POST', '/swarm/init', { ListenAddr: '198.19.255.1:2377', AdvertiseAddr: '198.19.255.1', DefaultAddrPool: ['198.19.96.0/20'], SubnetSize: 24 }, m);
    assert.equal(init.status, 200, init.body);
    cleanup.push(() => api('POST', '/swarm/leave?force=1', undefined, m));
    execFileSync('bash', [path.resolve(__dirname, '../../../test/tools/busyboxImage.sh')], { env: { ...process.env, BUSYBOX_SOCKET: m }, stdio: 'pipe' });

    fleet = new EngineFleet<NetworkRecord[]>([entry('mgr', m), entry('plain', plain.socketPath)], session);
    const manager = fleet.start('setting/mgr')!.session;
    const other = fleet.start('setting/plain')!.session;
    await Promise.all([manager.whenConnected(15_000), other.whenConnected(15_000)]);

    // The overlay network through the view's Create path, then a service on it.
    const netName = testName('overlay');
    const { id: netId } = await createNetworkChecked(manager.client!, { name: netName, driver: 'overlay', subnet: '198.18.142.0/24', attachable: true, labels: testLabels(SCOPE) });
    // Removed once the service's task has let go of it (cleanup runs last-in, first-out: service, networks, swarm).
    cleanup.push(async () => {
      for (let i = 0; i < 80 && ![204, 404].includes((await api('DELETE', `/networks/${netId}`, undefined, m)).status); i++) await new Promise((r) => setTimeout(r, 250)); // poll interval
    });
    const svcName = testName('svc');
    const svc = await api('POST', '/services/create', {
      Name: svcName,
      Labels: testLabels(SCOPE),
      TaskTemplate: { ContainerSpec: { Image: TEST_IMAGE, Command: ['/bin/sleep', '600'] }, Networks: [{ Target: netId }] },
      Mode: { Replicated: { Replicas: 1 } },
      EndpointSpec: { Mode: 'vip' },
    }, m);
    assert.equal(svc.status, 201, svc.body);
    cleanup.push(() => api('DELETE', `/services/${svcName}`, undefined, m));
    const running = async (): Promise<boolean> => (await api('GET', '/tasks', undefined, m)).json<Array<{ Status: { State: string } }>>().some((x) => x.Status.State === 'running');
    await poll(running, 60_000, () => 'the service task to run', 500);

    // The network arrives in the manager's snapshot through its events; expanding it shows the swarm rows.
    await waitFor(() => manager.snapshot?.some((n) => n.id === netId) ?? false, 10_000, 'the overlay network in the snapshot');
    const network = manager.snapshot!.find((n) => n.id === netId)!;
    // The task's endpoint reaches the network's verbose inspect a moment after the task runs.
    let rows: TreeNode[] = [];
    await poll(async () => (rows = flat(await overlayChildren(manager.client!, network))).some((r) => r.kind === 'task' && r.address), 10_000, () => `a task with an address among ${JSON.stringify(rows.map((r) => r.label))}`);
    const service = rows.find((r) => r.kind === 'service' && r.label === svcName);
    assert.ok(service, JSON.stringify(rows.map((r) => r.label)));
    assert.match(service.description ?? '', /^VIP 198\.18\.142\.\d+ · 1 task$/);
    const task = rows.find((r) => r.kind === 'task');
    assert.match(task?.label ?? '', new RegExp(`^${svcName}\\.1\\.`));
    assert.match(task?.description ?? '', /^198\.18\.142\.\d+ · on \S+$/);
    const peers = rows.find((r) => r.id.endsWith('/peers'));
    assert.equal(peers?.children?.[0]?.description, '198.19.255.1');
    assert.ok(!rows.some((r) => r.kind === 'state'), 'a manager sees the whole swarm');
    assert.match(rows.find((r) => r.label === 'Swarm')?.description ?? '', /^swarm · attachable$/);

    // Create overlay: on the manager it works, on the other Engine we refuse it (and so would the Engine).
    const second = testName('overlay2');
    const made = await createNetworkChecked(manager.client!, { name: second, driver: 'overlay', subnet: '198.18.143.0/24', options: { encrypted: '' }, labels: testLabels(SCOPE) });
    cleanup.push(() => api('DELETE', `/networks/${made.id}`, undefined, m));
    await assert.rejects(createNetworkChecked(other.client!, { name: second, driver: 'overlay', subnet: '198.18.143.0/24', labels: testLabels(SCOPE) }), (err: unknown) => err instanceof RefusedError && /not part of a swarm/.test(err.message));
    const engineSays = await api('POST', '/networks/create', { Name: second, Driver: 'overlay', Labels: testLabels(SCOPE) }, plain.socketPath);
    assert.notEqual(engineSays.status, 201, 'the Engine refuses it too');
    assert.equal((await api('GET', `/networks/${second}`, undefined, plain.socketPath)).status, 404);
  });
});
