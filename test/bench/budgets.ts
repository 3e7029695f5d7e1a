import type { LspResult } from './lspBench';
import type { BenchResults, BudgetCheck } from './results';
import type { ServerId } from './servers';
import { round } from './stats';

/**
 * The budgets of the benchmark issue, checked against one run. Nothing here fails the
 * run: each check is reported with ✓/✗ (or "?" when a figure is missing).
 */

export function find(results: Pick<BenchResults, 'lsp'>, server: ServerId, input: string): LspResult | undefined {
  return results.lsp.find((r) => r.server === server && r.input === input && r.errors.length === 0);
}

/** The measured figure less the server's own fixed debounce. */
export function withoutDebounce(ms: number | undefined, r: LspResult | undefined): number | undefined {
  if (ms === undefined || !r) return undefined;
  return Math.max(0, ms - r.debounceMs);
}

/** Inputs shorter than this get the absolute open/edit budget (#14). */
export const SMALL_INPUT_LINES = 1000;
export const SMALL_INPUT_SLACK_MS = 1;

const fmt = (v: number | undefined, unit = 'ms'): string => (v === undefined || !Number.isFinite(v) ? '–' : `${round(v)} ${unit}`);

function check(id: string, text: string, measured: string, pass: boolean | null): BudgetCheck {
  return { id, text, measured, pass };
}

function all(...xs: Array<boolean | null>): boolean | null {
  if (xs.some((x) => x === null)) return null;
  return xs.every(Boolean);
}

