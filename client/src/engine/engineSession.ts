import * as l10n from '@vscode/l10n';
import type * as http from 'http';
import { EngineClient, type EngineClientOptions, type EngineIdentity } from './engineClient';
import type { EngineEndpoint, Resolution } from './engineEndpoint';
import { describeProblem, EngineError, type EngineProblem } from './engineError';
import { readJsonLines } from './jsonLines';

/**
 * One live connection to an Engine, kept current: negotiate, load a snapshot, follow
 * `GET /events`, refresh (debounced) when an event matters, and when the stream ends
 * poll `/_ping` with a short back-off until the Engine is back. No vscode import: the
 * view, the language-server bridge and the integration tests all drive this class.
 */

/** Data shown from an earlier load, and why no newer one came (#19). */
export interface StaleMark {
  /** When the shown data was loaded (ms since the epoch). */
  since: number;
  /** Why it is not current, in the view's words ("The Engine at … did not answer in time."). */
  reason: string;
}

export type SessionState =
  | { kind: 'connecting'; host: string }
  | { kind: 'connected'; host: string; identity: EngineIdentity; stale?: StaleMark }
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
   * Longest wait after the first relevant event of a burst (default 2,500 ms): events
   * that keep coming do not postpone the reload beyond this. dockerd 20.10 emits the
   * connect events of 100 concurrent connects over 2.3–4 s; at 1,000 ms such a burst
   * reloaded the view three or four times (the budget: at most 2).
   */
  maxWaitMs?: number;
  /** First and largest wait between `/_ping` probes while the Engine is unreachable. */
  retryMinMs?: number;
  retryMaxMs?: number;
  /**
   * Largest wait before trying again when the Engine answers but a later step fails
   * (a malformed reply, an API version it refuses, HTTP 500, a failed refresh); default 30 s.
   */
  failureRetryMaxMs?: number;
  /** Timeout of the first `/_ping` probe (default 2,000 ms); it grows after a probe times out. */
  probeTimeoutMs?: number;
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

const DEFAULT_FAILURE_RETRY_MAX = 30_000;
const DEFAULT_PROBE_TIMEOUT = 2_000;
/** A probe may wait this long at most, however slow the link (ssh's own ConnectTimeout is 30 s). */
const MAX_PROBE_TIMEOUT = 30_000;

/** A doubling wait between a first and a largest value. */
class Backoff {
  private next: number;
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {
    this.next = min;
  }
  take(): number {
    const d = this.next;
    this.next = Math.min(this.next * 2, this.max);
    return d;
  }
  reset(): void {
    this.next = this.min;
  }
}

export class EngineSession<T> {
  readonly client?: EngineClient;
  private _state: SessionState;
  private _snapshot?: T;
  /** When the snapshot was loaded (Date.now()). */
  private loadedAt = 0;
  private generation = 0;
  /** Aborts every request, probe and stream of the current generation (teardown and dispose). */
  private controller?: AbortController;
  private stream?: http.IncomingMessage;
  /** The one pending probe, reconnect or refresh retry, and how long it waits. */
  private retryTimer?: NodeJS.Timeout;
  private retryDelay?: number;
  private debounceTimer?: NodeJS.Timeout;
  /** When the first relevant event of the pending burst came (Date.now()). */
  private burstStartedAt = 0;
  /** While the Engine does not answer at all: quick, cheap `/_ping` probes. */
  private readonly probeBackoff: Backoff;
  /** While it answers but something after the ping fails: slower, up to 30 s (#19 case 5). */
  private readonly failureBackoff: Backoff;
  private probeTimeout: number;
  private connecting = false;
  private refreshing = false;
  private streamOpenedAt = 0;
  private dirty = false;
  private disposed = false;
  /** The last failure written to the log: the same one again is not logged (#19 case 5). */
  private lastLogged?: string;
  private readonly stateEmitter = new Emitter<SessionState>();
  private readonly snapshotEmitter = new Emitter<T | undefined>();
  private readonly eventEmitter = new Emitter<unknown>();
  /** Counts snapshot loads (tests assert on debouncing with it). */
  loads = 0;

