import assert from 'node:assert/strict';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { EngineEndpoint } from '../../client/src/engine/engineEndpoint';
import { EngineSession } from '../../client/src/engine/engineSession';
import { connectContainer, createNetwork, disconnectContainer, inspectNetworkJson, pruneNetworks, RefusedError, removeNetwork } from '../../client/src/networks/networkActions';
import { parseEvent, type EngineEvent, type NetworkRecord } from '../../client/src/networks/networkRecords';
import { createNetworkLoader, isNetworkRelevant, NETWORK_EVENT_FILTERS } from '../../client/src/networks/networkSnapshot';
import { buildTree, type TreeNode } from '../../client/src/networks/networkTreeModel';
import { waitFor } from '../unit/engine/replayEngine';
import { formatEngineVersion, resolveEngineVersion } from '../../server/src/shared/engineVersion';
import { api as apiOn, ENGINE_SOCKET, engineReachable, type EngineReply, removeTestObjects, requireEngine, TEST_IMAGE, TEST_LABEL, testLabels, testName } from '../util/engine';
import { dockerdOf, label, requireThrowaway, startRelease } from '../util/releases';
import type { ThrowawayDockerd } from '../util/throwawayDockerd';
import { inspectEveryNetwork } from '../util/inspectEveryNetwork';

/**
 * The real dockerd: list, create with IPAM, inspect, connect a busybox container with a
 * static address, disconnect, remove, prune (label-filtered to this file only). Every
 * change must arrive through the event stream and show in the tree model without a
 * manual refresh. Subnets: 198.18.130.0/24 – 198.18.133.0/24 (this engineer's 198.18.128.0/17).
 *
 * It runs against the machine's shared Engine (Debian 12's 20.10) and against a
 * throw-away Engine of Debian sid's dockerd (28.5 when written; test/tools/fetchReleases.sh,
 * #18) in namespaces of its own, so the records and the tree are proven on both APIs and
 * `engineVersion: auto` on each Engine's version.
 */
const SCOPE = 'engineNetworks';

interface Target {
  title: string;
  /** The socket, once `setUp` ran. */
  socket(): string;
  /** False (test skipped) or an error (under CI=true) when the Engine cannot be had. */
  available(t: TestContext): Promise<boolean>;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** MAJOR.MINOR of the Engine's binary, as engineVersion 'auto' should resolve it. */
  majorMinor(): string | undefined;
}

const machine: Target = {
  title: 'the machine\'s shared dockerd',
  socket: () => ENGINE_SOCKET,
  available: (t) => requireEngine(t),
  setUp: async () => undefined,
  tearDown: async () => undefined,
  majorMinor: () => dockerdOf('machine').majorMinor,
};

function throwaway(): Target {
  const dockerd = dockerdOf('sid');
  let engine: ThrowawayDockerd | undefined;
  return {
    title: `a throw-away ${label(dockerd)}`,
    socket: () => engine?.socketPath ?? '/nonexistent',
    available: async (t) => requireThrowaway(t, dockerd),
    setUp: async () => {
      engine = await startRelease(dockerd);
    },
    tearDown: async () => engine?.dispose(),
    majorMinor: () => dockerd.majorMinor,
  };
}

