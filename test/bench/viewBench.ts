import { spawnSync } from 'child_process';
import * as path from 'path';
import { EngineClient } from '../../client/src/engine/engineClient';
import { parseHost } from '../../client/src/engine/engineEndpoint';
import { EngineSession } from '../../client/src/engine/engineSession';
import { parseEvent, type NetworkRecord } from '../../client/src/networks/networkRecords';
import { createNetworkLoader, isNetworkRelevant, NETWORK_EVENT_FILTERS } from '../../client/src/networks/networkSnapshot';
import { buildTree, flattenNetworks, type TreeNode } from '../../client/src/networks/networkTreeModel';
import { ipText, parseCidr } from '../../server/src/shared/cidr';
import { api, ENGINE_SOCKET, engineReachable, removeTestObjects, TEST_IMAGE, TEST_LABEL, testLabels } from '../util/engine';
import { ReplayEngine } from '../unit/engine/replayEngine';
import { inspectEveryNetwork } from '../util/inspectEveryNetwork';
import { REPO_ROOT } from '../util/lspClient';
import type { EnginesResults, LoadFigures, ScaleResults, SshResults, ViewResults } from './results';
import { EngineFleet } from '../../client/src/engine/engineFleet';
import { engineViewOf } from '../../client/src/networks/engineView';
import { engineChildren, engineRootNode } from '../../client/src/networks/networkTreeModel';
import { msSince, summarize } from './stats';

/**
 * The Docker Networks view against the real dockerd: 200 labelled bridge networks
 * (subnets /26 inside 198.19.128.0/17, this benchmark's share of 198.18.0.0/15) and 50
 * busybox containers, driven through the view's own vscode-free modules: EngineSession
 * (connection, events, debounced reloads), createNetworkLoader (the snapshot: two lists
 * per refresh, #19) and buildTree (the tree model the provider maps to TreeItems).
 *
 * Measured: the Engine's reply to a refresh (the two lists), the time from that reply to
 * a complete tree model, the sum (the budget, end to end), and how many reloads a burst
 * of 100 `connect` events causes. Before that, on fake Engines (no dockerd needed):
 * 2,000 networks of 5 containers loaded as before #19 and with the two lists, and a
 * session over a fake ssh with a 300 ms dial (runScaleBench, runSshBench).
 * Everything created is labelled TEST_LABEL=bench and removed afterwards, also on
 * failure or Ctrl-C. Only the Engine API is used; no traffic goes to the containers.
 */
export const SCOPE = 'bench';
/** The unit tests' stand-in for `ssh … docker system dial-stdio` (test/unit/engine/fakeDialStdio.ts). */
const FAKE_SSH = path.join(__dirname, '..', 'unit', 'engine', 'fakeDialStdio.js');
const NETWORKS = 200;
const CONTAINERS = 50;
const BURST = 100;
/** The benchmark's share of 198.18.0.0/15 (the range reserved for benchmarking). */
export const BENCH_RANGE = '198.19.128.0/17';

export interface ViewBenchOptions {
  quick: boolean;
  log: (s: string) => void;
}

/** The i-th /26 of BENCH_RANGE, with its gateway (the first host address). */
export function benchSubnet(i: number): { subnet: string; gateway: string } {
  const range = parseCidr(BENCH_RANGE)!;
  const first = range.first + BigInt(i) * 64n;
  if (i < 0 || first + 63n > range.last) throw new Error(`subnet ${i} is outside ${BENCH_RANGE}`);
  return { subnet: `${ipText(first, 4)}/26`, gateway: ipText(first + 1n, 4) };
}