  constructor(private readonly options: SessionOptions<T>) {
    const r = options.resolution;
    const min = options.retryMinMs ?? 100;
    this.probeBackoff = new Backoff(min, options.retryMaxMs ?? (r.ok ? defaultRetryMax(r.endpoint) : 1_000));
    this.failureBackoff = new Backoff(min, Math.max(min, options.failureRetryMaxMs ?? DEFAULT_FAILURE_RETRY_MAX));
    this.probeTimeout = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT;
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
  /** The wait before the pending probe, reconnect or refresh retry; undefined when none is pending. */
  get pendingRetryMs(): number | undefined {
    return this.retryTimer ? this.retryDelay : undefined;
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
    this.probeBackoff.reset();
    this.failureBackoff.reset();
    this.start();
  }

  /** Reloads the snapshot now (the view's Refresh); reconnects when not connected. */
  async refresh(): Promise<void> {
    // While the event stream is being re-opened, Refresh reconnects now rather than wait.
    if (this._state.kind !== 'connected' || this.connecting) {
      this.retry();
      return;
    }
    this.failureBackoff.reset();
    await this.runRefresh();
  }

  /** Resolves when the session is connected (or rejects after `timeoutMs`). */
  whenConnected(timeoutMs: number): Promise<void> {
    return this.whenState((s) => s.kind === 'connected', 'connected', timeoutMs);
  }

  /**
   * Resolves at the Engine's first answer, connected or unreachable (or rejects after
   * `timeoutMs`): a command that started the session waits only as long as the Engine
   * takes to answer, not the whole timeout when it is down.
   */
  whenAnswered(timeoutMs: number): Promise<void> {
    return this.whenState((s) => s.kind !== 'connecting', 'answered', timeoutMs);
  }

  private whenState(reached: (s: SessionState) => boolean, what: string, timeoutMs: number): Promise<void> {
    if (reached(this._state)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`not ${what} within ${timeoutMs} ms (state: ${JSON.stringify(this._state)})`));
      }, timeoutMs);
      const off = this.onDidChangeState((s) => {
        if (reached(s)) {
          clearTimeout(timer);
          off();
          resolve();
        }
      });
    });
  }

  /** Cancels every request, probe, stream and timer of the session (#19 case 4). */
  dispose(): void {
    this.disposed = true;
    this.teardown();
    this.client?.dispose();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** Logs a failure unless it is the one logged last (one line per distinct failure). */
  private logFailure(key: string, line: string): void {
    if (key === this.lastLogged) return;
    this.lastLogged = key;
    this.log(line);
  }

  private setState(s: SessionState): void {
    const old = this._state;
    this._state = s;
    // The same problem again is not news: no event storms while the Engine stays down.
    if (old.kind === 'unreachable' && s.kind === 'unreachable' && old.problem.reason === s.problem.reason) return;
    if (old.kind === 'connecting' && s.kind === 'connecting') return;
    if (old.kind === 'connected' && s.kind === 'connected' && old.identity === s.identity && old.stale?.reason === s.stale?.reason && old.stale?.since === s.stale?.since) return;
    this.stateEmitter.fire(s);
  }

  /** Keeps the data on screen, saying since when and why it is not current. */
  private markStale(reason: string): void {
    if (this._state.kind !== 'connected') return;
    this.setState({ ...this._state, stale: { since: this.loadedAt, reason } });
  }

  /** The signal of the current generation; teardown aborts it. */
  private signal(): AbortSignal {
    this.controller ??= new AbortController();
    return this.controller.signal;
  }

  private clearRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.retryDelay = undefined;
  }

  private schedule(delay: number, run: () => void): void {
    this.clearRetry();
    if (this.disposed) return;
    this.retryDelay = delay;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.retryDelay = undefined;
      run();
    }, delay);
  }

  private teardown(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    this.clearRetry();
    clearTimeout(this.debounceTimer);
    this.debounceTimer = undefined;
    this.stream?.destroy();
    this.stream = undefined;
    this.dirty = false;
    this.connecting = false;
  }

  private async connect(): Promise<void> {
    this.teardown();
    if (this.disposed) return;
    const gen = this.generation;
    const signal = this.signal();
    const client = this.client!;
    // A reconnect keeps the tree (and what is expanded) on screen, marked stale (#19 case 7).
    if (this._state.kind === 'connected' && this._snapshot !== undefined) this.markStale(l10n.t('Reconnecting to the Engine at {0}…', client.endpoint.host));
    else if (this._state.kind !== 'unreachable') this.setState({ kind: 'connecting', host: client.endpoint.host });
    this.connecting = true;
    let answered = false;
    try {
      const ping = await this.timedPing(signal, false);
      answered = true;
      if (gen !== this.generation) return;
      const identity = await client.identify(ping, { signal });
      if (gen !== this.generation) return;
      // Follow events before loading, so no change between the load and the stream is lost.
      await this.openEvents(gen, signal);
      if (gen !== this.generation) return;
      await this.load(gen, signal);
      if (gen !== this.generation) return;
      this.connecting = false;
      this.probeBackoff.reset();
      this.failureBackoff.reset();
      this.lastLogged = undefined;
      this.log(`Connected to Docker Engine ${identity.version ?? '?'} (API ${identity.apiVersion}) at ${client.endpoint.host}`);
      this.setState({ kind: 'connected', host: client.endpoint.host, identity });
    } catch (err) {
      if (gen !== this.generation) return;
      this.connecting = false;
      // Only an Engine that answers wrongly waits long; one that went away is probed.
      const kind = err instanceof EngineError ? err.kind : 'other';
      this.fail(err, answered && ['http', 'protocol', 'api-version', 'timeout', 'other'].includes(kind));
    }
  }

  /**
   * `/_ping`, timed: probes give up after a timeout that adapts to the link (#19 case 2).
   * It starts at 2 s, becomes four times the slowest answer seen (an ssh dial included),
   * and doubles after each probe that timed out, up to 30 s.
   */
  private async timedPing(signal: AbortSignal, probe = true): Promise<{ apiVersion?: string; osType?: string }> {
    const started = Date.now();
    try {
      // A connect after a probe waits as long as any request (the client's timeout).
      const ping = await this.client!.ping({ signal, timeoutMs: probe ? this.probeTimeout : undefined });
      const took = Date.now() - started;
      this.probeTimeout = Math.min(MAX_PROBE_TIMEOUT, Math.max(this.probeTimeout, this.options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT, 4 * took));
      return ping;
    } catch (err) {
      if (probe && err instanceof EngineError && err.kind === 'timeout') this.probeTimeout = Math.min(MAX_PROBE_TIMEOUT, this.probeTimeout * 2);
      throw err;
    }
  }

  private async load(gen: number, signal: AbortSignal): Promise<void> {
    this.loads++;
    const snapshot = await this.options.load(this.client!, signal);
    if (gen !== this.generation) return;
    this._snapshot = snapshot;
    this.loadedAt = Date.now();
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
    const left = this.burstStartedAt + (this.options.maxWaitMs ?? 2500) - now;
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = undefined;
      void this.runRefresh();
    }, Math.max(0, Math.min(quiet, left)));
  }

  /**
   * At most one load in flight; events during it cause exactly one more. A load that
   * fails while the event stream stays open is not noticed by the stream (#19 case 1):
   * the data stays, marked stale with the reason, and the load is retried with back-off.
   */
  private async runRefresh(): Promise<void> {
    if (!this.client || this._state.kind !== 'connected' || this.connecting) return;
    if (this.refreshing) {
      this.dirty = true;
      return;
    }
    this.refreshing = true;
    this.clearRetry();
    const gen = this.generation;
    try {
      await this.load(gen, this.signal());
      if (gen !== this.generation) return;
      this.failureBackoff.reset();
      if (this._state.kind === 'connected' && this._state.stale) {
        this.lastLogged = undefined;
        this.log('Refreshing the networks works again.');
        this.setState({ ...this._state, stale: undefined });
      }
    } catch (err) {
      if (gen !== this.generation || this.disposed) return;
      const problem = describeProblem(err, this.client.endpoint);
      const raw = err instanceof Error ? err.message : String(err);
      this.logFailure(`refresh: ${raw}`, `Refreshing the networks failed: ${raw}; showing the networks loaded before.`);
      this.markStale(problem.reason);
      this.schedule(this.failureBackoff.take(), () => {
        if (gen === this.generation) void this.runRefresh();
      });
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
    // No refresh while the stream is re-opened: the reconnect loads anyway.
    this.connecting = true;
    this.markStale(l10n.t('Reconnecting to the Engine at {0}…', this.client!.endpoint.host));
    try {
      await this.timedPing(this.signal());
      if (gen !== this.generation) return;
      // A stream that keeps ending at once (a proxy cutting it) must not become a busy loop.
      if (Date.now() - this.streamOpenedAt < 1000) {
        this.schedule(this.failureBackoff.take(), () => {
          if (gen === this.generation) void this.connect();
        });
      } else void this.connect();
    } catch (err) {
      if (gen === this.generation) this.fail(err, false);
    }
  }

  /**
   * Not connected. When the Engine did answer `/_ping` (`answered`), what failed after it
   * (malformed JSON, an API version it refuses, HTTP 500) will not pass on the next
   * probe either: reconnect after a growing wait instead of every second (#19 case 5).
   */
  private fail(err: unknown, answered: boolean): void {
    const client = this.client!;
    const problem = describeProblem(err, client.endpoint);
    const raw = err instanceof Error ? err.message : String(err);
    this.logFailure(`connect: ${problem.reason} ${raw}`, `Docker Engine at ${client.endpoint.host} unreachable: ${problem.reason} (${raw})`);
    this.teardown();
    if (this._snapshot !== undefined) {
      this._snapshot = undefined;
      this.snapshotEmitter.fire(undefined);
    }
    this.setState({ kind: 'unreachable', host: client.endpoint.host, problem });
    const gen = this.generation;
    if (answered) this.schedule(this.failureBackoff.take(), () => gen === this.generation && void this.connect());
    else this.scheduleProbe(gen);
  }

  private scheduleProbe(gen: number): void {
    this.schedule(this.probeBackoff.take(), () => void this.probe(gen));
  }

  private async probe(gen: number): Promise<void> {
    if (gen !== this.generation || this.disposed) return;
    try {
      await this.timedPing(this.signal());
      if (gen === this.generation) void this.connect();
    } catch (err) {
      if (gen !== this.generation) return;
      const problem = describeProblem(err, this.client!.endpoint);
      this.setState({ kind: 'unreachable', host: this.client!.endpoint.host, problem });
      this.scheduleProbe(gen);
    }
  }
}
