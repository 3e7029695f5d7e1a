import * as l10n from '@vscode/l10n';
import { createHash } from 'crypto';
import * as path from 'path';

/**
 * Which Docker Engine to talk to, and how: the same choice the docker CLI makes
 * (docker/cli `cli/command/cli.go` resolveContextName, `opts/hosts.go` ParseHost,
 * `cli/flags/options.go` for TLS, `cli/context/store` for contexts, `cli/connhelper`
 * for ssh). Plain data and pure functions: no I/O except through `ResolveEnv`, so
 * every rule is unit-testable.
 */

export interface TlsFiles {
  /** CA bundle to verify the Engine with; undefined = system roots. */
  ca?: string;
  cert?: string;
  key?: string;
  /** False for `--tls` without verify, or a context with SkipTLSVerify. */
  verify: boolean;
}

export type EngineEndpoint =
  | { kind: 'unix'; socketPath: string; host: string; source: string }
  | { kind: 'npipe'; pipePath: string; host: string; source: string }
  | { kind: 'tcp'; hostname: string; port: number; tls?: TlsFiles; host: string; source: string }
  | { kind: 'ssh'; command: string; args: string[]; host: string; source: string };

export interface ResolveEnv {
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  uid?: number;
  exists(file: string): boolean;
  readFile(file: string): string | undefined;
}

export interface ResolveSettings {
  /** `dockerNetworking.host`: behaves like `docker -H`. */
  host?: string;
  /** `dockerNetworking.context`: behaves like `docker --context`. */
  context?: string;
}

export type Resolution = { ok: true; endpoint: EngineEndpoint } | { ok: false; reason: string; advice: string };

export const DEFAULT_UNIX_SOCKET = '/var/run/docker.sock';
export const DEFAULT_NPIPE = '//./pipe/docker_engine';
/** cli opts/hosts.go: DefaultHTTPPort / DefaultTLSHTTPPort. */
const DEFAULT_TCP_PORT = 2375;
const DEFAULT_TLS_HOST = 'tcp://localhost:2376';

/** `~/.docker`, or `DOCKER_CONFIG` (cli/config/config.go Dir()). */
export function configDir(r: ResolveEnv): string {
  return r.env.DOCKER_CONFIG || path.join(r.homeDir, '.docker');
}

function fail(reason: string, advice: string): Resolution {
  return { ok: false, reason, advice };
}

/** TLS options of the `default` context from the environment (cli/flags/options.go). */
function tlsFromEnv(r: ResolveEnv): TlsFiles | undefined {
  // Any non-empty DOCKER_TLS_VERIFY, even "0", turns verification on (cli/flags/options.go).
  const verify = !!r.env.DOCKER_TLS_VERIFY;
  const tls = verify || !!r.env.DOCKER_TLS;
  if (!tls) return undefined;
  const dir = r.env.DOCKER_CERT_PATH || configDir(r);
  const file = (name: string): string | undefined => {
    const p = path.join(dir, name);
    return r.exists(p) ? p : undefined;
  };
  return { ca: verify ? file('ca.pem') : undefined, cert: file('cert.pem'), key: file('key.pem'), verify };
}

/**
 * Parses a host the way `docker -H` / DOCKER_HOST accept it: unix://, tcp://, npipe://,
 * ssh://, or a bare host:port (tcp). `fd://` only makes sense inside dockerd itself.
 */
