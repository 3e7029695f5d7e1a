import { find, mark, withoutDebounce } from './budgets';
import type { BenchResults, LoadFigures } from './results';
import type { ServerId } from './servers';
import { REQUEST_KINDS, SIZE_BUCKETS, type LatencyFigures } from './workloadBench';
import { round } from './stats';

/**
 * Tables of one run, shared by the console output and the README section: one table
 * per input with our figure, the reference server's, the ratio ours/theirs, the
 * parse-only server's and the in-process parse (the floor).
 */

export const REFERENCE_FOR: Record<string, ServerId | undefined> = {
  compose: 'yaml-language-server',
  daemonJson: 'json-language-server',
  systemdDropin: undefined,
};

const SHORT: Record<ServerId, string> = {
  ours: 'ours',
  'yaml-language-server': 'yaml-ls',
  'json-language-server': 'JSON server',
  'parse-only': 'parse-only',
};

function num(v: number | undefined, digits = 1): string {
  if (v === undefined || !Number.isFinite(v)) return '–';
  return v < 10 ? v.toFixed(digits === 1 ? 2 : digits) : v.toFixed(digits);
}

function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  const r = a / b;
  return r >= 0.1 ? `${r.toFixed(2)}` : `1/${Math.round(1 / r)}`;
}

export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** Columns holding text (left-aligned); the others are figures (right-aligned). Column 0 is always text. */
  textColumns?: number[];
}

export function inputTables(results: BenchResults): Table[] {
  const tables: Table[] = [];
  for (const input of results.inputs) {
    const refId = REFERENCE_FOR[input.kind];
    const o = find(results, 'ours', input.id);
    const r = refId ? find(results, refId, input.id) : undefined;
    const p = find(results, 'parse-only', input.id);
    const f = results.floor.find((x) => x.input === input.id);
    const refName = refId ? SHORT[refId] : 'reference';
    const header = ['measure', 'ours', refId ? refName : '(no reference)', 'ours/theirs', 'parse-only', 'bare parse'];
    const rows: string[][] = [];
    const row = (name: string, ov?: number, rv?: number, pv?: number, fv?: number) => rows.push([name, num(ov), refId ? num(rv) : '', refId ? ratio(ov, rv) : '', num(pv), num(fv)]);
    row('open → diagnostics, ms (debounce excluded)', o?.openMs, withoutDebounce(r?.openMs, r), p?.openMs, f?.median);
    row('completion median, ms', o?.completion?.median, r?.completion?.median);
    row('completion p95, ms', o?.completion?.p95, r?.completion?.p95);
    row('hover median, ms', o?.hover?.median, r?.hover?.median);
    row('hover p95, ms', o?.hover?.p95, r?.hover?.p95);
    row('edit → diagnostics median, ms (debounce excluded)', o?.edit?.median, withoutDebounce(r?.edit?.median, r), p?.edit?.median, f?.median);
    row('edit → diagnostics p95, ms (debounce excluded)', o?.edit?.p95, withoutDebounce(r?.edit?.p95, r), p?.edit?.p95, f?.p95);
    row('RSS after load, MB', o?.rssMb, r?.rssMb, p?.rssMb);
    rows.push(['completion items / hover answered', o ? `${o.completion?.items ?? '–'} / ${pct(o.hover?.nonNull)}` : '–', r ? `${r.completion?.items ?? '–'} / ${pct(r.hover?.nonNull)}` : '', '', '', '']);
    const errors = results.lsp.filter((x) => x.input === input.id && x.errors.length).map((x) => `${SHORT[x.server]}: ${x.errors[0]}`);
    for (const e of errors) rows.push([`error`, e, '', '', '', '']);
    tables.push({ title: `${input.id}: ${input.lines.toLocaleString('en')} lines, ${(input.bytes / 1024).toFixed(0)} KiB`, header, rows });
  }
  const spawnRows: string[][] = [];
  const ys = results.spawn['yaml-language-server']?.median;
  for (const [id, s] of Object.entries(results.spawn)) {
    if (!s) continue;
    spawnRows.push([SHORT[id as ServerId], num(s.median), num(s.p95), String(s.n), id === 'ours' ? ratio(s.median, ys) : '']);
    const first = results.spawnFirstStart;
    if (id === 'ours' && first) spawnRows.push([`${SHORT.ours}, first start (no code cache yet)`, num(first.median), num(first.p95), String(first.n), ratio(first.median, ys)]);
  }
  tables.push({ title: 'spawn → initialize reply', header: ['server', 'median, ms', 'p95, ms', 'samples', 'ours/yaml-ls'], rows: spawnRows });
  const v = results.view;
  const viewRows: string[][] = [];
  if (v.skipped) viewRows.push(['skipped', v.skipped]);
  if (v.networks !== undefined) viewRows.push(['networks / containers', `${v.networks} / ${v.containers ?? 0}`]);
  if (v.engineMs) viewRows.push(['Engine reply (the two lists), median / p95 ms', `${num(v.engineMs.median)} / ${num(v.engineMs.p95)}`]);
  if (v.modelMs) viewRows.push(['reply → complete tree model, median / p95 ms', `${num(v.modelMs.median)} / ${num(v.modelMs.p95)}`]);
  if (v.refreshMs) viewRows.push(['refresh end to end, median / p95 ms', `${num(v.refreshMs.median)} / ${num(v.refreshMs.p95)}`]);
  if (v.burstRefreshes !== undefined) viewRows.push([`refreshes caused by a burst of ${v.burstEvents} connect events`, String(v.burstRefreshes)]);
  const sc = v.scale;
  if (sc) {
    const load = (what: string, f: LoadFigures): string[] => [`${sc.networks} networks × ${sc.containers / sc.networks} containers (fake Engine), ${what}: requests, median ms`, `${f.requests}, ${num(f.ms.median)}`];
    viewRows.push(load('inspecting every network (before #19)', sc.inspectEvery), load('two lists, first load', sc.firstLoad), load('two lists, refresh', sc.refresh));
  }
  if (v.ssh) {
    const s = v.ssh;
    viewRows.push([`ssh with a ${s.dialMs} ms dial (fake), ${s.networks} networks: ssh processes for connect + refresh`, `${s.processes} (${s.requests} requests)`]);
    viewRows.push([`ssh with a ${s.dialMs} ms dial (fake): connect / refresh ms`, `${num(s.connectMs)} / ${num(s.refreshMs)}`]);
  }
  if (v.engines) {
    const e = v.engines;
    viewRows.push([`${e.engines} Engines × ${e.networksEach} networks (fake), refreshed at once: per Engine, first request → its tree, median / p95 ms`, `${num(e.perEngineRefreshMs.median)} / ${num(e.perEngineRefreshMs.p95)}`]);
    viewRows.push([`${e.engines} Engines × ${e.networksEach} networks (fake): all connected / whole tree (all expanded) median ms`, `${num(e.connectAllMs)} / ${num(e.modelAllMs.median)}`]);
  }
  for (const n of v.notes ?? []) viewRows.push(['note', n]);
  tables.push({ title: 'the Docker Networks view (real dockerd; fake Engines where the row says so)', header: ['measure', 'value'], rows: viewRows, textColumns: [1] });
  if (results.cli) tables.push(cliTable(results.cli));
  return tables;
}