for (const target of [machine, throwaway()]) {
describe(`Engine client and tree model against ${target.title}`, () => {
  let session: EngineSession<NetworkRecord[]>;
  const events: EngineEvent[] = [];
  let networkId = '';
  let containerId = '';
  const name = testName('net');

  const api = (method: string, p: string, body?: unknown): Promise<EngineReply> => apiOn(method, p, body, target.socket());
  const requireTarget = (t: TestContext): Promise<boolean> => target.available(t);

  before(async () => {
    await target.setUp();
    if (await engineReachable(target.socket())) return;
    await removeTestObjects(SCOPE, target.socket());
    const socketPath = target.socket();
    const endpoint: EngineEndpoint = { kind: 'unix', socketPath, host: `unix://${socketPath}`, source: 'test' };
    session = new EngineSession<NetworkRecord[]>({ resolution: { ok: true, endpoint }, load: createNetworkLoader(), isRelevant: isNetworkRelevant, eventFilters: NETWORK_EVENT_FILTERS, debounceMs: 50 });
    session.onEvent((v) => {
      const e = parseEvent(v);
      if (e) events.push(e);
    });
    session.start();
    await session.whenConnected(15_000);
  });
  after(async () => {
    session?.dispose();
    if (!(await engineReachable(target.socket()))) await removeTestObjects(SCOPE, target.socket());
    await target.tearDown();
  });

  const tree = (): TreeNode[] => buildTree(session.state, session.snapshot, { hideBuiltin: false, sortBy: 'name', groupByProject: false });
  const node = (n: string): TreeNode | undefined => tree().find((x) => x.label === n);
  const sawEvent = (type: string, action: string, id: string): boolean => events.some((e) => e.type === type && e.action === action && (e.actorId === id || e.attributes.container === id));

  it('lists the networks, built-in ones included, with the Engine version', async (t) => {
    if (!(await requireTarget(t))) return;
    assert.ok(session.state.kind === 'connected');
    assert.match(session.state.identity.version ?? '', /^\d+\.\d+/);
    assert.ok(session.state.identity.apiVersion);
    for (const builtin of ['bridge', 'host', 'none']) assert.ok(node(builtin), builtin);
    // engineVersion 'auto' follows the connected Engine: its binary's MAJOR.MINOR.
    assert.equal(formatEngineVersion(resolveEngineVersion('auto', session.state.identity.version)), target.majorMinor());
    assert.equal(node('bridge')?.contextValue, 'network.builtin');
  });

  it('creates a network with IPAM; the event arrives and the tree shows it', async (t) => {
    if (!(await requireTarget(t))) return;
    const created = await createNetwork(session.client!, {
      name,
      driver: 'bridge',
      subnet: '198.18.130.0/24',
      gateway: '198.18.130.1',
      ipRange: '198.18.130.128/25',
      labels: { ...testLabels(SCOPE), 'com.docker.compose.project': 'dn-test-project' },
    });
    networkId = created.id;
    assert.match(networkId, /^[0-9a-f]{64}$/);
    await waitFor(() => sawEvent('network', 'create', networkId), 10_000, 'the create event');
    await waitFor(() => node(name) !== undefined, 10_000, 'the network in the tree');
    assert.equal(node(name)?.description, 'bridge · local · 198.18.130.0/24');
    const ipam = node(name)!.children![0].children![0];
    assert.equal(ipam.description, 'gateway 198.18.130.1 · range 198.18.130.128/25');
    const grouped = buildTree(session.state, session.snapshot, { hideBuiltin: true, sortBy: 'name', groupByProject: true });
    assert.ok(grouped.find((g) => g.label === 'dn-test-project')?.children?.some((c) => c.label === name));
  });

  it('inspects the network as JSON', async (t) => {
    if (!(await requireTarget(t))) return;
    const json = JSON.parse(await inspectNetworkJson(session.client!, networkId)) as { Name: string; IPAM: { Config: Array<{ Subnet: string }> }; Labels: Record<string, string> };
    assert.equal(json.Name, name);
    assert.equal(json.IPAM.Config[0].Subnet, '198.18.130.0/24');
    assert.equal(json.Labels[TEST_LABEL], SCOPE);
  });

  it('connects a busybox container with a static address and aliases', async (t) => {
    if (!(await requireTarget(t))) return;
    // The container starts on a network of its own (the shared Engine's docker0 may not exist),
    // then joins the network under test.
    const home = await createNetwork(session.client!, { name: testName('home'), driver: 'bridge', subnet: '198.18.133.0/24', labels: testLabels(SCOPE) });
    const create = await api('POST', `/containers/create?name=${testName('ctr')}`, { Image: TEST_IMAGE, Cmd: ['/bin/sleep', '300'], Labels: testLabels(SCOPE), HostConfig: { NetworkMode: home.id } });
    assert.equal(create.status, 201, create.body);
    containerId = create.json<{ Id: string }>().Id;
    const start = await api('POST', `/containers/${containerId}/start`);
    assert.equal(start.status, 204, start.body);
    await connectContainer(session.client!, networkId, containerId, { ipv4: '198.18.130.10', aliases: ['svc', 'svc-alt'] });
    await waitFor(() => sawEvent('network', 'connect', containerId), 10_000, 'the connect event');
    // While the endpoint is being set up, Engine 20.10 may list it under "ep-<endpoint id>"
    // (moby daemon/network.go): wait for the container's own entry.
    await waitFor(() => node(name)?.children?.at(-1)?.children?.[0]?.containerId === containerId, 10_000, 'the container in the tree');
    const ctr = node(name)!.children!.at(-1)!.children![0];
    assert.equal(ctr.containerId, containerId);
    assert.equal(ctr.description, '198.18.130.10/24');
    assert.equal(ctr.address, '198.18.130.10');
    const details = Object.fromEntries(ctr.children!.map((c) => [c.label, c.description]));
    assert.equal(details.IPv4, '198.18.130.10/24');
    assert.match(details.MAC ?? '', /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/);
    assert.equal(details.Aliases, 'svc, svc-alt');

    // A container rename arrives as an event and shows without a refresh.
    const renamed = testName('renamed');
    assert.equal((await api('POST', `/containers/${containerId}/rename?name=${renamed}`)).status, 204);
    await waitFor(() => sawEvent('container', 'rename', containerId), 10_000, 'the rename event');
    await waitFor(() => node(name)?.children?.at(-1)?.children?.[0]?.label === renamed, 10_000, 'the new name in the tree');
  });

  it('two requests per refresh give the tree that inspecting every network and container gave (#19)', async (t) => {
    if (!(await requireTarget(t))) return;
    const client = session.client!;
    const requests: string[] = [];
    const counting = new Proxy(client, {
      get: (target, key) => (key === 'json' ? (method: string, path: string, opts?: object) => (requests.push(`${method} ${path}`), target.json(method, path, opts)) : Reflect.get(target, key)),
    });
    const load = createNetworkLoader();
    await load(counting);
    // The second load of a session: the two lists, and container records only for changed containers.
    requests.length = 0;
    const loaded = await load(counting);
    assert.deepEqual(requests.filter((r) => !/^GET \/networks\/[^/]+$/.test(r)).sort(), ['GET /containers/json', 'GET /networks']);
    // The reference: what the view loaded before #19, every network and container inspected.
    const reference = await inspectEveryNetwork(client);
    // Subnet usage (API 1.52+) is in network inspect only.
    const ours = (list: NetworkRecord[]): NetworkRecord[] => list.filter((n) => n.labels[TEST_LABEL] === SCOPE).map((n) => ({ ...n, subnetStatus: {} }));
    const opts = { hideBuiltin: false, sortBy: 'name', groupByProject: true } as const;
    const state = session.state;
    assert.ok(ours(loaded).some((n) => n.containers.some((c) => c.containerId === containerId)));
    assert.deepEqual(buildTree(state, ours(loaded), opts), buildTree(state, ours(reference), opts));
  });

  it('disconnects the container; the tree drops it', async (t) => {
    if (!(await requireTarget(t))) return;
    await disconnectContainer(session.client!, networkId, containerId);
    await waitFor(() => sawEvent('network', 'disconnect', containerId), 10_000, 'the disconnect event');
    await waitFor(() => node(name)?.children?.at(-1)?.description === 'none', 10_000, 'no container in the tree');
  });

  it('refuses to remove a built-in network; removes ours', async (t) => {
    if (!(await requireTarget(t))) return;
    const bridge = session.snapshot!.find((n) => n.name === 'bridge')!;
    await assert.rejects(removeNetwork(session.client!, bridge), (err: unknown) => err instanceof RefusedError && /built-in network/.test(err.message));
    await removeNetwork(session.client!, { id: networkId, name });
    await waitFor(() => sawEvent('network', 'destroy', networkId), 10_000, 'the destroy event');
    await waitFor(() => node(name) === undefined, 10_000, 'the network gone from the tree');
  });

  it('prunes unused networks, filtered to this test\'s label, and lists what went', async (t) => {
    if (!(await requireTarget(t))) return;
    const a = testName('prune-a');
    const b = testName('prune-b');
    await createNetwork(session.client!, { name: a, driver: 'bridge', subnet: '198.18.131.0/24', labels: testLabels(SCOPE) });
    await createNetwork(session.client!, { name: b, driver: 'bridge', subnet: '198.18.132.0/24', labels: testLabels(SCOPE) });
    await waitFor(() => node(a) !== undefined && node(b) !== undefined, 10_000, 'both networks in the tree');
    const removed = await pruneNetworks(session.client!, { label: [`${TEST_LABEL}=${SCOPE}`] });
    assert.deepEqual([...removed].sort(), [a, b].sort());
    await waitFor(() => node(a) === undefined && node(b) === undefined, 10_000, 'both gone from the tree');
    assert.ok(node('bridge'), 'the built-in networks stay');
  });

  it('a stopped container (die) leaves its network\'s container list', async (t) => {
    if (!(await requireTarget(t))) return;
    const home = session.snapshot!.find((n) => n.containers.some((c) => c.containerId === containerId))!;
    assert.ok(home, 'the container is on its home network');
    assert.equal((await api('POST', `/containers/${containerId}/stop?t=0`)).status, 204);
    await waitFor(() => sawEvent('container', 'die', containerId), 10_000, 'the die event');
    await waitFor(() => node(home.name)?.children?.at(-1)?.description === 'none', 10_000, 'the container gone from its network');
  });

  it('the container is removed; nothing of this file is left', async (t) => {
    if (!(await requireTarget(t))) return;
    await removeTestObjects(SCOPE, target.socket());
    const filters = encodeURIComponent(JSON.stringify({ label: [`${TEST_LABEL}=${SCOPE}`] }));
    assert.deepEqual((await api('GET', `/networks?filters=${filters}`)).json(), []);
    assert.deepEqual((await api('GET', `/containers/json?all=1&filters=${filters}`)).json(), []);
  });
});
}
