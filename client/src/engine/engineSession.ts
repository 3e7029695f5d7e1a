import type * as http from 'http';
import { EngineClient, type EngineClientOptions, type EngineIdentity } from './engineClient';
import type { EngineEndpoint, Resolution } from './engineEndpoint';
import { describeProblem, type EngineProblem } from './engineError';
import { readJsonLines } from './jsonLines';

/**
 * One live connection to an Engine, kept current: negotiate, load a snapshot, follow
 * `GET /events`, refresh (debounced) when an event matters, and when the stream ends
 * poll `/_ping` with a short back-off until the Engine is back. No vscode import: the
 * view, the language-server bridge and the integration tests all drive this class.
 */

export type SessionState =
  | { kind: 'connecting'; host: string }
  | { kind: 'connected'; host: string; identity: EngineIdentity }
  | { kind: 'unreachable'; host: string; problem: EngineProblem };

export interface SessionOptions<T> {
  resolution: Resolution;
  /** Loads the snapshot the session keeps (e.g. the networks with their containers). */
  load(client: EngineClient, signal: AbortSignal): Promise<T>;
  /** Events that call for a new snapshot; all events when absent. */
  isRelevant?(event: unknown): boolean;
  /** `filters` of GET /events. */
  eventFilters?: Record<string, string[]>;
  /** Quiet time after the last relevant event before the snapshot is reloaded (default 200 ms). */
  debounceMs?: number;
  /**
   * Longest wait after the first relevant event of a burst (default 1,000 ms): events
   * that keep coming do not postpone the reload beyond this.
   */
  maxWaitMs?: number;
  /** First and largest wait between `/_ping` probes while the Engine is unreachable. */
  retryMinMs?: number;
  retryMaxMs?: number;
  client?: EngineClientOptions;
  log?(line: string): void;
}

type Listener<A> = (value: A) => void;

class Emitter<A> {
  private listeners = new Set<Listener<A>>();
  on(l: Listener<A>): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
  fire(value: A): void {
    for (const l of [...this.listeners]) {
      try {
        l(value);
      } catch {
        // a listener's failure must not stop the session
      }
    }
  }
}

/** Back-off caps per transport: local sockets are cheap to probe, ssh spawns a process. */
function defaultRetryMax(endpoint: EngineEndpoint): number {
  return endpoint.kind === 'ssh' ? 10_000 : endpoint.kind === 'tcp' ? 2_000 : 1_000;
}

export class EngineSession<T> {
  readonly client?: EngineClient;
  private _state: SessionState;
  private _snapshot?: T;
  private generation = 0;
  private controller?: AbortController;
  private stream?: http.IncomingMessage;
  private retryTimer?: NodeJS.Timeout;
  private debounceTimer?: NodeJS.Timeout;
  /** When the first relevant event of the pending burst came (Date.now()). */
  private burstStartedAt = 0;
  private retryDelay: number;
  private refreshing = false;
  private streamOpenedAt = 0;
  private dirty = false;
  private disposed = false;
  private readonly stateEmitter = new Emitter<SessionState>();
  private readonly snapshotEmitter = new Emitter<T | undefined>();
  private readonly eventEmitter = new Emitter<unknown>();
  /** Counts snapshot loads (tests assert on debouncing with it). */
  loads = 0;

  constructor(private readonly options: SessionOptions<T>) {
    const r = options.resolution;
    this.retryDelay = options.retryMinMs ?? 100;
    if (r.ok) {
      this.client = new EngineClient(r.endpoint, options.client);
      this._state = { kind: 'connecting', host: r.endpoint.host };
    } else {
      this._state = { kind: 'unreachable', host: '', problem: { kind: 'config', reason: r.reason, advice: r.advice } };
    }
  }

  get state(): SessionState {
    return this._state;
  }
  get snapshot(): T | undefined {
    return this._snapshot;
  }
  get endpoint(): EngineEndpoint | undefined {
    return this.client?.endpoint;
  }

