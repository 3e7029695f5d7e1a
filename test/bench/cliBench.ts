import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from '../util/lspClient';
import { makeUnitRoot } from '../util/systemdUnitRoot';
import { standardInputs } from './inputs';
import type { CliResults, CliToolResult } from './results';
import { summarize } from './stats';

/**
 * `docker-networking check` on 1,000 files in one process (#21), against the real tools
 * run once per file of their kind: `dockerd --validate`, `docker-compose config -q` and
 * `systemd-analyze verify`. A tool that is not on this machine is reported as missing
 * ("–"), never faked.
 */

export const CLI_TREE_FILES = 1000;
const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

type Kind = 'daemonJson' | 'compose' | 'systemdDropin';

/** The sources of the tree: every fixture, and the small benchmark inputs. */
function sources(): { kind: Kind; text: string }[] {
  const out: { kind: Kind; text: string }[] = [];
  const walk = (dir: string): string[] =>
    fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)])) : [];
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures');
  for (const f of walk(path.join(fixtures, 'daemonJson')).filter((f) => f.endsWith('.json'))) out.push({ kind: 'daemonJson', text: fs.readFileSync(f, 'utf8') });
  for (const f of walk(path.join(fixtures, 'compose')).filter((f) => /\.ya?ml$/.test(f))) out.push({ kind: 'compose', text: fs.readFileSync(f, 'utf8') });
  for (const f of walk(path.join(fixtures, 'systemdDropin')).filter((f) => f.endsWith('.conf'))) out.push({ kind: 'systemdDropin', text: fs.readFileSync(f, 'utf8') });
  for (const i of standardInputs().filter((i) => i.lines <= 200)) out.push({ kind: i.kind as Kind, text: i.text });
  return out;
}

/**
 * A small variation that keeps each file's verdicts: trailing blank lines (daemon.json:
 * whitespace is all strict JSON allows), a comment line elsewhere; so no two files are
 * byte for byte the same and nothing is served from a cache of equal texts.
 */
function vary(kind: Kind, text: string, n: number): string {
  if (kind === 'daemonJson') return `${text}${' '.repeat(n % 7)}\n`;
  return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}# copy ${n}\n`;
}

/** Writes the tree: each file in a folder of its own, under a name of its kind. */
export function writeCliTree(root: string, count = CLI_TREE_FILES): { files: { kind: Kind; file: string }[] } {
  const src = sources();
  const files: { kind: Kind; file: string }[] = [];
  for (let n = 0; n < count; n++) {
    const s = src[n % src.length];
    const dir = path.join(root, `f${String(n).padStart(4, '0')}`);
    const file = s.kind === 'daemonJson' ? path.join(dir, 'daemon.json') : s.kind === 'compose' ? path.join(dir, 'compose.yaml') : path.join(dir, 'docker.service.d', 'http-proxy.conf');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, vary(s.kind, s.text, n));
    files.push({ kind: s.kind, file });
  }
  return { files };
}

function timed(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): { ms: number; status: number | null; output: string } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
}

const RELEASES = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docker-networking', 'releases');

/**
 * The newest of: the binary named by the environment variable, the releases that
 * test/tools/fetchReleases.sh (#18) unpacks into the user's cache (sid, then trixie), and
 * the one on PATH; each only if `accepts` says it can do the job.
 */
function findTool(envVar: string, cached: string[], onPath: string, accepts: (bin: string) => string | undefined): { bin?: string; version?: string; why?: string } {
  const candidates = [process.env[envVar], ...['sid', 'trixie'].flatMap((s) => cached.map((rel) => path.join(RELEASES, s, rel))), onPath].filter((c): c is string => !!c);
  const reasons: string[] = [];
  for (const bin of candidates) {
    if (bin.includes('/') && !fs.existsSync(bin)) continue;
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
    if (r.error) continue;
    const version = /version v?(\d+\.\d+\.\d+)/i.exec(`${r.stdout}${r.stderr}`)?.[1];
    const why = accepts(bin);
    if (!why) return { bin, version };
    reasons.push(`${bin}${version ? ` ${version}` : ''}: ${why}`);
  }
  return { why: reasons.length ? reasons.join('; ') : 'not found' };
}