export function evaluateBudgets(results: BenchResults): BudgetCheck[] {
  const out: BudgetCheck[] = [];
  const ours = (input: string) => find(results, 'ours', input);
  const ref = (server: ServerId, input: string) => find(results, server, input);

  // Completion and hover on the 10,000-line Compose file.
  {
    const o = ours('compose-10000');
    const y = ref('yaml-language-server', 'compose-10000');
    const parts: string[] = [];
    const passes: Array<boolean | null> = [];
    for (const f of ['completion', 'hover'] as const) {
      const op = o?.[f]?.p95;
      const yp = y?.[f]?.p95;
      const speedup = op !== undefined && yp !== undefined && op > 0 ? yp / op : undefined;
      parts.push(`${f} p95 ${fmt(op)}, ${speedup === undefined ? '–' : `${round(speedup)}×`} faster than yaml-language-server (${fmt(yp)})`);
      passes.push(op === undefined ? null : op <= 10, speedup === undefined ? null : speedup >= 20);
    }
    out.push(check('compose-completion-hover', 'Completion and hover p95 ≤ 10 ms on the 10,000-line Compose file, ≥ 20× faster than yaml-language-server', parts.join('; '), all(...passes)));
  }
  // Completion and hover on the 5,000-line daemon.json.
  {
    const o = ours('daemon-5000');
    const j = ref('json-language-server', 'daemon-5000');
    const parts: string[] = [];
    const passes: Array<boolean | null> = [];
    for (const f of ['completion', 'hover'] as const) {
      const op = o?.[f]?.p95;
      const jp = j?.[f]?.p95;
      parts.push(`${f} p95 ${fmt(op)} vs JSON server ${fmt(jp)}`);
      passes.push(op === undefined ? null : op <= 5, op === undefined || jp === undefined ? null : op <= jp);
    }
    out.push(check('daemon-completion-hover', 'Completion and hover p95 ≤ 5 ms on the 5,000-line daemon.json, no slower than the JSON language server', parts.join('; '), all(...passes)));
  }
  // Edit → diagnostics and open → diagnostics against the parse-only server, per input.
  // Below 1,000 lines the parse-only server answers in well under a millisecond, so a
  // ratio measures noise and pushed the code towards machinery (#14): those inputs get an
  // absolute budget instead, within SMALL_INPUT_SLACK_MS of the parse-only server's median.
  for (const input of results.inputs) {
    const o = ours(input.id);
    const p = ref('parse-only', input.id);
    const small = input.lines < SMALL_INPUT_LINES;
    const budget = (what: string, mine: number | undefined, theirs: number | undefined, ratio: number): BudgetCheck =>
      small
        ? check(
            `${what}-vs-parse:${input.id}`,
            `${what === 'edit' ? 'Edit → diagnostics (debounce excluded)' : 'Open → diagnostics'} within ${SMALL_INPUT_SLACK_MS} ms of the parse-only server's median on ${input.id}`,
            `${fmt(mine)} vs ${fmt(theirs)}${mine !== undefined && theirs !== undefined ? ` (+${round(mine - theirs)} ms)` : ''}`,
            mine === undefined || theirs === undefined ? null : mine <= theirs + SMALL_INPUT_SLACK_MS,
          )
        : check(
            `${what}-vs-parse:${input.id}`,
            `${what === 'edit' ? 'Edit → diagnostics (debounce excluded)' : 'Open → diagnostics'} ≤ ${ratio}× the ${what === 'edit' ? 'bare re-parse (parse-only server)' : 'parse-only server'} on ${input.id}`,
            `${fmt(mine)} vs ${fmt(theirs)}${mine !== undefined && theirs ? ` (${round(mine / theirs)}×)` : ''}`,
            mine === undefined || theirs === undefined ? null : mine <= ratio * theirs,
          );
    out.push(budget('edit', o?.edit?.median, p?.edit?.median, 1.5));
    // A project input (#16) opens one file of five: we parse all five, the parse-only
    // server one, so open and memory have no like-for-like reference; its table shows them.
    if (input.id.startsWith('compose-project-')) continue;
    out.push(budget('open', o?.openMs, p?.openMs, 2));
    const or = o?.rssMb;
    const pr = p?.rssMb;
    out.push(
      check(
        `memory:${input.id}`,
        `Memory after load ≤ 1.2× the parse-only server on ${input.id}`,
        `${fmt(or, 'MB')} vs ${fmt(pr, 'MB')}${or !== undefined && pr ? ` (${round(or / pr)}×)` : ''}`,
        or === undefined || pr === undefined ? null : or <= 1.2 * pr,
      ),
    );
  }
  {
    const e = ours('compose-1000')?.edit?.median;
    out.push(check('edit-compose-1000', 'Edit → diagnostics ≤ 40 ms on the 1,000-line Compose file', fmt(e), e === undefined ? null : e <= 40));
  }
  {
    // The same budget for an edit in one file of a project, which re-judges all five (#16).
    const e = ours('compose-project-10000')?.edit?.median;
    out.push(check('edit-compose-project', 'Edit → diagnostics ≤ 40 ms in one file of the 5-file, 10,000-line Compose project', fmt(e), e === undefined ? null : e <= 40));
  }
  {
    const o = results.spawn.ours?.median;
    const y = results.spawn['yaml-language-server']?.median;
    // Checked on the usual start, which finds the code cache; the first start after an
    // install or update compiles the bundle and is shown beside it.
    const first = results.spawnFirstStart?.median;
    out.push(
      check(
        'spawn',
        'Spawn → initialize reply ≤ half of yaml-language-server’s',
        `${fmt(o)} vs ${fmt(y)}${o !== undefined && y ? ` (${round(o / y)}×)` : ''}${first !== undefined && y ? `; first start ${fmt(first)} (${round(first / y)}×)` : ''}`,
        o === undefined || y === undefined ? null : o <= y / 2,
      ),
    );
  }
  {
    const v = results.view;
    // End to end since #19: from the refresh's first request to the complete tree model.
    const m = v.refreshMs?.median;
    out.push(
      check(
        'view-render',
        `The view: a refresh of ${v.networks ?? 200} networks with ${v.containers ?? 50} containers, first request → complete tree model, median ≤ 150 ms`,
        v.skipped && m === undefined ? `not measured: ${v.skipped}` : `median ${fmt(m)}`,
        m === undefined ? null : m <= 150,
      ),
    );
    // #22: the same per-Engine budget with five Engines of 200 networks refreshing at once.
    const e = v.engines?.perEngineRefreshMs.median;
    out.push(
      check(
        'view-engines',
        `Five Engines of ${v.engines?.networksEach ?? 200} networks refreshed at once: each Engine's refresh, first request → its tree, median ≤ 150 ms`,
        e === undefined ? 'not measured' : `median ${fmt(e)}`,
        e === undefined ? null : e <= 150,
      ),
    );
    const r = v.burstRefreshes;
    out.push(
      check(
        'view-burst',
        `A burst of ${v.burstEvents ?? 100} connect events → at most 2 refreshes`,
        r === undefined ? `not measured${v.skipped ? `: ${v.skipped}` : ''}` : `${r} refreshes`,
        r === undefined ? null : r <= 2,
      ),
    );
  }
  {
    // #15: latency of every request kind under the fuzz-like workload (workloadBench.ts).
    const w = results.workload;
    const all = w?.overall;
    const small = w?.upTo1MB;
    const why = w?.skipped ? `not measured: ${w.skipped}` : 'not measured';
    out.push(
      check(
        'workload-max',
        'Fuzz-like workload: every request answers within 1 s, on documents of any size',
        all ? `max ${fmt(all.max)} (${w?.slowest ? `${w.slowest.kind} on a ${round(w.slowest.bytes / 1024)} KB ${w.slowest.fileKind} file` : '?'}), ${all.n} requests` : why,
        all ? all.max <= 1000 : null,
      ),
    );
    out.push(
      check(
        'workload-p99',
        'Fuzz-like workload: p99 ≤ 50 ms on documents up to 1 MB',
        small ? `p99 ${fmt(small.p99)} over ${small.n} requests` : why,
        small ? small.p99 <= 50 : null,
      ),
    );
  }
  out.push(...cliBudgets(results));
  return out;
}

/** The CLI's budgets (#21): 1,000 files in under 3 s, and at least 20× faster per file than each real tool. */
export function cliBudgets(results: Pick<BenchResults, 'cli'>): BudgetCheck[] {
  const c = results.cli;
  if (!c) return [];
  const out = [check('cli-1000-files', `docker-networking check: ${c.files.toLocaleString('en')} files in one process < 3 s`, `${fmt(c.totalMs.median)} (${Math.round(c.filesPerSecond)} files/s)`, c.files >= 1000 ? c.totalMs.median < 3000 : null)];
  for (const t of c.tools) {
    out.push(
      check(
        `cli-vs-${t.id}`,
        `docker-networking check ≥ 20× faster per file than ${t.label}`,
        t.ratio === undefined ? `– (${t.missing ?? 'not measured'})` : `${round(t.ratio)}× (${fmt(t.perFileMs?.median)} per file against ${fmt(c.oursPerFileMs)})`,
        t.ratio === undefined ? null : t.ratio >= 20,
      ),
    );
  }
  return out;
}

export function mark(pass: boolean | null): string {
  return pass === null ? '?' : pass ? '✓' : '✗';
}
