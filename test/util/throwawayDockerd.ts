import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/**
 * Asks a throw-away dockerd for its verdict on a daemon.json: does it refuse the file
 * (exits during start-up) or does it start (answers /_ping)?
 *
 * Isolation, so the shared dockerd at /var/run/docker.sock is never touched:
 * - own --data-root, --exec-root, --pidfile and -H unix://<scratch>/d.sock;
 * - the daemon runs in fresh mount, network and PID namespaces (util-linux `unshare`),
 *   with a scratch folder bind-mounted over /run. Whatever the file asks for
 *   (a docker0 with `bip`, iptables rules, a default unix socket in /var/run, a managed
 *   containerd under /run/containerd) lands in throw-away namespaces and folders, and
 *   killing the namespace's first process (`--kill-child`) ends every process in it;
 * - --bridge=none and --iptables=false are passed unless the file names a key that
 *   would conflict with them (dockerd refuses a key given both as flag and in the file,
 *   whatever the value; moby daemon/config findConfigurationConflicts).
 *
 * The wait is bounded; the daemon is killed as soon as it answers or exits.
 */
export interface DockerdVerdict {
  accepted: boolean;
  /** dockerd's output (it logs to stderr). */
  stderr: string;
  exitCode: number | null;
  /** Neither /_ping answered nor the process exited within the time limit. */
  timedOut: boolean;
  flags: string[];
}

export interface AskOptions {
  timeoutMs?: number;
  dockerd?: string;
}

/** Why a throw-away dockerd cannot be used here, or undefined when it can. */
export function throwawayDockerdProblem(dockerd = 'dockerd'): string | undefined {
  if (process.getuid?.() !== 0) return 'a throw-away dockerd needs root';
  for (const bin of [dockerd, 'unshare']) {
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) return `${bin} is not installed`;
  }
  return undefined;
}

// Keys of the file that make us leave out one of our own flags (conflict otherwise).
const BRIDGE_KEYS = ['bridge', 'bip', 'bip6', 'fixed-cidr', 'fixed-cidr-v6'];
const IPTABLES_KEYS = ['iptables', 'icc', 'ip-masq'];
const PATH_KEYS = ['data-root', 'graph', 'exec-root', 'pidfile'];
/** Paths the namespace remaps to scratch folders, so defaults and files pointing there are safe. */
const SAFE_PATH = /^\/((var\/)?run|var\/lib\/docker)(\/|$)/;

function topLevelKeys(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function ping(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.request({ socketPath, path: '/_ping', method: 'GET', timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end();
  });
}

/** Where a unix socket named in the file appears outside the namespace (its /run is `runDir`). */
function socketOutside(hostUri: string, runDir: string): string | undefined {
  const m = /^unix:\/\/(\/.*)$/.exec(hostUri);
  if (!m) return undefined;
  const p = m[1];
  for (const prefix of ['/var/run/', '/run/']) if (p.startsWith(prefix)) return path.join(runDir, p.slice(prefix.length));
  return p;
}

export async function askDockerd(configFile: string, options: AskOptions = {}): Promise<DockerdVerdict> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const text = readFileSync(configFile, 'utf8');
  const keys = topLevelKeys(text);
  const scratch = mkdtempSync(path.join(tmpdir(), 'dn-dockerd-'));
  const runDir = path.join(scratch, 'run');
  const libDir = path.join(scratch, 'var-lib-docker');
  mkdirSync(runDir);
  mkdirSync(libDir);
  const flags = ['--config-file', configFile];
  for (const k of PATH_KEYS) {
    const v = keys[k];
    // A path key in the file replaces our flag ("" means dockerd's default, which the
    // namespace remaps); any other path must be one the namespace remaps too.
    if (typeof v === 'string' && v !== '' && !SAFE_PATH.test(v)) {
      rmSync(scratch, { recursive: true, force: true });
      throw new Error(`${configFile}: "${k}": "${v}" would escape the scratch folders; use a path under /run/ or /var/lib/docker/`);
    }
  }
  if (!('data-root' in keys) && !('graph' in keys)) flags.push('--data-root', path.join(scratch, 'data'));
  if (!('exec-root' in keys)) flags.push('--exec-root', path.join(scratch, 'exec'));
  if (!('pidfile' in keys)) flags.push('--pidfile', path.join(scratch, 'docker.pid'));
  let socketPath: string | undefined;
  if (!('hosts' in keys)) {
    socketPath = path.join(scratch, 'd.sock');
    flags.push('-H', `unix://${socketPath}`);
  } else if (Array.isArray(keys.hosts)) {
    socketPath = keys.hosts.map((h) => (typeof h === 'string' ? socketOutside(h, runDir) : undefined)).find(Boolean);
    if (keys.hosts.length === 0) socketPath = path.join(runDir, 'docker.sock');
  }
  if (!BRIDGE_KEYS.some((k) => k in keys)) flags.push('--bridge=none');
  if (!IPTABLES_KEYS.some((k) => k in keys)) flags.push('--iptables=false');

  // /var/lib/docker (the default data-root, the shared daemon's) is covered too.
  const script = 'mount --make-rprivate / && mount --bind "$0" /run && mkdir -p /var/lib/docker && mount --bind "$1" /var/lib/docker && shift && exec "$@"';
  const child = spawn(
    'unshare',
    ['--mount', '--net', '--pid', '--fork', '--kill-child', 'sh', '-c', script, runDir, libDir, options.dockerd ?? 'dockerd', ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let exitCode: number | null = null;
  let done = false;
  void exited.then((c) => {
    exitCode = c;
    done = true;
  });

  let accepted = false;
  const deadline = Date.now() + timeoutMs;
  while (!done && Date.now() < deadline) {
    // Without a socket to ask (tcp-only hosts), the log line that follows serving is the signal.
    if ((socketPath && existsSync(socketPath) && (await ping(socketPath))) || /Daemon has completed initialization/.test(stderr)) {
      accepted = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 200)); // poll interval
  }
  const timedOut = !done && !accepted;
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
  // The namespace's processes die with its first one; retry briefly while they release files.
  for (let i = 0; i < 20; i++) {
    try {
      rmSync(scratch, { recursive: true, force: true });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100)); // poll interval
    }
  }
  return { accepted, stderr, exitCode, timedOut, flags };
}
