import * as l10n from '@vscode/l10n';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import { Duplex } from 'stream';
import { negotiateApiVersion } from './apiVersion';
import type { EngineEndpoint } from './engineEndpoint';
import { EngineError, PLAIN_HTTP_TO_TLS, toEngineError } from './engineError';

/**
 * A small Engine API client on Node's own http/https. The docker client libraries on
 * npm (dockerode, docker-modem) know neither docker contexts nor `docker system
 * dial-stdio` for ssh hosts, and pull in much more than the few calls we make; the
 * transport rules of the docker CLI are in engineEndpoint.ts.
 */

export type QueryValue = string | number | boolean | object | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Whole-request timeout (headers and body); for streams, until the headers arrive. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Call `/path` instead of `/vX.Y/path` (only /_ping needs this). */
  unversioned?: boolean;
}

export interface EngineResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface EngineIdentity {
  /** Engine release, "20.10.24+dfsg1". */
  version?: string;
  /** The API version our requests use (negotiated). */
  apiVersion: string;
  /** The newest API the Engine serves. */
  serverApiVersion?: string;
  minApiVersion?: string;
  os?: string;
  arch?: string;
  kernelVersion?: string;
}

export interface EngineClientOptions {
  /** Default per-request timeout in milliseconds. */
  timeoutMs?: number;
  /** DOCKER_API_VERSION: use this version and skip negotiation. */
  fixedApiVersion?: string;
  /** Largest reply body accepted (bytes). */
  maxBodyBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

export function buildQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const text = typeof v === 'object' ? JSON.stringify(v) : String(v);
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(text)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A Duplex over `ssh … docker system dial-stdio` (docker/cli cli/connhelper/commandconn). */
function dialStdio(command: string, args: string[]): Duplex {
  const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    if (stderr.length < 4096) stderr += d.toString('utf8');
  });
  const duplex = new Duplex({
    write(chunk: Buffer, _enc, cb) {
      // A write error (EPIPE) means the process died; its exit status and stderr,
      // reported on 'close' below, say why better than EPIPE does.
      child.stdin.write(chunk, () => cb());
    },
    final(cb) {
      child.stdin.end();
      cb();
    },
    read() {
      child.stdout.resume();
    },
    destroy(err, cb) {
      // The docker CLI's dial-stdio does not always end on SIGTERM while its stdin is open
      // (seen with docker 28: the process outlived the client and held the extension host's
      // event loop): its stdin is closed too, and SIGKILL follows if it is still there.
      child.stdin.end();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
        const hard = setTimeout(() => child.kill('SIGKILL'), 1000);
        hard.unref();
        child.once('exit', () => clearTimeout(hard));
      }
      // Nothing of a destroyed connection may keep the process alive.
      child.unref();
      for (const s of [child.stdin, child.stdout, child.stderr]) (s as unknown as { unref?: () => void }).unref?.();
      cb(err);
    },
  });
  // What http.Agent calls on the sockets it keeps alive (net.Socket's methods); a pipe to
  // a process has no TCP options and should not keep the extension host alive.
  const socketLike = duplex as Duplex & Record<string, unknown>;
  const self = (): Duplex => duplex;
  socketLike.setKeepAlive = self;
  socketLike.setNoDelay = self;
  socketLike.setTimeout = self;
  socketLike.ref = self;
  socketLike.unref = self;
  child.stdout.on('data', (d: Buffer) => {
    if (!duplex.push(d)) child.stdout.pause();
  });
  child.stdin.on('error', () => undefined);
  child.on('error', (err: NodeJS.ErrnoException) => duplex.destroy(new EngineError('ssh', `${command}: ${err.message}`, undefined, err.code)));
  // End the stream only once the process is gone, so a failed ssh reports its own
  // stderr ("Connection refused", "Permission denied (publickey)") instead of a hang-up.
  child.on('close', (code) => {
    // A process that is gone cannot carry another request: out of the agent's pool
    // ('agentRemove' is how node:http's Agent drops a socket it must not reuse).
    duplex.emit('agentRemove');
    if (code) duplex.destroy(new EngineError('ssh', stderr.trim() || l10n.t('{0} exited with status {1}', command, code)));
    else duplex.push(null);
  });
  return duplex;
}

/**
 * One `dial-stdio` process per connection, kept alive for the next request (#19: a
 * refresh used to start one ssh process per request, 124 for 40 networks). At most two
 * at a time: the event stream holds one, every other request takes turns on the second,
 * as the docker CLI's own HTTP transport reuses its connection-helper connections.
 */
