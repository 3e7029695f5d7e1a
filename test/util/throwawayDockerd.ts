import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { TestContext } from 'node:test';
import { engineRequest } from './engine';
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
  /** The dockerd to ask (default: the one on PATH); a release's, from test/util/releases.ts. */
  dockerd?: string;
  /**
   * Flags of a systemd unit's ExecStart= to start dockerd with, as a Docker host gives
   * them (#17). `fd://` (systemd's socket) becomes the scratch socket, so that the flag
   * is still given (and conflicts as it would) while the daemon can listen.
   */
  unitFlags?: string[];
  /** Let dockerd create its default bridge (inside the namespace) even when the file does not place it. */
  keepBridge?: boolean;
  /** Called with the socket while the daemon is up, before it is killed (only when it starts). */
  whileUp?: (socketPath: string) => Promise<void>;
  /** Its environment: a release's dockerd needs its own docker-proxy first on PATH (releases.ts envFor). */
  env?: NodeJS.ProcessEnv;
  /**
   * The socket of a containerd to use (`--containerd`) instead of the one dockerd starts
   * and supervises itself: dockerd 26 and later wait about ten seconds for their managed
   * containerd to stop before they exit with a refusal, which over a hundred files and
   * three releases is most of the test's time. See ThrowawayContainerd.
   */
  containerd?: string;
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

/**
 * `unshare … sh -c SCRIPT RUN_DIR LIB_DIR DOCKERD ARGS…`: fresh mount, network and PID
 * namespaces whose /run and /var/lib/docker (the default data-root, the shared daemon's)
 * are scratch folders, with a /proc of their own (containerd reads its processes there);
 * killing unshare kills dockerd, the namespace's first process, and
 * with it every process in the namespace.
 */
const UNSHARE = ['--mount', '--net', '--pid', '--fork', '--mount-proc', '--kill-child', 'sh', '-c', 'mount --make-rprivate / && mount --bind "$0" /run && mkdir -p /var/lib/docker && mount --bind "$1" /var/lib/docker && shift && exec "$@"'];

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
  const unit = (options.unitFlags ?? []).map((f) => f.replace(/^((?:-H|--host)=?)?fd:\/\/$/, `$1unix://${path.join(scratch, 'd.sock')}`));
  const unitGives = (re: RegExp): boolean => unit.some((f) => re.test(f));
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
  const unitHosts = unit.flatMap((f, i) => (/^(-H|--host)$/.test(f) ? [unit[i + 1] ?? ''] : /^(-H|--host=)./.test(f) ? [f.replace(/^(-H=?|--host=)/, '')] : []));
  if (unitHosts.length > 0) {
    socketPath = unitHosts.map((h) => socketOutside(h, runDir)).find(Boolean);
  } else if (!('hosts' in keys)) {
    socketPath = path.join(scratch, 'd.sock');
    flags.push('-H', `unix://${socketPath}`);
  } else if (Array.isArray(keys.hosts)) {
    socketPath = keys.hosts.map((h) => (typeof h === 'string' ? socketOutside(h, runDir) : undefined)).find(Boolean);
    if (keys.hosts.length === 0) socketPath = path.join(runDir, 'docker.sock');
  }
  // dockerd 20.10 flattens the objects of keys it does not know one level up before its
  // conflict check (daemon/config configValuesSet), so a nested "bridge" (inside
  // "default-network-opts", which 20.10 lacks) conflicts with our flag as a top-level one would.
  const mentioned = new Set(Object.entries(keys).flatMap(([k, v]) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? [k, ...Object.keys(v)] : [k])));
  if (!options.keepBridge && !BRIDGE_KEYS.some((k) => mentioned.has(k) || unitGives(new RegExp(`^--${k}(=|$)`))) && !unitGives(/^-b/)) flags.push('--bridge=none');
  if (!IPTABLES_KEYS.some((k) => mentioned.has(k) || unitGives(new RegExp(`^--${k}(=|$)`)))) flags.push('--iptables=false');
  if (options.containerd && !('containerd' in keys) && !unitGives(/^--containerd(=|$)/)) flags.push('--containerd', options.containerd);
  flags.push(...unit);

  const child = spawn(
    'unshare',
    [...UNSHARE, runDir, libDir, options.dockerd ?? 'dockerd', ...flags],
    { stdio: ['ignore', 'pipe', 'pipe'], env: options.env },
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
  let upError: unknown;
  if (accepted && options.whileUp && socketPath) {
    try {
      await options.whileUp(socketPath);
    } catch (e) {
      upError = e; // thrown after the daemon and its folders are gone
    }
  }
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
  if (upError) throw upError;
  return { accepted, stderr, exitCode, timedOut, flags };
}

