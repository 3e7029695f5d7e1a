import * as fs from 'fs';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient } from '../util/lspClient';
import type { BenchInput, Pos } from './inputs';
import type { ServerSpec } from './servers';
import { msSince, quantile, sample, summarize, type Summary } from './stats';

/** What one server did on one input. */
export interface LspResult {
  server: ServerSpec['id'];
  input: string;
  /** spawn → initialize reply. */
  spawnMs?: number;
  /** didOpen → first diagnostics, as measured (includes `debounceMs`). */
  openMs?: number;
  /** The server's fixed debounce, included in openMs and edit (see ServerSpec.debounceMs). */
  debounceMs: number;
  diagnostics?: number;
  /** VmRSS of the server process after the input was opened and validated. */
  rssMb?: number;
  completion?: Summary & { items: number };
  hover?: Summary & { nonNull: number };
  /** single-character incremental edit → fresh diagnostics, as measured (includes debounceMs). */
  edit?: Summary;
  errors: string[];
  /** Alternating runs this result is the median of (run.ts), when more than one. */
  rounds?: number;
}

/**
 * Uncounted requests and edits before each measurement, the same for every server: the
 * figures describe a server in use, not its first minutes of JIT compilation (the
 * first open is measured cold). Five edits were not enough for that: V8 was still
 * compiling for the next few dozen, and a server with more code (ours, against the
 * parse-only one) paid for it longer, so the first 40 edits of a fresh server measured
 * its size as much as its work (#14: a 200-line drop-in took 1.6 ms an edit over its first
 * 40 edits and 0.58 ms after 100; the parse-only server 0.45 and 0.27). A user types
 * thousands of keystrokes into one server. Up to WARMUP_EDITS edits, stopping after
 * WARMUP_EDIT_BUDGET_MS, so that the 10,000-line files (about 100 ms an edit) stay quick.
 */
export const WARMUP_REQUESTS = 3;
export const WARMUP_EDITS = 100;
export const WARMUP_EDIT_BUDGET_MS = 2000;

export interface LspBenchOptions {
  /** Requests per completion/hover measurement (fewer if `budgetMs` runs out). */
  requests: number;
  edits: number;
  /** Time budget per measurement for slow servers; at least `minSamples` are taken. */
  budgetMs: number;
  minSamples: number;
  /** Timeout for any single wait, so a broken server cannot hang the run. */
  timeoutMs: number;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    p.then(
      (v) => {
        clearTimeout(t);
        resolve(v);
      },
      (e) => {
        clearTimeout(t);
        reject(e);
      },
    );
  });
}

/** Resident set size of a process in MB, from /proc/<pid>/status (Linux). */
export function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Spawns a server and waits for the initialize reply; returns the client and the time taken. */
export async function startServer(spec: ServerSpec, timeoutMs: number): Promise<{ client: LspClient; spawnMs: number; configured: Promise<void> }> {
  let onConfigured!: () => void;
  const configured = new Promise<void>((resolve) => (onConfigured = resolve));
  const t0 = process.hrtime.bigint();
  const client = new LspClient({ command: process.execPath, args: [...(spec.execArgv ?? []), spec.script, '--stdio'], env: spec.env, ...spec.clientOptions(onConfigured) });
  // A server that dies while starting (a bundling error, a bad require) fails at once
  // with its stderr, rather than after the timeout.
  const exited = new Promise<never>((_, reject) =>
    client.process.once('exit', (code) => reject(new Error(`${spec.id} exited with code ${code} before answering initialize: ${client.stderr.join('').trim().slice(0, 400)}`))),
  );
  exited.catch(() => undefined);
  try {
    await withTimeout(Promise.race([client.initialize(), exited]), timeoutMs, `${spec.id}: initialize`);
  } catch (err) {
    client.process.kill('SIGKILL');
    throw err;
  }
  const spawnMs = msSince(t0);
  if (spec.pushSettings !== undefined) await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: spec.pushSettings });
  return { client, spawnMs, configured };
}

export async function stopServer(client: LspClient): Promise<void> {
  try {
    await withTimeout(client.shutdown(), 5000, 'shutdown');
  } catch {
    client.process.kill('SIGKILL');
  }
}

/**
 * Starts `spec` once and waits until it has written its code cache into `dir` (after
 * its warm-up), as the extension's first start does; later starts then find it.
 */