class DialStdioAgent extends http.Agent {
  constructor(
    private readonly command: string,
    private readonly args: string[],
  ) {
    super({ keepAlive: true, maxSockets: 2 });
  }
  override createConnection(): Duplex {
    return dialStdio(this.command, this.args);
  }
}

interface Transport {
  module: typeof http | typeof https;
  options: http.RequestOptions & https.RequestOptions;
}

export class EngineClient {
  private negotiated?: string;
  private transport?: Transport;
  private sshAgent?: DialStdioAgent;

  constructor(
    readonly endpoint: EngineEndpoint,
    private readonly options: EngineClientOptions = {},
  ) {}

  /** The negotiated API version, once `negotiate()` succeeded. */
  get apiVersion(): string | undefined {
    return this.negotiated;
  }

  /** Ends the kept-alive ssh processes; requests still under way end with them. */
  dispose(): void {
    this.sshAgent?.destroy();
    this.sshAgent = undefined;
    this.transport = undefined;
  }

  private getTransport(): Transport {
    if (this.transport) return this.transport;
    const e = this.endpoint;
    // Host header: the Go client sends a fixed dummy host for sockets (moby client DummyHost).
    switch (e.kind) {
      case 'unix':
        this.transport = { module: http, options: { socketPath: e.socketPath, headers: { Host: 'api.moby.localhost' } } };
        break;
      case 'npipe':
        this.transport = { module: http, options: { socketPath: e.pipePath, headers: { Host: 'api.moby.localhost' } } };
        break;
      case 'ssh':
        this.sshAgent = new DialStdioAgent(e.command, e.args);
        this.transport = { module: http, options: { agent: this.sshAgent, headers: { Host: 'api.moby.localhost' } } };
        break;
      case 'tcp': {
        if (!e.tls) {
          this.transport = { module: http, options: { host: e.hostname, port: e.port } };
          break;
        }
        const read = (file: string | undefined, what: string): Buffer | undefined => {
          if (!file) return undefined;
          try {
            return fs.readFileSync(file);
          } catch (err) {
            throw new EngineError('tls', l10n.t('cannot read the TLS {0} {1}: {2}', what, file, (err as Error).message));
          }
        };
        this.transport = {
          module: https,
          options: {
            host: e.hostname,
            port: e.port,
            ca: read(e.tls.ca, l10n.t('CA certificate')),
            cert: read(e.tls.cert, l10n.t('client certificate')),
            key: read(e.tls.key, l10n.t('client key')),
            rejectUnauthorized: e.tls.verify,
            servername: /^[\d.:]+$/.test(e.hostname) ? undefined : e.hostname,
          },
        };
        break;
      }
    }
    return this.transport!;
  }

  private fullPath(path: string, opts: RequestOptions): string {
    const prefix = opts.unversioned || !this.negotiated ? '' : `/v${this.negotiated}`;
    return `${prefix}${path}${buildQuery(opts.query)}`;
  }