/** `docker-networking check` on a tree, and the real tools once per file of their kind ("–": not on this machine). */
export function cliTable(c: NonNullable<BenchResults['cli']>): Table {
  const counts = Object.entries(c.counts).map(([k, n]) => `${n} ${k}`).join(', ');
  const rows: string[][] = [[`docker-networking check, ${c.files} files in one process (${counts})`, num(c.totalMs.median), num(c.oursPerFileMs), String(c.totalMs.n), '']];
  for (const t of c.tools) {
    rows.push([t.perFileMs ? `${t.label}, once per ${t.kind} file` : `${t.label} (${t.missing})`, '', t.perFileMs ? num(t.perFileMs.median) : '–', t.perFileMs ? String(t.files) : '', t.ratio === undefined ? '–' : `${round(t.ratio)}×`]);
  }
  return { title: 'the command line against the real tools', header: ['run', 'total, ms', 'per file, ms', 'samples', 'theirs/ours per file'], rows };
}

function pct(v: number | undefined): string {
  return v === undefined ? '–' : `${Math.round(v * 100)}%`;
}

/** p50 / p99 / max per request kind and document size under the fuzz-like workload (workloadBench.ts). */
export function workloadTable(results: BenchResults): Table | undefined {
  const w = results.workload;
  if (!w?.byKind) return undefined;
  const cell = (f: LatencyFigures | undefined) => (f ? `${num(f.p50)} / ${num(f.p99)} / ${num(f.max)} (${f.n})` : '–');
  return {
    title: `requests under a fuzz-like workload: p50 / p99 / max, ms (samples); ${w.documents} documents, ${w.requests} requests, ${w.edits} edits, seed ${w.seed}`,
    header: ['request', ...SIZE_BUCKETS.map((b) => b.label), 'up to 1 MB'],
    rows: [
      ...REQUEST_KINDS.map((k) => [k, ...SIZE_BUCKETS.map((b) => cell(w.byKind?.[k]?.[b.id])), cell(w.byKind?.[k]?.upTo1MBAll)]),
      ['every request', '', '', '', cell(w.upTo1MB)],
    ],
  };
}

export function budgetTable(results: BenchResults): Table {
  return {
    title: 'budgets (from the issue; the run never fails on them)',
    header: ['', 'budget', 'measured'],
    rows: results.budgets.map((b) => [mark(b.pass), b.text, b.measured]),
    textColumns: [1, 2],
  };
}

/** Plain-text rendering with padded columns, for the console. */
export function renderText(t: Table): string {
  const all = [t.header, ...t.rows];
  const widths = t.header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => i === 0 || (t.textColumns ?? []).includes(i);
  const line = (r: string[]) => r.map((c, i) => (left(i) ? (c ?? '').padEnd(widths[i]) : (c ?? '').padStart(widths[i]))).join('  ').trimEnd();
  return [`== ${t.title}`, line(t.header), ...t.rows.map(line)].join('\n');
}

/** Markdown rendering, for the README. */
export function renderMarkdown(t: Table): string {
  const esc = (c: string) => (c ?? '').replace(/\|/g, '\\|');
  const head = `| ${t.header.map(esc).join(' | ')} |`;
  const sep = `|${t.header.map((_, i) => (i === 0 || (t.textColumns ?? []).includes(i) ? '---' : '---:')).join('|')}|`;
  return [`**${t.title}**`, '', head, sep, ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

