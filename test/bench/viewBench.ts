import { spawnSync } from 'child_process';
import * as path from 'path';
import { parseHost } from '../../client/src/engine/engineEndpoint';
import { EngineSession } from '../../client/src/engine/engineSession';
import { parseEvent, type NetworkRecord } from '../../client/src/networks/networkRecords';
import { isNetworkRelevant, loadNetworks, NETWORK_EVENT_FILTERS } from '../../client/src/networks/networkSnapshot';
import { buildTree, flattenNetworks, type TreeNode } from '../../client/src/networks/networkTreeModel';
import { ipText, parseCidr } from '../../server/src/shared/cidr';
import { api, ENGINE_SOCKET, engineReachable, removeTestObjects, TEST_IMAGE, TEST_LABEL, testLabels } from '../util/engine';
import { REPO_ROOT } from '../util/lspClient';
import type { ViewResults } from './results';
import { msSince, summarize } from './stats';

/**
 * The Docker Networks view against the real dockerd: 200 labelled bridge networks
 * (subnets /26 inside 198.19.128.0/17, this benchmark's share of 198.18.0.0/15) and 50
 * busybox containers, driven through the view's own vscode-free modules: EngineSession
 * (connection, events, debounced reloads), loadNetworks (the snapshot) and buildTree
 * (the tree model the provider maps to TreeItems).
 *
 * Measured: the Engine's reply to a refresh (list + inspects), the time from that reply
 * to a complete tree model, and how many reloads a burst of 100 `connect` events causes.
 * Everything created is labelled TEST_LABEL=bench and removed afterwards, also on
 * failure or Ctrl-C. Only the Engine API is used; no traffic goes to the containers.
 */
export const SCOPE = 'bench';
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

export async function runViewBench(opts: ViewBenchOptions): Promise<ViewResults> {
  const { log } = opts;
  const problem = await engineReachable();
  if (problem) return { skipped: problem };
  const notes: string[] = [];
  const result: ViewResults = { notes };
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
    session = new EngineSession<NetworkRecord[]>({
      resolution,
      load: async (client, signal) => {
        const entry: (typeof loads)[number] = { start: process.hrtime.bigint() };
        loads.push(entry);
        const networks = await loadNetworks(client, signal);
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