async function mapLimit<A, B>(items: readonly A[], limit: number, fn: (a: A, i: number) => Promise<B>): Promise<B[]> {
  const out: B[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

async function ok<T>(what: string, p: ReturnType<typeof api>, expect: number[]): Promise<T> {
  const r = await p;
  if (!expect.includes(r.status)) throw new Error(`${what}: HTTP ${r.status} ${r.body.slice(0, 300)}`);
  return (r.body ? r.json<T>() : undefined) as T;
}

/** Makes sure the test image exists (test/tools/busyboxImage.sh imports it without a registry). */
async function ensureImage(): Promise<string | undefined> {
  if ((await api('GET', `/images/${TEST_IMAGE}/json`)).status === 200) return undefined;
  const r = spawnSync('bash', [path.join(REPO_ROOT, 'test', 'tools', 'busyboxImage.sh')], { encoding: 'utf8', timeout: 120_000 });
  if ((await api('GET', `/images/${TEST_IMAGE}/json`)).status === 200) return undefined;
  return `image ${TEST_IMAGE} is missing and test/tools/busyboxImage.sh failed: ${(r.stderr || r.stdout || '').trim().slice(0, 200)}`;
}

/** Removes this benchmark's objects, several at a time, then sweeps with the shared helper. */
async function cleanup(log: (s: string) => void): Promise<void> {
  try {
    const filters = encodeURIComponent(JSON.stringify({ label: [`${TEST_LABEL}=${SCOPE}`] }));
    const containers = (await api('GET', `/containers/json?all=1&filters=${filters}`)).json<{ Id: string }[]>();
    await mapLimit(containers, 8, (c) => api('DELETE', `/containers/${c.Id}?force=1&v=1`));
    const networks = (await api('GET', `/networks?filters=${filters}`)).json<{ Id: string }[]>();
    await mapLimit(networks, 8, (n) => api('DELETE', `/networks/${n.Id}`));
    await removeTestObjects(SCOPE);
  } catch (err) {
    log(`  cleanup failed: ${(err as Error).message} (remove objects labelled ${TEST_LABEL}=${SCOPE} by hand)`);
  }
}

function countNodes(nodes: readonly TreeNode[]): number {
  let n = 0;
  for (const node of nodes) n += 1 + countNodes(node.children ?? []);
  return n;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A hex ID of 64 digits, as the Engine's, from a one-digit tag and a number. */
function fakeId(tag: string, i: number): string {
  return `${tag}${i.toString(16).padStart(63, '0')}`;
}

/**
 * A fake Engine (the recorded API 1.41 replies of the unit tests, with generated
 * networks and containers instead of the recorded ones): `networks` bridge networks of
 * `perNetwork` running containers each, every container on one network with an alias.
 * Subnets are /28s of 198.18.0.0/16; nothing is created anywhere.
 */
export async function syntheticEngine(networks: number, perNetwork: number, socketPath?: string): Promise<ReplayEngine> {
  const engine = await new ReplayEngine('1.41', socketPath).start();
  const net = (i: number): { id: string; name: string; subnet: string } => ({ id: fakeId('a', i), name: `dn-bench-net-${i}`, subnet: `198.18.${i >> 4}.${(i & 15) << 4}/28` });
  const address = (i: number, j: number): string => `198.18.${i >> 4}.${((i & 15) << 4) + 2 + j}`;
  const mac = (i: number, j: number): string => `02:42:c6:12:${(i & 255).toString(16).padStart(2, '0')}:${(j & 255).toString(16).padStart(2, '0')}`;
  const cid = (i: number, j: number): string => fakeId('c', i * perNetwork + j);
  const network = (i: number, withContainers: boolean): unknown => {
    const n = net(i);
    const containers: Record<string, unknown> = {};
    if (withContainers) {
      for (let j = 0; j < perNetwork; j++) containers[cid(i, j)] = { Name: `dn-bench-c-${i}-${j}`, EndpointID: fakeId('e', i * perNetwork + j), MacAddress: mac(i, j), IPv4Address: `${address(i, j)}/28`, IPv6Address: '' };
    }
    return { Name: n.name, Id: n.id, Scope: 'local', Driver: 'bridge', EnableIPv6: false, IPAM: { Driver: 'default', Options: null, Config: [{ Subnet: n.subnet }] }, Internal: false, Attachable: false, Ingress: false, ConfigFrom: { Network: '' }, ConfigOnly: false, Containers: containers, Options: {}, Labels: { 'com.example.tier': `tier-${i % 5}` } };
  };
  const endpoint = (i: number, j: number, inspect: boolean): unknown => ({
    IPAMConfig: null,
    Links: null,
    Aliases: inspect ? [`svc-${j}`, cid(i, j).slice(0, 12)] : null,
    NetworkID: net(i).id,
    EndpointID: fakeId('e', i * perNetwork + j),
    Gateway: '',
    IPAddress: address(i, j),
    IPPrefixLen: 28,
    IPv6Gateway: '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    MacAddress: mac(i, j),
    DriverOpts: null,
  });
  const summary = (i: number, j: number): unknown => ({ Id: cid(i, j), Names: [`/dn-bench-c-${i}-${j}`], Image: 'busybox', State: 'running', Status: 'Up', Labels: {}, NetworkSettings: { Networks: { [net(i).name]: endpoint(i, j, false) } } });
  const inspect = (i: number, j: number): unknown => ({ Id: cid(i, j), Name: `/dn-bench-c-${i}-${j}`, State: { Status: 'running' }, Config: { Image: 'busybox', Labels: {} }, NetworkSettings: { Networks: { [net(i).name]: endpoint(i, j, true) } } });
  const byNetworkId = new Map(Array.from({ length: networks }, (_, i) => [net(i).id, i]));
  const byContainerId = new Map(Array.from({ length: networks * perNetwork }, (_, k) => [cid(Math.floor(k / perNetwork), k % perNetwork), k]));
  const list = JSON.stringify(Array.from({ length: networks }, (_, i) => network(i, false)));
  const containers = JSON.stringify(Array.from({ length: networks * perNetwork }, (_, k) => summary(Math.floor(k / perNetwork), k % perNetwork)));
  engine.handler = (req, res) => {
    const p = (req.url ?? '').replace(/^\/v[\d.]+/, '').split('?')[0];
    const send = (body: unknown): true => {
      res.writeHead(body === undefined ? 404 : 200, { 'Content-Type': 'application/json', 'Api-Version': '1.41' });
      res.end(body === undefined ? '{"message":"not found"}' : typeof body === 'string' ? body : JSON.stringify(body));
      return true;
    };
    if (p === '/networks') return send(list);
    if (p === '/containers/json') return send(containers);
    const n = /^\/networks\/([0-9a-f]{64})$/.exec(p);
    if (n) return send(byNetworkId.has(n[1]) ? network(byNetworkId.get(n[1])!, true) : undefined);
    const c = /^\/containers\/([0-9a-f]{64})\/json$/.exec(p);
    if (c) {
      const k = byContainerId.get(c[1]);
      return send(k === undefined ? undefined : inspect(Math.floor(k / perNetwork), k % perNetwork));
    }
    return false;
  };
  return engine;
}

/** Requests the fake Engine answered since `from`, without the event stream. */
function requestsSince(engine: ReplayEngine, from: number): number {
  return engine.requests.slice(from).filter((r) => !r.includes('/events')).length;
}

/**
 * #19: 2,000 networks of 5 containers on a fake Engine (unix socket): requests and time
 * from the first request to the complete tree model, loading as before (every network
 * inspected) and with the two lists (a session's first load, then a refresh).
 */
export async function runScaleBench(opts: ViewBenchOptions): Promise<ScaleResults> {
  const networks = 2000;
  const perNetwork = 5;
  const rounds = opts.quick ? 2 : 5;
  const engine = await syntheticEngine(networks, perNetwork);
  try {
    const client = new EngineClient({ kind: 'unix', socketPath: engine.socketPath, host: `unix://${engine.socketPath}`, source: 'bench' });
    await client.negotiate();
    const measure = async (load: () => Promise<NetworkRecord[]>): Promise<{ requests: number; ms: number }> => {
      const from = engine.requests.length;
      const t = process.hrtime.bigint();
      const roots = buildTree({ kind: 'connected', host: '', identity: { apiVersion: '1.41' } }, await load());
      if (flattenNetworks(roots).length !== networks) throw new Error(`the tree model has ${flattenNetworks(roots).length} networks, not ${networks}`);
      return { requests: requestsSince(engine, from), ms: msSince(t) };
    };
    const figures = (runs: Array<{ requests: number; ms: number }>): LoadFigures => ({ requests: runs[runs.length - 1].requests, ms: summarize(runs.map((r) => r.ms)) });
    const before: Array<{ requests: number; ms: number }> = [];
    const first: Array<{ requests: number; ms: number }> = [];
    const refresh: Array<{ requests: number; ms: number }> = [];
    for (let r = 0; r < rounds; r++) {
      before.push(await measure(() => inspectEveryNetwork(client)));
      const load = createNetworkLoader();
      first.push(await measure(() => load(client)));
      // Containers beyond the 500 inspected per load get theirs in the next loads.
      for (let warm = 0; warm < 100 && (await measure(() => load(client))).requests > 2; warm++);
      refresh.push(await measure(() => load(client)));
    }
    const result: ScaleResults = { networks, containers: networks * perNetwork, inspectEvery: figures(before), firstLoad: figures(first), refresh: figures(refresh) };
    opts.log(`  ${networks} networks × ${perNetwork} containers (fake Engine): inspect every network ${result.inspectEvery.requests} requests, ${result.inspectEvery.ms.median.toFixed(0)} ms; two lists: first load ${result.firstLoad.requests} requests, ${result.firstLoad.ms.median.toFixed(0)} ms, refresh ${result.refresh.requests} requests, ${result.refresh.ms.median.toFixed(0)} ms`);
    return result;
  } finally {
    await engine.stop();
  }
}

/** #19: connect and refresh a session over a fake `ssh … dial-stdio` that takes 300 ms to dial; 40 networks of 2 containers. */
export async function runSshBench(opts: ViewBenchOptions): Promise<SshResults> {
  const networks = 40;
  const perNetwork = 2;
  const dialMs = 300;
  const engine = await syntheticEngine(networks, perNetwork);
  const session = new EngineSession<NetworkRecord[]>({
    resolution: { ok: true, endpoint: { kind: 'ssh', command: process.execPath, args: [FAKE_SSH, engine.socketPath, String(dialMs)], host: 'ssh://bench', source: 'bench' } },
    load: createNetworkLoader(),
    isRelevant: isNetworkRelevant,
    eventFilters: NETWORK_EVENT_FILTERS,
  });
  try {
    let t = process.hrtime.bigint();
    session.start();
    await session.whenConnected(60_000);
    const connectMs = msSince(t);
    t = process.hrtime.bigint();
    await session.refresh();
    const refreshMs = msSince(t);
    const result: SshResults = { networks, containers: networks * perNetwork, dialMs, processes: engine.connections, requests: engine.requests.length, connectMs, refreshMs };
    opts.log(`  ssh with a ${dialMs} ms dial, ${networks} networks: ${result.processes} ssh processes for ${result.requests} requests; connect ${connectMs.toFixed(0)} ms, refresh ${refreshMs.toFixed(0)} ms`);
    return result;
  } finally {
    session.dispose();
    await engine.stop();
  }
}

/**
 * #22: five Engines side by side, each a fake Engine of 200 networks with 2 containers each
 * (its own socket, as separate hosts would be): all five connected at once, then all five
 * refreshed at once, each Engine's refresh timed from its first request to its part of the
 * tree (engineChildren), and the whole tree (five roots, all expanded) built.
 */
export async function runEnginesBench(opts: ViewBenchOptions): Promise<EnginesResults> {
  const count = 5;
  const networksEach = 200;
  const perNetwork = 2;
  const rounds = opts.quick ? 3 : 10;
  const engines = await Promise.all(Array.from({ length: count }, () => syntheticEngine(networksEach, perNetwork)));
  const starts = new Map<string, bigint>();
  const refreshMs: number[] = [];
  // The fleet calls its listeners inside try/catch (one must not break another), so a
  // wrong tree is noted here and thrown after the rounds, not thrown from the listener.
  const wrongTrees: string[] = [];
  const fleet = new EngineFleet<NetworkRecord[]>(
    engines.map((e, i) => ({ id: `bench:${i}`, name: `engine-${i}`, source: 'bench', current: i === 0, resolution: parseHost(`unix://${e.socketPath}`, 'bench', undefined, process.platform) })),
    (entry) => {
      const load = createNetworkLoader();
      return new EngineSession<NetworkRecord[]>({
        resolution: entry.resolution,
        load: async (client, signal) => {
          starts.set(entry.id, process.hrtime.bigint());
          return load(client, signal);
        },
        isRelevant: isNetworkRelevant,
        eventFilters: NETWORK_EVENT_FILTERS,
      });
    },
  );
  // What the provider does when a root's snapshot changes: that Engine's part of the tree.
  fleet.onDidChange((id, what) => {
    const m = fleet.get(id);
    const start = starts.get(id);
    if (what !== 'snapshot' || !m || start === undefined) return;
    const kids = engineChildren(engineViewOf(m, undefined));
    if (flattenNetworks(kids).length !== networksEach) wrongTrees.push(`engine ${id}: ${flattenNetworks(kids).length} networks in the tree, not ${networksEach}`);
    refreshMs.push(msSince(start));
  });
  try {
    let t = process.hrtime.bigint();
    for (const m of fleet.all) fleet.start(m.entry.id);
    await Promise.all(fleet.all.map((m) => m.session.whenConnected(60_000)));
    const connectAllMs = msSince(t);
    // Only the refresh rounds are judged: while an Engine connects, its first snapshots come before its networks.
    refreshMs.length = 0;
    wrongTrees.length = 0;
    const models: number[] = [];
    for (let r = 0; r < rounds; r++) {
      await Promise.all(fleet.all.map((m) => m.session.refresh()));
      t = process.hrtime.bigint();
      const roots = fleet.all.map((m) => engineRootNode(engineViewOf(m, 'bench:0')));
      const nodes = roots.length + fleet.all.reduce((n, m) => n + countNodes(engineChildren(engineViewOf(m, 'bench:0'))), 0);
      models.push(msSince(t));
      if (nodes < count * networksEach) throw new Error(`only ${nodes} tree nodes for ${count} Engines`);
    }
    if (wrongTrees.length) throw new Error(wrongTrees.join('; '));
    const result: EnginesResults = { engines: count, networksEach, containersEach: networksEach * perNetwork, connectAllMs, perEngineRefreshMs: summarize(refreshMs), modelAllMs: summarize(models) };
    opts.log(`  ${count} Engines × ${networksEach} networks (fake Engines): all connected in ${connectAllMs.toFixed(0)} ms; refreshed at once, per Engine ${result.perEngineRefreshMs.median.toFixed(1)} ms median (p95 ${result.perEngineRefreshMs.p95.toFixed(1)}); whole tree ${result.modelAllMs.median.toFixed(1)} ms`);
    return result;
  } finally {
    fleet.dispose();
    await Promise.all(engines.map((e) => e.stop()));
  }
}

export async function runViewBench(opts: ViewBenchOptions): Promise<ViewResults> {
  const { log } = opts;
  const notes: string[] = [];
  // Fake Engines first: they need no dockerd.
  const scale = await runScaleBench(opts);
  const ssh = await runSshBench(opts);
  const engines = await runEnginesBench(opts);
  const problem = await engineReachable();
  if (problem) return { skipped: problem, scale, ssh, engines };
  const result: ViewResults = { notes, scale, ssh, engines };
  let session: EngineSession<NetworkRecord[]> | undefined;
  const onSignal = (): void => {
    session?.dispose();
    void cleanup(log).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const started = process.hrtime.bigint();
  try {
    const version = (await api('GET', '/version')).json<{ Version: string; ApiVersion: string }>();
    result.engine = { version: version.Version, apiVersion: version.ApiVersion };
    await cleanup(log); // leftovers of an interrupted run

    // ---- 200 networks, 50 containers -------------------------------------------------
    const prefix = `dn-bench-${process.pid}`;
    const netNames = Array.from({ length: NETWORKS }, (_, i) => `${prefix}-net-${String(i).padStart(3, '0')}`);
    const netIds = await mapLimit(netNames, 8, async (name, i) => {
      const { subnet, gateway } = benchSubnet(i);
      const r = await ok<{ Id: string }>(
        `creating network ${name}`,
        api('POST', '/networks/create', {
          Name: name,
          Driver: 'bridge',
          CheckDuplicate: true,
          IPAM: { Driver: 'default', Config: [{ Subnet: subnet, Gateway: gateway }] },
          Labels: { ...testLabels(SCOPE), 'com.example.tier': `tier-${i % 5}` },
        }),
        [201],
      );
      return r.Id;
    });
    result.networks = NETWORKS;
    log(`  created ${NETWORKS} networks (${msSince(started).toFixed(0)} ms)`);

    const imageProblem = await ensureImage();
    const containerIds: string[] = [];
    if (imageProblem) notes.push(imageProblem);
    else {
      const ids = await mapLimit(Array.from({ length: CONTAINERS }, (_, i) => i), 8, async (i) => {
        const net = netNames[i];
        const c = await ok<{ Id: string }>(
          `creating container ${i}`,
          api('POST', `/containers/create?name=${prefix}-c-${String(i).padStart(2, '0')}`, {
            Image: TEST_IMAGE,
            Cmd: ['/bin/sleep', '300'],
            Labels: testLabels(SCOPE),
            HostConfig: { NetworkMode: net },
            NetworkingConfig: { EndpointsConfig: { [net]: {} } },
          }),
          [201],
        );
        await ok(`starting container ${i}`, api('POST', `/containers/${c.Id}/start`), [204, 304]);
        return c.Id;
      });
      containerIds.push(...ids);
    }
    result.containers = containerIds.length;
    log(`  started ${containerIds.length} containers (${msSince(started).toFixed(0)} ms)`);

    // ---- the view's session and tree model --------------------------------------------
    const resolution = parseHost(`unix://${ENGINE_SOCKET}`, 'benchmark', undefined, process.platform);
    const loads: Array<{ start: bigint; replyMs?: number; modelMs?: number; nodes?: number; ours?: number }> = [];
    // The extension's loader: the two lists, containers inspected once per session (#19).
    const load = createNetworkLoader();
    session = new EngineSession<NetworkRecord[]>({
      resolution,
      load: async (client, signal) => {
        const entry: (typeof loads)[number] = { start: process.hrtime.bigint() };
        loads.push(entry);
        const networks = await load(client, signal);
        entry.replyMs = msSince(entry.start);
        return networks;
      },
      isRelevant: isNetworkRelevant,
      eventFilters: NETWORK_EVENT_FILTERS,
      // debounceMs left unset: the view uses the session's default.
    });
    const s = session;
    s.onDidChangeSnapshot((networks) => {
      const entry = loads[loads.length - 1];
      if (!entry || entry.replyMs === undefined || entry.modelMs !== undefined || !networks) return;
      // From the Engine's reply to the complete model: buildTree builds every node.
      const t = process.hrtime.bigint();
      const roots = buildTree(s.state.kind === 'connected' ? s.state : { kind: 'connected', host: '', identity: { apiVersion: '' } }, networks);
      entry.nodes = countNodes(roots);
      entry.modelMs = msSince(t);
      entry.ours = flattenNetworks(roots).filter((n) => n.networkName?.startsWith(prefix)).length;
    });
    s.start();
    await s.whenConnected(30_000);

    const refreshes = opts.quick ? 3 : 10;
    const firstMeasured = loads.length;
    for (let i = 0; i < refreshes; i++) await s.refresh();
    const measured = loads.slice(firstMeasured).filter((l) => l.modelMs !== undefined);
    result.engineMs = summarize(measured.map((l) => l.replyMs!));
    result.modelMs = summarize(measured.map((l) => l.modelMs!));
    result.refreshMs = summarize(measured.map((l) => l.replyMs! + l.modelMs!));
    const last = measured[measured.length - 1];
    if (last) notes.push(`the model held ${last.ours} of the ${NETWORKS} benchmark networks (${last.nodes} tree nodes in all, other networks on the Engine included)`);
    log(`  refresh: Engine ${result.engineMs.median.toFixed(1)} ms, model ${result.modelMs.median.toFixed(2)} ms (median of ${measured.length})`);

    // ---- a burst of 100 connect events ------------------------------------------------
    if (containerIds.length * 2 >= BURST && NETWORKS >= CONTAINERS + BURST) {
      const ours = new Set(containerIds);
      let connectEvents = 0;
      let foreignEvents = 0;
      let firstEvent: bigint | undefined;
      let lastEvent: bigint | undefined;
      const offEvent = s.onEvent((raw) => {
        const e = parseEvent(raw);
        if (!e) return;
        if (e.type === 'network' && e.action === 'connect' && ours.has(e.attributes.container ?? '')) {
          connectEvents++;
          firstEvent ??= process.hrtime.bigint();
          lastEvent = process.hrtime.bigint();
        } else if (isNetworkRelevant(raw)) foreignEvents++;
      });
      // Let any reload still pending settle, then count from a quiet start.
      const quiet = async (quietMs: number, timeoutMs: number): Promise<void> => {
        const until = Date.now() + timeoutMs;
        let count = loads.length;
        let since = Date.now();
        while (Date.now() < until) {
          await sleep(50);
          const busy = loads.some((l) => l.replyMs === undefined);
          if (loads.length !== count || busy) {
            count = loads.length;
            since = Date.now();
          } else if (Date.now() - since >= quietMs) return;
        }
      };
      await quiet(600, 10_000);
      const before = loads.length;
      const t = process.hrtime.bigint();
      // Every container joins two more networks, all requests at once: 100 `connect` events.
      const pairs = Array.from({ length: BURST }, (_, k) => ({ container: containerIds[k % containerIds.length], network: netIds[CONTAINERS + k] }));
      await Promise.all(pairs.map((p) => ok(`connecting ${p.container.slice(0, 12)}`, api('POST', `/networks/${p.network}/connect`, { Container: p.container }), [200])));
      const requestsMs = msSince(t);
      const until = Date.now() + 30_000;
      while (connectEvents < BURST && Date.now() < until) await sleep(50);
      await quiet(1000, 30_000);
      offEvent();
      result.burstEvents = connectEvents;
      result.burstRefreshes = loads.length - before;
      const spread = firstEvent !== undefined && lastEvent !== undefined ? Number(lastEvent - firstEvent) / 1e6 : undefined;
      notes.push(
        `the ${BURST} connect requests took ${requestsMs.toFixed(0)} ms; the Engine emitted their events over ${spread?.toFixed(0) ?? '?'} ms` +
          (foreignEvents ? `; ${foreignEvents} other relevant events (other tests on the shared Engine) arrived meanwhile` : ''),
      );
      log(`  burst: ${connectEvents} connect events over ${spread?.toFixed(0) ?? '?'} ms → ${result.burstRefreshes} reloads`);
    } else notes.push('no burst: the containers could not be created');
  } catch (err) {
    result.skipped = `failed: ${(err as Error).message}`;
    log(`  view benchmark failed: ${(err as Error).message}`);
  } finally {
    session?.dispose();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    const t = process.hrtime.bigint();
    await cleanup(log);
    log(`  removed the benchmark's networks and containers (${msSince(t).toFixed(0)} ms)`);
  }
  return result;
}