export function parseHost(text: string, source: string, tls: TlsFiles | undefined, platform: NodeJS.Platform): Resolution {
  const host = text.trim();
  if (host === '') return fail(l10n.t('{0} is empty', source), l10n.t('Set it to a value such as unix:///var/run/docker.sock.'));
  const m = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(host);
  const scheme = m ? m[1].toLowerCase() : 'tcp';
  const rest = m ? m[2] : host;
  switch (scheme) {
    case 'unix': {
      const socketPath = rest === '' ? DEFAULT_UNIX_SOCKET : rest;
      return { ok: true, endpoint: { kind: 'unix', socketPath, host: `unix://${socketPath}`, source } };
    }
    case 'npipe': {
      const pipePath = rest === '' ? DEFAULT_NPIPE : rest;
      return { ok: true, endpoint: { kind: 'npipe', pipePath: pipePath.replace(/\//g, '\\'), host: `npipe://${pipePath}`, source } };
    }
    case 'tcp':
      return parseTcp(rest, source, tls);
    case 'ssh':
      return parseSsh(host, source);
    case 'fd':
      return fail(l10n.t('{0} is {1}: fd:// sockets exist only inside dockerd', source, host), l10n.t('Use the unix:// socket dockerd listens on instead.'));
    default:
      return fail(l10n.t('{0} has an unsupported scheme "{1}://"', source, scheme), platform === 'win32' ? l10n.t('Use unix://, tcp://, ssh:// or npipe://.') : l10n.t('Use unix://, tcp://, ssh://.'));
  }
}

function parseTcp(rest: string, source: string, tls: TlsFiles | undefined): Resolution {
  // Only host[:port]; a path after the port is accepted by the CLI as a base path, which we do not need.
  const hostPort = rest.split('/')[0];
  let hostname = hostPort;
  let port = DEFAULT_TCP_PORT;
  const v6 = /^\[([^\]]+)\](?::(\d*))?$/.exec(hostPort);
  if (v6) {
    hostname = v6[1];
    if (v6[2]) port = Number(v6[2]);
  } else if (hostPort.includes(':')) {
    const i = hostPort.lastIndexOf(':');
    hostname = hostPort.slice(0, i);
    if (hostPort.slice(i + 1) !== '') port = Number(hostPort.slice(i + 1));
  }
  if (hostname === '') hostname = 'localhost';
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return fail(l10n.t('{0} has an invalid port in "tcp://{1}"', source, rest), l10n.t('Use tcp://HOST:PORT, for example tcp://127.0.0.1:2376.'));
  }
  const shown = hostname.includes(':') ? `[${hostname}]` : hostname;
  return { ok: true, endpoint: { kind: 'tcp', hostname, port, tls, host: `tcp://${shown}:${port}`, source } };
}

/**
 * ssh://[user@]host[:port][/socket] runs `ssh … -- host docker system dial-stdio`, as
 * docker/cli `cli/connhelper/ssh/ssh.go` and `connhelper.go` do, with the same refusals.
 */
export function parseSsh(text: string, source: string): Resolution {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(l10n.t('{0} is not a valid ssh:// URL: {1}', source, text), l10n.t('Use ssh://[user@]host[:port].'));
  }
  if (url.password) return fail(l10n.t('{0}: plain-text password is not supported', source), l10n.t('Use an ssh key or ssh-agent instead of a password in the URL.'));
  if (url.hostname === '') return fail(l10n.t('{0}: hostname is empty', source), l10n.t('Use ssh://[user@]host[:port].'));
  if (url.search) return fail(l10n.t('{0}: query parameters are not allowed', source), l10n.t('Remove the ?… part of the URL.'));
  if (url.hash) return fail(l10n.t('{0}: fragments are not allowed', source), l10n.t('Remove the #… part of the URL.'));
  const args: string[] = [];
  if (url.username) args.push('-l', decodeURIComponent(url.username));
  if (url.port) args.push('-p', url.port);
  args.push('-o', 'ConnectTimeout=30', '-T', '--', url.hostname);
  const socket = url.pathname && url.pathname !== '/' ? decodeURIComponent(url.pathname) : undefined;
  args.push('docker');
  if (socket) args.push(`--host=unix://${socket}`);
  args.push('system', 'dial-stdio');
  return { ok: true, endpoint: { kind: 'ssh', command: 'ssh', args, host: text, source } };
}

/** The directory name under contexts/meta and contexts/tls: sha256 of the context name. */
export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

interface ContextMeta {
  Name?: unknown;
  Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } };
}

/** A named context from the CLI's context store (`<config>/contexts/{meta,tls}/<digest>/`). */
export function resolveContext(name: string, r: ResolveEnv, source: string): Resolution {
  if (name === 'default') return resolveDefault(r, source);
  const digest = contextDigest(name);
  const store = path.join(configDir(r), 'contexts');
  const metaFile = path.join(store, 'meta', digest, 'meta.json');
  const text = r.readFile(metaFile);
  if (text === undefined) {
    return fail(l10n.t('docker context "{0}" ({1}) does not exist', name, source), l10n.t('Run `docker context ls` to see the contexts, or clear the setting.'));
  }
  let meta: ContextMeta;
  try {
    meta = JSON.parse(text) as ContextMeta;
  } catch {
    return fail(l10n.t('the metadata of docker context "{0}" is not valid JSON ({1})', name, metaFile), l10n.t('Recreate the context with `docker context create`.'));
  }
  const docker = meta?.Endpoints?.docker;
  const host = typeof docker?.Host === 'string' ? docker.Host : '';
  if (host === '') return fail(l10n.t('docker context "{0}" has no Docker endpoint', name), l10n.t('Recreate it with `docker context create --docker host=…`.'));
  const tlsDir = path.join(store, 'tls', digest, 'docker');
  const file = (f: string): string | undefined => (r.exists(path.join(tlsDir, f)) ? path.join(tlsDir, f) : undefined);
  const skip = docker?.SkipTLSVerify === true;
  const ca = file('ca.pem');
  const cert = file('cert.pem');
  const key = file('key.pem');
  // cli/context/docker/load.go: TLS is used when the context has TLS material or skips verification.
  const tls: TlsFiles | undefined = ca || cert || key || skip ? { ca, cert, key, verify: !skip } : undefined;
  return parseHost(host, l10n.t('docker context "{0}"', name), tls, r.platform);
}