/** The exit status of `bin args… FILE` on a scratch file holding `text`, removed afterwards. */
function statusOn(bin: string, args: string[], name: string, text: string): number | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-probe-'));
  try {
    fs.writeFileSync(path.join(dir, name), text);
    return spawnSync(bin, [...args, path.join(dir, name)], { encoding: 'utf8', timeout: 30_000 }).status;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A dockerd with `--validate` (23.0 and newer). */
function findDockerd() {
  return findTool('BENCH_DOCKERD', ['usr/sbin/dockerd'], 'dockerd', (bin) => {
    return statusOn(bin, ['--validate', '--config-file'], 'daemon.json', '{}\n') === 0 ? undefined : 'has no --validate (it came with Engine 23.0)';
  });
}

/** Compose v2 (`docker-compose` as a binary or CLI plugin; Debian's 1.29 is a different program). */
function findCompose() {
  return findTool('BENCH_DOCKER_COMPOSE', ['usr/libexec/docker/cli-plugins/docker-compose'], 'docker-compose', (bin) => {
    const r = spawnSync(bin, ['version'], { encoding: 'utf8', timeout: 30_000 });
    return /version v?2\./i.test(`${r.stdout}${r.stderr}`) ? undefined : 'is not Compose v2';
  });
}

function findSystemdAnalyze() {
  return findTool('BENCH_SYSTEMD_ANALYZE', [], 'systemd-analyze', () => undefined);
}

interface ToolSpec {
  id: string;
  label: string;
  kind: Kind;
  found: { bin?: string; version?: string; why?: string };
  run: (bin: string, file: string) => { ms: number };
}

/**
 * Rounds of measurement: in each, our whole check once, then each real tool on a few
 * files of its kind. Interleaved so that a busier minute of the (shared) machine lands
 * on both sides of each ratio, not on one.
 */
const ROUNDS = { quick: 3, full: 7 };
const TOOL_FILES_PER_ROUND = { quick: 2, full: 3 };

export function runCliBench(o: { quick: boolean; log: (s: string) => void }): CliResults {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-cli-bench-'));
  try {
    const root = path.join(tmp, 'tree');
    const { files } = writeCliTree(root);
    const byKind = (k: Kind) => files.filter((f) => f.kind === k).map((f) => f.file);
    const counts = { daemonJson: byKind('daemonJson').length, compose: byKind('compose').length, systemdDropin: byKind('systemdDropin').length };
    o.log(`  tree: ${files.length} files (${counts.daemonJson} daemon.json, ${counts.compose} Compose, ${counts.systemdDropin} drop-ins)`);

    const noEngine = { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' };
    const unitRoot = path.join(tmp, 'systemd-root');
    const unitDir = makeUnitRoot(unitRoot);
    const specs: ToolSpec[] = [
      { id: 'dockerd-validate', label: 'dockerd --validate', kind: 'daemonJson', found: findDockerd(), run: (bin, file) => timed(bin, ['--validate', '--config-file', file], { env: noEngine }) },
      { id: 'compose-config', label: 'docker-compose config -q', kind: 'compose', found: findCompose(), run: (bin, file) => timed(bin, ['-f', file, 'config', '-q'], { cwd: path.dirname(file), env: noEngine }) },
      {
        id: 'systemd-analyze-verify',
        label: 'systemd-analyze verify',
        kind: 'systemdDropin',
        found: findSystemdAnalyze(),
        run: (bin, file) => {
          // The unit tree systemd needs around the drop-in is laid before the clock starts.
          fs.copyFileSync(file, path.join(unitDir, 'docker.service.d', 'http-proxy.conf'));
          return timed(bin, ['verify', `--root=${unitRoot}`, path.join(unitDir, 'docker.service')]);
        },
      },
    ];

    // One uncounted run of each (the page cache, node's own start), then the rounds.
    const checkRun = () => timed(process.execPath, [CLI_JS, 'check', '--format', 'json'], { cwd: root, env: noEngine });
    checkRun();
    for (const t of specs) if (t.found.bin) t.run(t.found.bin, byKind(t.kind)[0]);
    const runs: number[] = [];
    const toolSamples = new Map<string, number[]>(specs.map((t) => [t.id, []]));
    const perRound = o.quick ? TOOL_FILES_PER_ROUND.quick : TOOL_FILES_PER_ROUND.full;
    let checked = 0;
    for (let round = 0; round < (o.quick ? ROUNDS.quick : ROUNDS.full); round++) {
      const r = checkRun();
      if (r.status !== 0 && r.status !== 1) throw new Error(`docker-networking check failed (${r.status}): ${r.output.slice(0, 500)}`);
      checked = (JSON.parse(r.output.slice(0, r.output.lastIndexOf('}') + 1)) as { files: unknown[] }).files.length;
      runs.push(r.ms);
      for (const t of specs) {
        if (!t.found.bin) continue;
        const files = byKind(t.kind);
        for (let i = 0; i < perRound; i++) toolSamples.get(t.id)!.push(t.run(t.found.bin, files[(round * perRound + i) % files.length]).ms);
      }
    }
    const total = summarize(runs);
    o.log(`  docker-networking check: ${checked} files in ${total.median.toFixed(0)} ms (median of ${runs.length}), ${((checked / total.median) * 1000).toFixed(0)} files/s`);
    const tools: CliToolResult[] = specs.map((t) => {
      const samples = toolSamples.get(t.id)!;
      if (!t.found.bin) return { id: t.id, label: t.label, kind: t.kind, missing: t.found.why ?? 'not found', files: 0 };
      return { id: t.id, label: `${t.label}${t.found.version ? ` ${t.found.version}` : ''}`, kind: t.kind, files: samples.length, perFileMs: summarize(samples) };
    });
    const oursPerFile = total.median / Math.max(1, checked);
    for (const t of tools) {
      if (t.perFileMs) t.ratio = t.perFileMs.median / oursPerFile;
      o.log(`  ${t.label}: ${t.perFileMs ? `${t.perFileMs.median.toFixed(1)} ms per file (median of ${t.files}), ${t.ratio!.toFixed(0)}× our time per file` : `– (${t.missing})`}`);
    }
    return { files: checked, counts, totalMs: total, filesPerSecond: (checked / total.median) * 1000, oursPerFileMs: oursPerFile, tools };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