export async function primeCodeCache(spec: ServerSpec, dir: string, timeoutMs: number): Promise<void> {
  const { client } = await startServer(spec, timeoutMs);
  try {
    const deadline = Date.now() + timeoutMs;
    while (!fs.existsSync(dir) || !fs.readdirSync(dir).some((f) => f.endsWith('.v8cache'))) {
      if (Date.now() > deadline) throw new Error(`${spec.id} wrote no code cache into ${dir}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await stopServer(client);
  }
}

/** Spawn → initialize only, for extra samples of the start-up time. */
export async function measureSpawn(spec: ServerSpec, timeoutMs: number): Promise<number> {
  const { client, spawnMs } = await startServer(spec, timeoutMs);
  await stopServer(client);
  return spawnMs;
}

function countItems(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object' && Array.isArray((result as { items?: unknown[] }).items)) return (result as { items: unknown[] }).items.length;
  return 0;
}

function hoverHasContent(result: unknown): boolean {
  if (!result || typeof result !== 'object') return false;
  const c = (result as { contents?: unknown }).contents;
  if (typeof c === 'string') return c.length > 0;
  if (Array.isArray(c)) return c.length > 0;
  return !!c && typeof c === 'object' && String((c as { value?: unknown }).value ?? '').length > 0;
}

/** One server with one input open: what benchServerOnInput and benchPairOnInput drive. */
interface Session {
  spec: ServerSpec;
  result: LspResult;
  client?: LspClient;
  /** One single-character incremental edit (insert, then delete, alternately) → fresh diagnostics, in ms. */
  edit(): Promise<number>;
}

/** Spawns `spec`; `result` records the spawn time, or the error (never thrown). */
async function startSession(spec: ServerSpec, input: BenchInput, opts: LspBenchOptions): Promise<Session> {
  const result: LspResult = { server: spec.id, input: input.id, debounceMs: spec.debounceMs, errors: [] };
  const session: Session = { spec, result, edit: () => Promise.reject(new Error('not open')) };
  try {
    const started = await startServer(spec, opts.timeoutMs);
    session.client = started.client;
    result.spawnMs = started.spawnMs;
    await withTimeout(started.configured, opts.timeoutMs, `${spec.id}: reading settings`);
  } catch (err) {
    result.errors.push((err as Error).message);
  }
  return session;
}

/** Opens the input: didOpen → first diagnostics, then RSS after load. */
async function openInput(session: Session, input: BenchInput, uri: string, opts: LspBenchOptions): Promise<void> {
  const { spec, result } = session;
  const c = session.client!;
  const seen = new WeakSet<PublishDiagnosticsParams>();
  const fresh = (version: number) => (p: PublishDiagnosticsParams) =>
    !seen.has(p) && (!spec.versionedDiagnostics || p.version === undefined || p.version === version);
  const nextDiagnostics = async (version: number, what: string) => {
    const p = await withTimeout(c.waitForDiagnostics(uri, fresh(version)), opts.timeoutMs, `${spec.id}: ${what}`);
    seen.add(p);
    return p;
  };
  const t0 = process.hrtime.bigint();
  c.open(uri, input.text, input.languageId);
  const first = await nextDiagnostics(1, 'diagnostics after open');
  result.openMs = msSince(t0);
  result.diagnostics = first.diagnostics.length;
  result.rssMb = rssMb(c.process.pid);
  let inserted = false;
  const { line, character } = input.edit;
  session.edit = async () => {
    const range = inserted ? { start: { line, character }, end: { line, character: character + 1 } } : { start: { line, character }, end: { line, character } };
    const t = process.hrtime.bigint();
    const version = c.edit(uri, range, inserted ? '' : input.editChar);
    await nextDiagnostics(version, 'diagnostics after an edit');
    inserted = !inserted;
    return msSince(t);
  };
}

/** Completion and hover latency at the input's probe positions. */
async function measureRequests(session: Session, input: BenchInput, uri: string, opts: LspBenchOptions): Promise<void> {
  const { spec, result } = session;
  const c = session.client!;
  const doc = { uri };
  let k = 0;
  const next = (ps: Pos[]) => ps[k++ % ps.length];
  let items = 0;
  const completion = await sample(
    async () => {
      const position = next(input.completion);
      const t = process.hrtime.bigint();
      const r = await withTimeout(
        c.request('textDocument/completion', { textDocument: doc, position, context: { triggerKind: 1 } }),
        opts.timeoutMs,
        `${spec.id}: completion`,
      );
      const ms = msSince(t);
      items = Math.max(items, countItems(r));
      return ms;
    },
    { max: opts.requests, min: opts.minSamples, budgetMs: opts.budgetMs, warmup: WARMUP_REQUESTS },
  );
  result.completion = { ...summarize(completion), items };
  k = 0;
  let nonNull = 0;
  const hover = await sample(
    async () => {
      const position = next(input.hover);
      const t = process.hrtime.bigint();
      const r = await withTimeout(c.request('textDocument/hover', { textDocument: doc, position }), opts.timeoutMs, `${spec.id}: hover`);
      const ms = msSince(t);
      if (hoverHasContent(r)) nonNull++;
      return ms;
    },
    { max: opts.requests, min: opts.minSamples, budgetMs: opts.budgetMs, warmup: WARMUP_REQUESTS },
  );
  result.hover = { ...summarize(hover), nonNull: nonNull / (hover.length + WARMUP_REQUESTS) };
}

async function endSession(session: Session): Promise<void> {
  if (!session.client) return;
  const stderr = session.client.stderr.join('').trim();
  if (stderr && session.result.errors.length) session.result.errors.push(`stderr: ${stderr.slice(0, 500)}`);
  await stopServer(session.client);
}

/** Runs `step` on a session, recording its error instead of throwing; false once the session has failed. */
async function guarded(session: Session, step: () => Promise<void>): Promise<boolean> {
  if (session.result.errors.length > 0 || !session.client) return false;
  try {
    await step();
    return true;
  } catch (err) {
    session.result.errors.push((err as Error).message);
    return false;
  }
}

/**
 * Drives one server through one input: spawn → initialize, open → first diagnostics,
 * RSS after load, completion and hover at the input's probe positions, then
 * single-character incremental edits (insert, then delete, alternately) → fresh
 * diagnostics. Failures are recorded in `errors`, never thrown.
 */
export async function benchServerOnInput(spec: ServerSpec, input: BenchInput, uri: string, opts: LspBenchOptions, measureRequestsToo = true): Promise<LspResult> {
  const session = await startSession(spec, input, opts);
  // Let the server apply what it just read before the document arrives.
  await new Promise((r) => setTimeout(r, 25));
  (await guarded(session, () => openInput(session, input, uri, opts))) &&
    (!measureRequestsToo || (await guarded(session, () => measureRequests(session, input, uri, opts)))) &&
    (await guarded(session, async () => {
      const edits = await sample(session.edit, { max: opts.edits, min: Math.min(opts.edits, 8), budgetMs: opts.budgetMs, warmup: WARMUP_EDITS, warmupBudgetMs: WARMUP_EDIT_BUDGET_MS });
      session.result.edit = summarize(edits);
    }));
  await endSession(session);
  return session.result;
}

/**
 * Two servers side by side on one input, for the budgets that are ratios of the two:
 * both are started, each opens the input in turn (first `pair[0]`), and then their
 * edits alternate one by one, so that both are measured in the same seconds and a
 * slower moment of the machine weighs on both (#8: this machine's speed drifts by
 * up to 2x within a minute). Completion and hover are measured for the servers
 * `measureRequestsFor` names, before the edits.
 */
export async function benchPairOnInput(
  pair: readonly [ServerSpec, ServerSpec],
  input: BenchInput,
  uri: string,
  opts: LspBenchOptions,
  measureRequestsFor: (spec: ServerSpec) => boolean,
): Promise<[LspResult, LspResult]> {
  const sessions: Session[] = [];
  for (const spec of pair) sessions.push(await startSession(spec, input, opts));
  await new Promise((r) => setTimeout(r, 25));
  for (const s of sessions) await guarded(s, () => openInput(s, input, uri, opts));
  for (const s of sessions) if (measureRequestsFor(s.spec)) await guarded(s, () => measureRequests(s, input, uri, opts));
  const times: number[][] = sessions.map(() => []);
  // Uncounted edits first, interleaved as the measured ones (see WARMUP_EDITS).
  const warmupStart = process.hrtime.bigint();
  for (let k = 0; k < WARMUP_EDITS && msSince(warmupStart) < 2 * WARMUP_EDIT_BUDGET_MS; k++) {
    for (const i of k % 2 === 0 ? [0, 1] : [1, 0]) await guarded(sessions[i], async () => void (await sessions[i].edit()));
  }
  const start = process.hrtime.bigint();
  for (let k = 0; k < opts.edits; k++) {
    const order = k % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      await guarded(sessions[i], async () => {
        times[i].push(await sessions[i].edit());
      });
    }
    if (k + 1 >= Math.min(opts.edits, 8) && msSince(start) > 2 * opts.budgetMs) break;
  }
  sessions.forEach((s, i) => {
    if (times[i].length > 0 && s.result.errors.length === 0) s.result.edit = summarize(times[i]);
  });
  for (const s of sessions) await endSession(s);
  return [sessions[0].result, sessions[1].result];
}

/**
 * Completion and hover of two servers side by side on one input (ours and the reference
 * the budget compares it with): both open the input, then their requests alternate one
 * by one at the same positions. On this machine a bare request's round trip has a p95
 * of 1.2–1.8 ms whatever the server, so p95 figures of fast servers measured minutes
 * apart compared noise; measured together, a slow moment weighs on both (#8).
 */
export async function benchRequestsSideBySide(pair: readonly [ServerSpec, ServerSpec], input: BenchInput, uri: string, opts: LspBenchOptions): Promise<[LspResult, LspResult]> {
  const sessions: Session[] = [];
  for (const spec of pair) sessions.push(await startSession(spec, input, opts));
  await new Promise((r) => setTimeout(r, 25));
  for (const s of sessions) await guarded(s, () => openInput(s, input, uri, opts));
  const doc = { uri };
  for (const kind of ['completion', 'hover'] as const) {
    const positions = kind === 'completion' ? input.completion : input.hover;
    const times: number[][] = sessions.map(() => []);
    const counts = sessions.map(() => 0);
    const start = process.hrtime.bigint();
    for (let k = 0; k < WARMUP_REQUESTS + opts.requests; k++) {
      const position = positions[k % positions.length];
      for (const i of k % 2 === 0 ? [0, 1] : [1, 0]) {
        const c = sessions[i].client;
        await guarded(sessions[i], async () => {
          const t = process.hrtime.bigint();
          const r =
            kind === 'completion'
              ? await withTimeout(c!.request('textDocument/completion', { textDocument: doc, position, context: { triggerKind: 1 } }), opts.timeoutMs, `${sessions[i].spec.id}: completion`)
              : await withTimeout(c!.request('textDocument/hover', { textDocument: doc, position }), opts.timeoutMs, `${sessions[i].spec.id}: hover`);
          const ms = msSince(t);
          counts[i] = kind === 'completion' ? Math.max(counts[i], countItems(r)) : counts[i] + (hoverHasContent(r) ? 1 : 0);
          if (k >= WARMUP_REQUESTS) times[i].push(ms);
        });
      }
      const measured = k + 1 - WARMUP_REQUESTS;
      if (measured >= opts.minSamples && msSince(start) > 2 * opts.budgetMs) break;
    }
    sessions.forEach((s, i) => {
      if (times[i].length === 0 || s.result.errors.length > 0) return;
      if (kind === 'completion') s.result.completion = { ...summarize(times[i]), items: counts[i] };
      else s.result.hover = { ...summarize(times[i]), nonNull: counts[i] / (times[i].length + WARMUP_REQUESTS) };
    });
  }
  for (const s of sessions) await endSession(s);
  return [sessions[0].result, sessions[1].result];
}

/** The median (nearest rank) of the defined values, or undefined when there are none. */
function medianOf(xs: readonly (number | undefined)[]): number | undefined {
  const defined = xs.filter((x): x is number => x !== undefined);
  return defined.length ? quantile(defined, 0.5) : undefined;
}

/**
 * One result from several runs of a server on an input (run.ts alternates ours and the
 * parse-only server): open and RSS are the medians of the runs, the edit figures those
 * of the run whose edit median is the median; completion and hover come from the
 * first run, the only one that measures them.
 */
export function combineRounds(rs: readonly LspResult[]): LspResult {
  const editMedian = medianOf(rs.map((r) => r.edit?.median));
  return {
    ...rs[0],
    openMs: medianOf(rs.map((r) => r.openMs)),
    rssMb: medianOf(rs.map((r) => r.rssMb)),
    edit: rs.find((r) => r.edit !== undefined && r.edit.median === editMedian)?.edit,
    rounds: rs.length,
    errors: rs.flatMap((r) => r.errors),
  };
}