/**
 * The `default` context: DOCKER_HOST, else tcp://localhost:2376 with TLS env, else the
 * platform socket. When the system socket is absent, the rootless and Docker Desktop
 * sockets are tried (docs: rootless mode uses $XDG_RUNTIME_DIR/docker.sock; Docker
 * Desktop for Linux/Mac serve ~/.docker/desktop/docker.sock and ~/.docker/run/docker.sock).
 */
export function resolveDefault(r: ResolveEnv, source = 'default'): Resolution {
  const tls = tlsFromEnv(r);
  const envHost = r.env.DOCKER_HOST;
  if (envHost) return parseHost(envHost, 'DOCKER_HOST', tls, r.platform);
  if (tls) return parseHost(DEFAULT_TLS_HOST, 'DOCKER_TLS_VERIFY', tls, r.platform);
  if (r.platform === 'win32') return parseHost(`npipe://${DEFAULT_NPIPE}`, source, undefined, r.platform);
  for (const candidate of socketCandidates(r)) {
    if (r.exists(candidate)) return parseHost(`unix://${candidate}`, candidate === DEFAULT_UNIX_SOCKET ? source : l10n.t('{0} (found {1})', source, candidate), undefined, r.platform);
  }
  return parseHost(`unix://${DEFAULT_UNIX_SOCKET}`, source, undefined, r.platform);
}

export function socketCandidates(r: ResolveEnv): string[] {
  const list = [DEFAULT_UNIX_SOCKET];
  if (r.env.XDG_RUNTIME_DIR) list.push(path.join(r.env.XDG_RUNTIME_DIR, 'docker.sock'));
  if (r.uid !== undefined && r.uid !== 0) list.push(`/run/user/${r.uid}/docker.sock`);
  list.push(path.join(r.homeDir, '.docker', 'run', 'docker.sock'), path.join(r.homeDir, '.docker', 'desktop', 'docker.sock'));
  return [...new Set(list)];
}

/** Which Engine the settings and the environment name, before it is resolved (see `chosenEndpoint`). */
export type EndpointChoice =
  | { kind: 'host'; host: string }
  | { kind: 'context'; name: string; source: string }
  /** `note`: why the default was taken when something else was named (a broken config.json). */
  | { kind: 'default'; note?: string };

/**
 * The whole choice, first match wins (cli/command/cli.go resolveContextName):
 * the host setting (like -H), the context setting (like --context), DOCKER_HOST,
 * DOCKER_CONTEXT, `currentContext` in config.json, then the default context. One
 * function, so that the view's "current" mark (engineSources.ts) and the connection agree.
 */
export function chosenEndpoint(settings: ResolveSettings, r: ResolveEnv): EndpointChoice {
  const host = settings.host?.trim();
  const context = settings.context?.trim();
  if (host) return { kind: 'host', host };
  if (context) return { kind: 'context', name: context, source: l10n.t('setting {0}', 'dockerNetworking.context') };
  if (r.env.DOCKER_HOST) return { kind: 'default' };
  if (r.env.DOCKER_CONTEXT) return { kind: 'context', name: r.env.DOCKER_CONTEXT, source: 'DOCKER_CONTEXT' };
  const configText = r.readFile(path.join(configDir(r), 'config.json'));
  if (configText !== undefined) {
    try {
      const current = (JSON.parse(configText) as { currentContext?: unknown }).currentContext;
      if (typeof current === 'string' && current !== '') return { kind: 'context', name: current, source: l10n.t('currentContext in config.json') };
    } catch {
      // The CLI refuses a broken config.json; we fall back to the default Engine and say so in the source.
      return { kind: 'default', note: l10n.t('default (config.json is not valid JSON)') };
    }
  }
  return { kind: 'default' };
}

export function resolveEndpoint(settings: ResolveSettings, r: ResolveEnv): Resolution {
  const choice = chosenEndpoint(settings, r);
  switch (choice.kind) {
    case 'host':
      return parseHost(choice.host, l10n.t('setting {0}', 'dockerNetworking.host'), tlsFromEnv(r), r.platform);
    case 'context':
      return resolveContext(choice.name, r, choice.source);
    case 'default':
      return resolveDefault(r, choice.note);
  }
}
