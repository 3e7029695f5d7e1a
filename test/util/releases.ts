import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { it, type TestContext } from 'node:test';
import { REPO_ROOT } from './lspClient';
import { ThrowawayDockerd, throwawayDockerdProblem } from './throwawayDockerd';

/**
 * The Docker releases the tests compare our verdicts with (#18): the machine's own
 * dockerd (Debian 12's docker.io, installed by .ci/run) and the dockerd and Compose v2
 * binaries of Debian's trixie and sid suites, which test/tools/fetchReleases.sh unpacks
 * into the user's cache without installing them. Versions are read from the binaries,
 * never written down here: sid moves.
 */
export type Suite = 'machine' | 'trixie' | 'sid';

export interface Binary {
  suite: Suite;
  /** Absolute path, or the bare name found on PATH for the machine's dockerd. */
  path: string;
  /** Folders to put first on PATH for a child, so dockerd finds its own docker-proxy and docker-init. */
  pathDirs: string[];
  /** "28.5.2" (from `--version`), undefined when missing. */
  version?: string;
  /** "28.5", the form the server's engineVersion setting takes. */
  majorMinor?: string;
  /** Why the binary cannot be used, when it cannot. */
  problem?: string;
}

export const RELEASES_CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'docker-networking', 'releases');
const FETCH_HINT = 'run bash test/tools/fetchReleases.sh';

function suiteRoot(suite: Exclude<Suite, 'machine'>): string {
  return path.join(RELEASES_CACHE, suite);
}

function versionOf(bin: string, args: string[]): { version?: string; problem?: string } {
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error) return { problem: `${bin}: ${r.error.message}` };
  // "Docker version 28.5.2+dfsg4, build …", "Docker Compose version 2.40.3-3", "… version v2.26.1"
  const m = /version v?(\d+\.\d+\.\d+)/i.exec(`${r.stdout}${r.stderr}`);
  return m ? { version: m[1] } : { problem: `${bin} ${args.join(' ')} printed no version: ${(r.stdout + r.stderr).slice(0, 200)}` };
}

function describeBinary(suite: Suite, bin: string, pathDirs: string[], args: string[], missing: string | undefined): Binary {
  if (missing) return { suite, path: bin, pathDirs, problem: missing };
  const { version, problem } = versionOf(bin, args);
  return { suite, path: bin, pathDirs, version, majorMinor: version?.split('.').slice(0, 2).join('.'), problem };
}

const cache = new Map<string, Binary>();
function memo(key: string, make: () => Binary): Binary {
  let b = cache.get(key);
  if (!b) cache.set(key, (b = make()));
  return b;
}

/** The dockerd of a suite ('machine': the one on PATH). */
export function dockerdOf(suite: Suite): Binary {
  return memo(`dockerd:${suite}`, () => {
    if (suite === 'machine') {
      const onPath = spawnSync('sh', ['-c', 'command -v dockerd'], { encoding: 'utf8' }).stdout.trim();
      return describeBinary(suite, 'dockerd', [], ['--version'], onPath ? undefined : 'dockerd is not installed (bash .ci/run installs docker.io)');
    }
    const root = suiteRoot(suite);
    const bin = path.join(root, 'usr', 'sbin', 'dockerd');
    const dirs = [path.join(root, 'usr', 'sbin'), path.join(root, 'usr', 'bin')];
    return describeBinary(suite, bin, dirs, ['--version'], existsSync(bin) ? undefined : `no ${suite} dockerd in ${root} (${FETCH_HINT})`);
  });
}

/** The Compose v2 plug-in of a suite (bookworm has none: its docker-compose is the Python 1.29). */
export function composeOf(suite: Exclude<Suite, 'machine'>): Binary {
  return memo(`compose:${suite}`, () => {
    const root = suiteRoot(suite);
    const bin = path.join(root, 'usr', 'libexec', 'docker', 'cli-plugins', 'docker-compose');
    return describeBinary(suite, bin, [], ['version'], existsSync(bin) ? undefined : `no ${suite} docker-compose in ${root} (${FETCH_HINT})`);
  });
}

/** The three Engines the verdict tests run against, oldest first. */
export const ENGINE_SUITES: readonly Suite[] = ['machine', 'trixie', 'sid'];

/** `env` with the binary's own folders first on PATH. */
export function envFor(b: Binary, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return b.pathDirs.length ? { ...env, PATH: [...b.pathDirs, env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin'].join(':') } : env;
}

/**
 * Call at the start of a test that needs `b`. A missing binary skips the test, saying
 * how to get it; under CI=true it fails the test instead (as a missing Engine does).
 */
export function requireBinary(t: TestContext, b: Binary): boolean {
  if (!b.problem) return true;
  if (process.env.CI === 'true') throw new Error(`CI needs this: ${b.problem}`);
  t.skip(b.problem);
  return false;
}

/** As requireBinary, for a dockerd to start as a throw-away Engine (root and unshare too). */
export function requireThrowaway(t: TestContext, dockerd: Binary): boolean {
  if (!requireBinary(t, dockerd)) return false;
  const problem = throwawayDockerdProblem(dockerd.path);
  if (!problem) return true;
  if (process.env.CI === 'true') throw new Error(`CI needs this: ${problem}`);
  t.skip(problem);
  return false;
}

/**
 * The release's dockerd as an isolated throw-away Engine (ThrowawayDockerd), with the
 * busybox test image imported, or undefined when it cannot run here (the tests then say
 * why, through requireThrowaway). The caller disposes of it.
 */
export async function startRelease(dockerd: Binary, { image = true } = {}): Promise<ThrowawayDockerd | undefined> {
  if (dockerd.problem || throwawayDockerdProblem(dockerd.path)) return undefined;
  const engine = new ThrowawayDockerd([], { dockerd: dockerd.path, env: envFor(dockerd), isolated: true });
  await engine.start();
  if (image) {
    const r = spawnSync('bash', [path.join(REPO_ROOT, 'test', 'tools', 'busyboxImage.sh')], { env: { ...process.env, BUSYBOX_SOCKET: engine.socketPath }, encoding: 'utf8' });
    if (r.status !== 0) {
      await engine.dispose();
      throw new Error(`busybox import into ${label(dockerd)}: ${r.stderr}`);
    }
  }
  return engine;
}

/** What a verdict test counts per release, for its table. */
export interface Tally {
  files: number;
  refused: number;
  agreed: number;
}

/** One row of a per-release table: "sid dockerd 28.5.2   files 130  refused  73  agreed 130". */
export function tableRow(b: Binary, tally: Tally): string {
  const n = (x: number) => String(x).padStart(3);
  return `${label(b).padEnd(32)} files ${n(tally.files)}  refused ${n(tally.refused)}  agreed ${n(tally.agreed)}`;
}

/**
 * The per-release tables of a verdict test: `row(b, tally)` declares, inside a release's
 * describe, the test that prints its row once its files ran; `summary()` declares, after
 * all releases, the one that prints every row together for the CI log.
 */
export function perReleaseTables(): { row(b: Binary, tally: Tally): void; summary(): void } {
  const rows: string[] = [];
  return {
    row: (b, tally) =>
      it('table', (t) => {
        const row = tableRow(b, tally);
        rows.push(row);
        t.diagnostic(row);
      }),
    summary: () =>
      it('per-release table', (t) => {
        for (const row of rows) t.diagnostic(row);
      }),
  };
}

/** "machine dockerd 20.10.24" and the like, for test names and tables. */
export function label(b: Binary): string {
  return `${b.suite} ${path.basename(b.path)} ${b.version ?? '(missing)'}`;
}
