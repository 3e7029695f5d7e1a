import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as tick } from 'node:timers/promises';
import { SerialLifecycle, type Startable } from '../../client/src/serialLifecycle';

/** A client whose start takes a few turns of the event loop, as a server compiling without a code cache does. */
class SlowClient implements Startable {
  static running = 0;
  static mostRunning = 0;
  state: 'new' | 'starting' | 'running' | 'stopped' = 'new';
  constructor(readonly id: number, private readonly fails = false) {}
  async start(): Promise<void> {
    this.state = 'starting';
    for (let i = 0; i < 5; i++) await tick();
    if (this.fails) throw new Error(`client ${this.id} failed`);
    this.state = 'running';
    SlowClient.running++;
    SlowClient.mostRunning = Math.max(SlowClient.mostRunning, SlowClient.running);
  }
  async stop(): Promise<void> {
    // What vscode-languageclient cannot do well: stop a client in the middle of its start.
    assert.notEqual(this.state, 'starting', `client ${this.id} stopped while starting`);
    if (this.state === 'running') SlowClient.running--;
    this.state = 'stopped';
    await tick();
  }
}

describe('SerialLifecycle: the language client started and restarted one at a time', () => {
  it('never runs two clients, and never stops one in the middle of its start', async () => {
    SlowClient.running = 0;
    SlowClient.mostRunning = 0;
    const made: SlowClient[] = [];
    const lifecycle = new SerialLifecycle(() => {
      const c = new SlowClient(made.length);
      made.push(c);
      return c;
    }, (err) => assert.fail(String(err)));
    // Activation's start, then trust granted and a setting changed before it finished.
    const first = lifecycle.start();
    const restarts = [lifecycle.restart(), lifecycle.restart()];
    await Promise.all([first, ...restarts]);
    assert.deepEqual(made.map((c) => c.state), ['stopped', 'stopped', 'running']);
    assert.equal(SlowClient.mostRunning, 1);
    assert.equal(lifecycle.client, made[2]);
    await lifecycle.stop();
    assert.equal(made[2].state, 'stopped');
    assert.equal(lifecycle.client, undefined);
  });

  it('reports a start that failed and still starts the next one', async () => {
    const failures: string[] = [];
    let n = 0;
    const lifecycle = new SerialLifecycle(() => new SlowClient(n, n++ === 0), (err) => failures.push((err as Error).message));
    await Promise.all([lifecycle.start(), lifecycle.restart()]);
    assert.deepEqual(failures, ['client 0 failed']);
    assert.equal((lifecycle.client as SlowClient).state, 'running');
  });
});