  /**
   * Sends one request. Resolves with the response head when `stream` is set (the
   * caller reads the body), else with the whole body. Rejects with an EngineError.
   */
  private send(method: string, path: string, opts: RequestOptions, stream: true): Promise<http.IncomingMessage>;
  private send(method: string, path: string, opts: RequestOptions, stream: false): Promise<EngineResponse>;
  private send(method: string, path: string, opts: RequestOptions, stream: boolean): Promise<EngineResponse | http.IncomingMessage> {
    return new Promise((resolve, reject) => {
      let transport: Transport;
      try {
        transport = this.getTransport();
      } catch (err) {
        reject(toEngineError(err));
        return;
      }
      if (opts.signal?.aborted) {
        reject(new EngineError('cancelled', l10n.t('{0} {1} was cancelled', method, path)));
        return;
      }
      const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
      const headers: http.OutgoingHttpHeaders = { ...((transport.options.headers ?? {}) as http.OutgoingHttpHeaders), 'User-Agent': 'docker-networking-vscode' };
      if (payload) {
        headers['Content-Type'] = 'application/json';
        headers['Content-Length'] = payload.length;
      }
      let settled = false;
      const finish = (err: EngineError | undefined, value?: EngineResponse | http.IncomingMessage): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', onAbort);
        if (err) {
          req.destroy();
          reject(err);
        } else resolve(value!);
      };
      const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const timer = setTimeout(() => finish(new EngineError('timeout', l10n.t('{0} {1} got no answer within {2} ms', method, path, timeoutMs))), timeoutMs);
      const onAbort = (): void => finish(new EngineError('cancelled', l10n.t('{0} {1} was cancelled', method, path)));
      opts.signal?.addEventListener('abort', onAbort);

      const req = transport.module.request({ agent: false, ...transport.options, method, path: this.fullPath(path, opts), headers }, (res) => {
        if (stream) {
          if ((res.statusCode ?? 0) >= 400) {
            readBody(res, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY).then(
              (body) => finish(httpError(res.statusCode ?? 0, body)),
              (err) => finish(toEngineError(err)),
            );
            return;
          }
          finish(undefined, res);
          return;
        }
        readBody(res, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY).then(
          (body) => finish(undefined, { status: res.statusCode ?? 0, headers: res.headers, body }),
          (err) => finish(toEngineError(err)),
        );
      });
      req.on('error', (err) => finish(toEngineError(err)));
      if (payload) req.write(payload);
      req.end();
    });
  }

  /** A request whose status must be < 400 (else an EngineError 'http' or 'api-version'). */
  async request(method: string, path: string, opts: RequestOptions = {}): Promise<EngineResponse> {
    const res = await this.send(method, path, opts, false);
    if (res.status >= 400) throw httpError(res.status, res.body);
    return res;
  }

  /** GET (or another method) whose reply is JSON; malformed JSON is a 'protocol' error. */
  async json(method: string, path: string, opts: RequestOptions = {}): Promise<unknown> {
    const res = await this.request(method, path, opts);
    const text = res.body.toString('utf8');
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new EngineError('protocol', l10n.t('{0} {1}: the reply is not valid JSON ({2})', method, path, (err as Error).message), res.status);
    }
  }

  /** Opens a streaming GET (events); the caller consumes and destroys the response. */
  openStream(path: string, opts: RequestOptions = {}): Promise<http.IncomingMessage> {
    return this.send('GET', path, opts, true);
  }

  /** GET /_ping (unversioned): resolves with the server's API version header. */
  async ping(opts: RequestOptions = {}): Promise<{ apiVersion?: string; osType?: string }> {
    const res = await this.request('GET', '/_ping', { ...opts, unversioned: true });
    const header = (name: string): string | undefined => {
      const v = res.headers[name];
      return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
    };
    return { apiVersion: header('api-version'), osType: header('ostype') };
  }

  /** /_ping, version negotiation, then /version: who the Engine is. */
  async negotiate(opts: RequestOptions = {}): Promise<EngineIdentity> {
    return this.identify(await this.ping(opts), opts);
  }

  /** Version negotiation from a `/_ping` reply, then /version. */
  async identify(ping: { apiVersion?: string; osType?: string }, opts: RequestOptions = {}): Promise<EngineIdentity> {
    const n = negotiateApiVersion(ping.apiVersion, this.options.fixedApiVersion);
    if (!n.ok) throw new EngineError('api-version', n.message);
    this.negotiated = n.version;
    const v = (await this.json('GET', '/version', opts)) as Record<string, unknown> | undefined;
    const s = (k: string): string | undefined => (v && typeof v[k] === 'string' ? (v[k] as string) : undefined);
    return {
      version: s('Version'),
      apiVersion: n.version,
      serverApiVersion: s('ApiVersion') ?? ping.apiVersion,
      minApiVersion: s('MinAPIVersion'),
      os: s('Os') ?? ping.osType,
      arch: s('Arch'),
      kernelVersion: s('KernelVersion'),
    };
  }
}

function readBody(res: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        res.destroy(new EngineError('protocol', l10n.t('the reply is larger than {0} bytes', limit)));
        return;
      }
      chunks.push(c);
    });
    res.on('error', (err) => reject(err instanceof EngineError ? err : new EngineError('protocol', l10n.t('the reply was cut off ({0})', err.message))));
    res.on('aborted', () => reject(new EngineError('protocol', l10n.t('the reply was cut off'))));
    res.on('end', () => {
      if (!res.complete) reject(new EngineError('protocol', l10n.t('the reply was cut off')));
      else resolve(Buffer.concat(chunks));
    });
  });
}

/** The Engine's error body is `{"message": "..."}` (plain text on some old paths). */
export function httpError(status: number, body: Buffer): EngineError {
  const text = body.toString('utf8').trim();
  let message = text;
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    if (typeof parsed?.message === 'string') message = parsed.message;
  } catch {
    // plain text, e.g. "client version 1.5 is too old…" from Engine 20.10
  }
  if (message === '') message = `HTTP ${status}`;
  // Go's net/http answers plain HTTP on a TLS port with this 400 (net/http server.go).
  if (status === 400 && /Client sent an HTTP request to an HTTPS server/i.test(message)) return new EngineError('tls', message, status, PLAIN_HTTP_TO_TLS);
  // moby daemon/server/middleware/version.go: "client version X is too old/new".
  const kind = status === 400 && /client version .* is too (old|new)/.test(message) ? 'api-version' : 'http';
  return new EngineError(kind, message, status, undefined);
}