/**
 * A containerd of the test's own (the machine's containerd binary, 1.6 on Debian 12; own
 * root, state, socket and empty config, in scratch folders outside /run so a throw-away
 * dockerd in its own namespaces still reaches the socket) that the throw-away dockerds of
 * a test file share with `--containerd`. They create no containers, so sharing it changes
 * nothing they judge; it only spares each one starting and stopping its own.
 */
export class ThrowawayContainerd {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-containerd-'));
  readonly socketPath = path.join(this.dir, 'c.sock');
  private proc?: ChildProcess;
  private readonly killOnExit = (): void => {
    this.proc?.kill('SIGKILL');
  };

  async start(timeoutMs = 30_000): Promise<string> {
    if (this.proc) return this.socketPath;
    const config = path.join(this.dir, 'config.toml');
    fs.writeFileSync(config, '');
    const out = fs.openSync(path.join(this.dir, 'containerd.log'), 'a');
    const args = ['-c', config, '--root', path.join(this.dir, 'root'), '--state', path.join(this.dir, 'state'), '--address', this.socketPath];
    const proc = spawn('containerd', args, { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    this.proc = proc;
    process.once('exit', this.killOnExit);
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(this.socketPath)) {
      if (proc.exitCode !== null) throw new Error(`throw-away containerd exited (${proc.exitCode}): ${readFileSync(path.join(this.dir, 'containerd.log'), 'utf8').slice(-2000)}`);
      if (Date.now() > deadline) throw new Error(`throw-away containerd made no socket within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100)); // poll interval
    }
    return this.socketPath;
  }

  async dispose(): Promise<void> {
    const proc = this.proc;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    process.removeListener('exit', this.killOnExit);
    fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * A long-running dockerd of the test's own (own data-root, exec-root, pidfile, config
 * file and socket; iptables off), for what the shared Engine must never undergo: being
 * stopped and restarted, or reconfigured for TLS.
 *
 * It shares the host's network namespace (a TLS test must reach its TCP listener), so it
 * must not be started with --bridge=none: dockerd then deletes the host's docker0
 * (moby daemon_unix.go initNetworkController → removeDefaultBridgeInterface), pulling the
 * default bridge from under the shared Engine. Instead each instance gets a bridge of its
 * own (`-b`), with a /24 inside 198.18.240.0/20, created before start and deleted after.
 *
 * With `isolated` (for an Engine that only needs its unix socket: another release's
 * dockerd for Compose and the Engine client, #18) it runs in namespaces of its own as
 * askDockerd does, its default bridge and default address pools inside 198.19.192.0/18,
 * so whatever it creates stays out of the machine's network; it is stopped by ending the
 * namespace, and cannot be restarted.
 */
export interface ThrowawayOptions {
  /** The dockerd binary (default: the one on PATH) and its environment (releases.ts envFor). */
  dockerd?: string;
  env?: NodeJS.ProcessEnv;
  isolated?: boolean;
}

export class ThrowawayDockerd {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-dockerd-'));
  readonly socketPath = path.join(this.dir, 'x.sock');
  /** The instance's own bridge (≤ 15 characters, as Linux requires). */
  readonly bridge = `dn-tw-${crypto.randomBytes(3).toString('hex')}`;
  private bridgeUp = false;
  private proc?: ChildProcess;
  private exited?: Promise<void>;

  constructor(
    private readonly extraArgs: string[] = [],
    private readonly options: ThrowawayOptions = {},
  ) {
    // Isolated: a default bridge inside its own network namespace (the built-in networks
    // exist as on any Engine), its address and the default pools inside 198.19.192.0/18.
    const config = options.isolated ? { bip: '198.19.255.1/24', 'default-address-pools': [{ base: '198.19.192.0/19', size: 24 }] } : {};
    fs.writeFileSync(path.join(this.dir, 'daemon.json'), `${JSON.stringify(config)}\n`);
  }

  get logFile(): string {
    return path.join(this.dir, 'dockerd.log');
  }

  log(): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-30).join('\n');
    } catch {
      return '';
    }
  }

  private createBridge(): void {
    if (this.bridgeUp) return;
    const used = spawnSync('ip', ['-4', '-o', 'addr', 'show'], { encoding: 'utf8' }).stdout ?? '';
    const third = [...Array(16).keys()].map((i) => 240 + i).find((n) => !used.includes(`198.18.${n}.`));
    if (third === undefined) throw new Error('no free /24 in 198.18.240.0/20 for a throw-away bridge');
    for (const args of [
      ['link', 'add', this.bridge, 'type', 'bridge'],
      ['addr', 'add', `198.18.${third}.1/24`, 'dev', this.bridge],
    ]) {
      const r = spawnSync('ip', args, { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr}`);
    }
    this.bridgeUp = true;
  }

  private deleteBridge(): void {
    if (!this.bridgeUp) return;
    spawnSync('ip', ['link', 'del', this.bridge]);
    this.bridgeUp = false;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    const isolated = this.options.isolated === true;
    if (!isolated) this.createBridge();
    const out = fs.openSync(this.logFile, 'a');
    const args = [
      '--config-file', path.join(this.dir, 'daemon.json'),
      '--data-root', path.join(this.dir, 'data'),
      '--exec-root', path.join(this.dir, 'exec'),
      '--pidfile', path.join(this.dir, 'dockerd.pid'),
      '-H', `unix://${this.socketPath}`,
      ...(isolated ? [] : [`--bridge=${this.bridge}`]),
      '--iptables=false',
      ...this.extraArgs,
    ];
    const dockerd = this.options.dockerd ?? 'dockerd';
    let proc: ChildProcess;
    if (isolated) {
      const runDir = path.join(this.dir, 'run');
      const libDir = path.join(this.dir, 'var-lib-docker');
      fs.mkdirSync(runDir, { recursive: true });
      fs.mkdirSync(libDir, { recursive: true });
      proc = spawn('unshare', [...UNSHARE, runDir, libDir, dockerd, ...args], { stdio: ['ignore', out, out], env: this.options.env });
      // Should the test process end without dispose(), the namespace ends with it.
      const kill = (): void => void proc.kill('SIGKILL');
      process.once('exit', kill);
      proc.once('exit', () => process.removeListener('exit', kill));
    } else {
      proc = spawn(dockerd, args, { stdio: ['ignore', out, out], env: this.options.env });
    }
    fs.closeSync(out);
    this.proc = proc;
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    const start = Date.now();
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`throw-away dockerd exited (${proc.exitCode}):\n${this.log()}`);
      try {
        const r = await engineRequest('GET', '/_ping', undefined, this.socketPath, 1000);
        if (r.status === 200) return;
      } catch {
        // not up yet
      }
      if (Date.now() - start > timeoutMs) throw new Error(`throw-away dockerd did not answer within ${timeoutMs} ms:\n${this.log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** SIGTERM and wait for the exit (SIGKILL after 30 s). */
  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    // unshare ignores SIGTERM while it waits; killing it ends the namespace (--kill-child).
    proc.kill(this.options.isolated ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.deleteBridge();
    fs.rmSync(this.dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** Root, dockerd and unshare are needed; under CI=true their absence fails the test. */
export function requireDockerd(t: TestContext): boolean {
  const problem = throwawayDockerdProblem();
  if (!problem) return true;
  if (process.env.CI === 'true') throw new Error(`CI needs this: ${problem}`);
  t.skip(problem);
  return false;
}
