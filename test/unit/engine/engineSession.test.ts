import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import type { EngineEndpoint } from '../../../client/src/engine/engineEndpoint';
import { EngineSession, type SessionState } from '../../../client/src/engine/engineSession';
import type { NetworkRecord } from '../../../client/src/networks/networkRecords';
import { isNetworkRelevant, loadNetworks, NETWORK_EVENT_FILTERS } from '../../../client/src/networks/networkSnapshot';
import { ReplayEngine, tempSocketPath, waitFor } from './replayEngine';

function endpoint(socketPath: string): EngineEndpoint {
  return { kind: 'unix', socketPath, host: `unix://${socketPath}`, source: 'test' };
}

const networkEvent = (action: string, name: string): unknown => ({ Type: 'network', Action: action, Actor: { ID: `id-${name}`, Attributes: { name, type: 'bridge' } }, scope: 'local', time: 1, timeNano: 1 });

describe('EngineSession (replayed Engine)', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  function session(socketPath: string, debounceMs = 50): { s: EngineSession<NetworkRecord[]>; states: SessionState[] } {
    const s = new EngineSession<NetworkRecord[]>({
      resolution: { ok: true, endpoint: endpoint(socketPath) },
      load: loadNetworks,
      isRelevant: isNetworkRelevant,
      eventFilters: NETWORK_EVENT_FILTERS,
      debounceMs,
      retryMinMs: 50,
      retryMaxMs: 400,
    });
    const states: SessionState[] = [];
    s.onDidChangeState((st) => states.push(st));
    cleanup.push(() => s.dispose());
    return { s, states };
  }

  async function replay(version = '1.41', socketPath?: string): Promise<ReplayEngine> {
    const e = await new ReplayEngine(version, socketPath).start();
    cleanup.push(() => e.stop());
    return e;
  }

  it('connects, loads the networks with their containers, and follows events', async () => {
    const engine = await replay('1.52');
    const { s } = session(engine.socketPath);
    s.start();
    await s.whenConnected(5000);
    assert.equal(s.state.kind === 'connected' && s.state.identity.apiVersion, '1.52');
    const app = s.snapshot?.find((n) => n.name === 'dn-fixture-app');
    assert.deepEqual(app?.containers.map((c) => [c.name, c.aliases]), [['dn-fixture-web', ['web', 'frontend']]]);
    assert.equal(engine.eventStreams, 1);
    assert.ok(engine.requests.some((r) => r.startsWith('GET /v1.52/events?filters=') && decodeURIComponent(r).includes('{"type":["network","container","service","node"]}')), engine.requests.join('\n'));
  });

  it('a burst of 100 events causes at most 2 reloads; irrelevant events none', async () => {
    const engine = await replay();
    const { s } = session(engine.socketPath, 100);
    s.start();
    await s.whenConnected(5000);
    const before = s.loads;
    let seen = 0;
    s.onEvent(() => seen++);
    for (let i = 0; i < 100; i++) engine.emit(networkEvent(i % 2 ? 'connect' : 'create', `n${i}`));
    await waitFor(() => seen === 100, 5000, '100 events');
    await waitFor(() => s.loads > before, 5000, 'a reload');
    // Let any queued reload run: poll until the count is stable for a few intervals.
    let last = -1;
    await waitFor(() => {
      const stable = s.loads === last;
      last = s.loads;
      return stable;
    }, 5000, 'reloads to settle');
    assert.ok(s.loads - before <= 2, `reloads: ${s.loads - before}`);

    const settled = s.loads;
    engine.emit({ Type: 'container', Action: 'exec_start: sh', Actor: { ID: 'c', Attributes: {} } });
    engine.emit({ Type: 'network', Action: 'create', Actor: { ID: 'z', Attributes: { name: 'z' } } });
    await waitFor(() => s.loads > settled, 5000, 'the relevant event to reload');
    assert.equal(s.loads, settled + 1);
  });

  it('skips a malformed event and keeps following the stream', async () => {
    const engine = await replay();
    const { s } = session(engine.socketPath);
    s.start();
    await s.whenConnected(5000);
    let seen = 0;
    s.onEvent(() => seen++);
    engine.emitRaw('{"Type": "network", oops}\n');
    engine.emit(networkEvent('destroy', 'x'));
    await waitFor(() => seen === 1, 5000, 'the good event');
    assert.equal(s.state.kind, 'connected');
  });

  it('reopens the event stream when it ends while the Engine still answers', async () => {
    const engine = await replay();
    const { s } = session(engine.socketPath);
    s.start();
    await s.whenConnected(5000);
    const opened = () => engine.requests.filter((r) => r.includes('/events')).length;
    assert.equal(opened(), 1);
    engine.endEvents();
    await waitFor(() => opened() === 2 && engine.eventStreams === 1 && s.state.kind === 'connected', 5000, 'a new event stream');
  });

  it('goes unreachable (socket missing) when the Engine stops, and recovers when it is back', async () => {
    const socketPath = tempSocketPath('restart');
    const first = await new ReplayEngine('1.41', socketPath).start();
    const { s, states } = session(socketPath);
    s.start();
    await s.whenConnected(5000);
    await first.stop();
    await waitFor(() => s.state.kind === 'unreachable', 5000, 'unreachable');
    assert.equal(s.state.kind === 'unreachable' && s.state.problem.kind, 'socket-missing');
    assert.equal(s.snapshot, undefined);
    const unreachableStates = states.filter((x) => x.kind === 'unreachable').length;
    await replay('1.44', socketPath);
    await s.whenConnected(2000);
    assert.equal(s.state.kind === 'connected' && s.state.identity.apiVersion, '1.44');
    assert.ok((s.snapshot as NetworkRecord[] | undefined)?.length);
    // Probing while down did not repeat the same state over and over.
    assert.equal(unreachableStates, 1);
  });

  it('a configuration problem is a state, not an exception', () => {
    const s = new EngineSession<NetworkRecord[]>({ resolution: { ok: false, reason: 'docker context "x" does not exist', advice: 'Run docker context ls' }, load: loadNetworks });
    s.start();
    assert.deepEqual(s.state, { kind: 'unreachable', host: '', problem: { kind: 'config', reason: 'docker context "x" does not exist', advice: 'Run docker context ls' } });
    s.dispose();
  });
});

