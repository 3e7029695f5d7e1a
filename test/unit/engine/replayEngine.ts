import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';

/**
 * Serves the recorded Engine replies of test/fixtures/engine/v<version>/ on a unix
 * socket in a temp folder, so the client is tested against what real Engines answer.
 * `GET /events` stays open; `emit()` writes to it, `endEvents()` closes it.
 * Not a fake Engine: it replays records and answers 404 for anything unrecorded.
 */
export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/engine');

export function fixture(version: string, file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `v${version}`, file), 'utf8'));
}

export function fixtureText(version: string, file: string): string {
  return fs.readFileSync(path.join(FIXTURES, `v${version}`, file), 'utf8');
}

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A socket path in a fresh temp folder, removed when the test process exits. */
export function tempSocketPath(tag: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `dn-${tag}-`));
  tempDirs.push(dir);
  return path.join(dir, 'engine.sock');
}

function parseHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  delete out['Content-Length'];
  delete out['Date'];
  return out;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

export interface ReplayListen {
  /** Listen on loopback TCP (a free port) instead of the unix socket. */
  tcp?: boolean;
}

export class ReplayEngine {
  readonly requests: string[] = [];
  /** Connections accepted (each `ssh … dial-stdio` process is one). */
  connections = 0;
  /** The loopback TCP port, when listening on TCP. */
  port = 0;
  private readonly streams = new Set<http.ServerResponse>();
  private server?: http.Server;
  /** Runs before the recorded routes; returns true when it answered. */
  handler?: Handler;

  constructor(
    readonly version: string,
    readonly socketPath = tempSocketPath('replay'),
    private readonly listen: ReplayListen = {},
  ) {}

  get eventStreams(): number {
    return this.streams.size;
  }

  async start(): Promise<this> {
    const dir = path.join(FIXTURES, `v${this.version}`);
    const ping = parseHeaders(fs.readFileSync(path.join(dir, 'ping.headers.txt'), 'utf8'));
    const files = fs.readdirSync(dir);
    const records = (prefix: string): Array<Record<string, unknown>> =>
      files.filter((f) => f.startsWith(prefix) && f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, unknown>);
    const networks = records('network-');
    const containers = records('container-');
    const json = (res: http.ServerResponse, status: number, body: unknown): void => {
      res.writeHead(status, { ...ping, 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    this.server = http.createServer((req, res) => {
      this.requests.push(`${req.method} ${req.url}`);
      if (this.handler?.(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://engine');
      if (url.pathname === '/_ping') {
        res.writeHead(200, { ...ping, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(req.method === 'HEAD' ? undefined : 'OK');
        return;
      }
      const m = /^\/v(\d+\.\d+)(\/.*)$/.exec(url.pathname);
      if (!m) return json(res, 404, { message: 'page not found' });
      const [maj, min] = m[1].split('.').map(Number);
      const [smaj, smin] = this.version.split('.').map(Number);
      if (maj > smaj || (maj === smaj && min > smin)) return json(res, 400, { message: `client version ${m[1]} is too new. Maximum supported API version is ${this.version}` });
      const p = m[2];
      if (p === '/version') return json(res, 200, fixture(this.version, 'version.json'));
      if (p === '/networks') return json(res, 200, fixture(this.version, 'networks.json'));
      if (p === '/containers/json') return json(res, 200, fixture(this.version, 'containers.json'));
      if (p === '/events') {
        res.writeHead(200, { ...ping, 'Content-Type': 'application/json' });
        res.flushHeaders();
        this.streams.add(res);
        res.on('close', () => this.streams.delete(res));
        return;
      }
      const net = /^\/networks\/([^/]+)$/.exec(p);
      if (net) {
        const id = decodeURIComponent(net[1]);
        const found = networks.find((n) => n.Id === id || n.Name === id);
        return found ? json(res, 200, found) : json(res, 404, { message: `network ${id} not found` });
      }
      const ctr = /^\/containers\/([^/]+)\/json$/.exec(p);
      if (ctr) {
        const found = containers.find((c) => c.Id === ctr[1]);
        return found ? json(res, 200, found) : json(res, 404, { message: `No such container: ${ctr[1]}` });
      }
      json(res, 404, { message: 'page not found' });
    });
    this.server.on('connection', () => this.connections++);
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      if (this.listen.tcp) this.server!.listen(0, '127.0.0.1', resolve);
      else this.server!.listen(this.socketPath, resolve);
    });
    if (this.listen.tcp) this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  emit(event: unknown): void {
    for (const s of this.streams) s.write(JSON.stringify(event) + '\n');
  }

  emitRaw(text: string): void {
    for (const s of this.streams) s.write(text);
  }

  endEvents(): void {
    for (const s of this.streams) s.end();
  }

  async stop(): Promise<void> {
    for (const s of this.streams) s.destroy();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Polls `check` every 20 ms until it returns true or `timeoutMs` passes. */
export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