  onDidChangeState(l: Listener<SessionState>): () => void {
    return this.stateEmitter.on(l);
  }
  onDidChangeSnapshot(l: Listener<T | undefined>): () => void {
    return this.snapshotEmitter.on(l);
  }
  /** Every event the stream delivers, parsed JSON (before relevance filtering). */
  onEvent(l: Listener<unknown>): () => void {
    return this.eventEmitter.on(l);
  }

  start(): void {
    if (this.client && !this.disposed) void this.connect();
  }

  /** Reconnects now (the view's Retry), forgetting any back-off. */
  retry(): void {
    this.retryDelay = this.options.retryMinMs ?? 100;
    this.start();
  }

  /** Reloads the snapshot now (the view's Refresh); reconnects when not connected. */
  async refresh(): Promise<void> {
    if (this._state.kind !== 'connected') {
      this.retry();
      return;
    }
    await this.runRefresh();
  }

  /** Resolves when the session is connected (or rejects after `timeoutMs`). */
  whenConnected(timeoutMs: number): Promise<void> {
    if (this._state.kind === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`not connected within ${timeoutMs} ms (state: ${JSON.stringify(this._state)})`));
      }, timeoutMs);
      const off = this.onDidChangeState((s) => {
        if (s.kind === 'connected') {
          clearTimeout(timer);
          off();
          resolve();
        }
      });
    });
  }

  dispose(): void {
    this.disposed = true;
    this.teardown();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  private setState(s: SessionState): void {
    const old = this._state;
    this._state = s;
    // The same problem again is not news: no event storms while the Engine stays down.
    if (old.kind === 'unreachable' && s.kind === 'unreachable' && old.problem.reason === s.problem.reason) return;
    if (old.kind === 'connecting' && s.kind === 'connecting') return;
    this.stateEmitter.fire(s);
  }

  private teardown(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    clearTimeout(this.retryTimer);
    clearTimeout(this.debounceTimer);
    this.retryTimer = undefined;
    this.debounceTimer = undefined;
    this.stream?.destroy();
    this.stream = undefined;
    this.dirty = false;
  }

  private async connect(): Promise<void> {
    this.teardown();
    const gen = this.generation;
    const controller = new AbortController();
    this.controller = controller;
    const client = this.client!;
    if (this._state.kind !== 'unreachable') this.setState({ kind: 'connecting', host: client.endpoint.host });
    try {
      const identity = await client.negotiate({ signal: controller.signal });
      if (gen !== this.generation) return;
      // Follow events before loading, so no change between the load and the stream is lost.
      await this.openEvents(gen, controller.signal);
      if (gen !== this.generation) return;
      await this.load(gen, controller.signal);
      if (gen !== this.generation) return;
      this.retryDelay = this.options.retryMinMs ?? 100;
      this.log(`Connected to Docker Engine ${identity.version ?? '?'} (API ${identity.apiVersion}) at ${client.endpoint.host}`);
      this.setState({ kind: 'connected', host: client.endpoint.host, identity });
    } catch (err) {
      if (gen !== this.generation) return;
      this.fail(err);
    }
  }

  private async load(gen: number, signal: AbortSignal): Promise<void> {
    this.loads++;
    const snapshot = await this.options.load(this.client!, signal);
    if (gen !== this.generation) return;
    this._snapshot = snapshot;
    this.snapshotEmitter.fire(snapshot);
  }

  private async openEvents(gen: number, signal: AbortSignal): Promise<void> {
    const filters = this.options.eventFilters ?? { type: ['network', 'container'] };
    const stream = await this.client!.openStream('/events', { query: { filters }, signal });
    if (gen !== this.generation) {
      stream.destroy();
      return;
    }
    this.stream = stream;
    this.streamOpenedAt = Date.now();
    // Registered before the 'end' listener below, so an event cut off by the end of the
    // stream is read (and reported as unreadable) before the stream counts as lost.
    const lines = readJsonLines(
      stream,
      (value) => this.onStreamEvent(gen, value),
      (text, error) => this.log(`Skipped an unreadable event (${error}): ${text.slice(0, 200)}`),
    );
    let ended = false;
    const onEnd = (why: string): void => {
      if (ended) return;
      ended = true;
      lines.close();
      if (gen !== this.generation || this.disposed) return;
      this.log(`The Engine's event stream ended (${why}).`);
      void this.streamLost(gen);
    };
    stream.on('end', () => onEnd('end'));
    stream.on('error', (err) => onEnd(err.message));
    stream.on('close', () => onEnd('closed'));
  }

  private onStreamEvent(gen: number, value: unknown): void {
    if (gen !== this.generation) return;
    this.eventEmitter.fire(value);
    if (this.options.isRelevant && !this.options.isRelevant(value)) return;
    this.scheduleRefresh();
  }

  /**
   * Trailing debounce with a maximum wait: every relevant event restarts the quiet
   * period, but the reload runs at the latest `maxWaitMs` after the first event of the
   * burst. `docker compose up` of many containers emits connect events over seconds;
   * a fixed timer from the first event reloaded again and again during such a burst,
   * a pure trailing one would wait for its end.
   */
  private scheduleRefresh(): void {
    const now = Date.now();
    if (this.debounceTimer) clearTimeout(this.debounceTimer);
    else this.burstStartedAt = now;
    const quiet = this.options.debounceMs ?? 200;
    const left = this.burstStartedAt + (this.options.maxWaitMs ?? 1000) - now;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      void this.runRefresh();
    }, Math.max(0, Math.min(quiet, left)));
  }

  /** At most one load in flight; events during it cause exactly one more. */
  private async runRefresh(): Promise<void> {
    if (!this.client || this._state.kind !== 'connected') return;
    if (this.refreshing) {
      this.dirty = true;
      return;
    }
    this.refreshing = true;
    const gen = this.generation;
    try {
      await this.load(gen, this.controller?.signal ?? new AbortController().signal);
    } catch (err) {
      // A lost Engine is noticed through the event stream; here we only log.
      this.log(`Refreshing the networks failed: ${(err as Error).message}`);
    } finally {
      this.refreshing = false;
      if (this.dirty && gen === this.generation) {
        this.dirty = false;
        this.scheduleRefresh();
      }
    }
  }

  /** The stream ended: reconnect at once when the Engine still answers, else poll. */
  private async streamLost(gen: number): Promise<void> {
    try {
      await this.client!.ping({ timeoutMs: 2000 });
      if (gen !== this.generation) return;
      // A stream that keeps ending at once (a proxy cutting it) must not become a busy loop.
      if (Date.now() - this.streamOpenedAt < 1000) {
        const delay = this.retryDelay;
        this.retryDelay = Math.min(this.retryDelay * 2, this.options.retryMaxMs ?? defaultRetryMax(this.client!.endpoint));
        this.retryTimer = setTimeout(() => {
          if (gen === this.generation) void this.connect();
        }, delay);
      } else void this.connect();
    } catch (err) {
      if (gen === this.generation) this.fail(err);
    }
  }

  private fail(err: unknown): void {
    const client = this.client!;
    const problem = describeProblem(err, client.endpoint);
    this.log(`Docker Engine at ${client.endpoint.host} unreachable: ${problem.reason} (${err instanceof Error ? err.message : String(err)})`);
    this.teardown();
    if (this._snapshot !== undefined) {
      this._snapshot = undefined;
      this.snapshotEmitter.fire(undefined);
    }
    this.setState({ kind: 'unreachable', host: client.endpoint.host, problem });
    this.scheduleProbe(this.generation);
  }

  private scheduleProbe(gen: number): void {
    if (this.disposed) return;
    const delay = this.retryDelay;
    const max = this.options.retryMaxMs ?? defaultRetryMax(this.client!.endpoint);
    this.retryDelay = Math.min(this.retryDelay * 2, max);
    this.retryTimer = setTimeout(() => void this.probe(gen), delay);
  }

  private async probe(gen: number): Promise<void> {
    if (gen !== this.generation || this.disposed) return;
    try {
      await this.client!.ping({ timeoutMs: 2000 });
      if (gen === this.generation) void this.connect();
    } catch (err) {
      if (gen !== this.generation) return;
      const problem = describeProblem(err, this.client!.endpoint);
      this.setState({ kind: 'unreachable', host: this.client!.endpoint.host, problem });
      this.scheduleProbe(gen);
    }
  }
}