describe('EngineSession refresh scheduling (fake timers)', () => {
  /**
   * Drives the private scheduler directly under node:test's fake clock, counting the
   * refreshes it starts: the policy is a trailing debounce with a maximum wait.
   */
  function scheduler(opts: { debounceMs?: number; maxWaitMs?: number }): { event(): void; refreshes: () => number; dispose(): void } {
    const s = new EngineSession<unknown>({ resolution: { ok: false, reason: 'test', advice: '' }, load: async () => undefined, ...opts });
    let refreshes = 0;
    const internals = s as unknown as { scheduleRefresh(): void; runRefresh(): Promise<void> };
    internals.runRefresh = async () => {
      refreshes++;
    };
    return { event: () => internals.scheduleRefresh(), refreshes: () => refreshes, dispose: () => s.dispose() };
  }

  function withFakeClock(body: () => void): void {
    mock.timers.enable({ apis: ['setTimeout', 'Date'], now: 0 });
    try {
      body();
    } finally {
      mock.timers.reset();
    }
  }

  it('100 events spread over 3 s: one reload per 2.5 s of burst, not one per quiet gap', () => {
    withFakeClock(() => {
      const sch = scheduler({});
      // One event every 30 ms: never 200 ms of quiet until the end.
      for (let i = 0; i < 100; i++) {
        sch.event();
        mock.timers.tick(30);
      }
      mock.timers.tick(2000);
      // Bursts start at 0 and 2520 ms; each reloads 2.5 s after its start at the latest.
      assert.equal(sch.refreshes(), 2);
      sch.dispose();
    });
  });

  it('a burst within the maximum wait is one reload, after the quiet time', () => {
    withFakeClock(() => {
      const sch = scheduler({ debounceMs: 200 });
      for (let i = 0; i < 100; i++) {
        sch.event();
        mock.timers.tick(4);
      }
      // Events from 0 to 396 ms: the quiet time restarted with each, so nothing before 596 ms.
      mock.timers.tick(150);
      assert.equal(sch.refreshes(), 0);
      mock.timers.tick(50);
      assert.equal(sch.refreshes(), 1);
      mock.timers.tick(5000);
      assert.equal(sch.refreshes(), 1);
      sch.dispose();
    });
  });

  it('the maximum wait bounds the delay even when events never pause', () => {
    withFakeClock(() => {
      const sch = scheduler({ debounceMs: 200, maxWaitMs: 500 });
      sch.event();
      // Events at 50, 100, …, 450 ms: each restarts the 200 ms quiet time.
      for (let t = 50; t < 500; t += 50) {
        mock.timers.tick(50);
        sch.event();
      }
      mock.timers.tick(40);
      assert.equal(sch.refreshes(), 0);
      mock.timers.tick(20);
      assert.equal(sch.refreshes(), 1);
      sch.dispose();
    });
  });
});
