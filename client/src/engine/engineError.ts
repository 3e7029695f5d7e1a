import type { EngineEndpoint } from './engineEndpoint';

/** What went wrong talking to the Engine, in classes the view can explain. */
export type EngineErrorKind =
  | 'socket-missing'
  | 'refused'
  | 'permission'
  | 'tls'
  | 'timeout'
  | 'cancelled'
  | 'api-version'
  | 'http'
  | 'protocol'
  | 'config'
  | 'ssh'
  | 'network'
  | 'other';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** The plain-words state shown in the view when the Engine cannot be used. */
export interface EngineProblem {
  kind: EngineErrorKind;
  /** What happened, one sentence. */
  reason: string;
  /** What to do about it. */
  advice: string;
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** Turns a Node or HTTP error into an EngineError with a kind. */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  const e = err as NodeJS.ErrnoException & { code?: string };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  const message = e instanceof Error ? e.message : String(err);
  if (code === 'ENOENT') return new EngineError('socket-missing', message, undefined, code);
  if (code === 'ECONNREFUSED') return new EngineError('refused', message, undefined, code);
  if (code === 'EACCES' || code === 'EPERM') return new EngineError('permission', message, undefined, code);
  if (code === 'ETIMEDOUT') return new EngineError('timeout', message, undefined, code);
  if (code === 'ABORT_ERR') return new EngineError('cancelled', message, undefined, code);
  if ((code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) || /SSL|TLS|certificate/i.test(message)) {
    return new EngineError('tls', message, undefined, code);
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EAI_AGAIN') {
    return new EngineError('network', message, undefined, code);
  }
  return new EngineError('other', message, undefined, code);
}

function where(endpoint: EngineEndpoint | undefined): string {
  return endpoint ? endpoint.host : 'the Docker Engine';
}

/** The reason and advice for an error, in the words the view shows. */
export function describeProblem(err: unknown, endpoint?: EngineEndpoint): EngineProblem {
  const e = toEngineError(err);
  const at = where(endpoint);
  const local = endpoint?.kind === 'unix' || endpoint?.kind === 'npipe';
  switch (e.kind) {
    case 'socket-missing':
      return {
        kind: e.kind,
        reason: `There is no Docker socket at ${at}.`,
        advice: 'Is dockerd running? Start it (e.g. `sudo systemctl start docker`), or set `dockerNetworking.host` to the socket it listens on.',
      };
    case 'refused':
      return {
        kind: e.kind,
        reason: `Nothing accepts connections at ${at}.`,
        advice: local ? 'Is dockerd running? The socket file exists but no daemon answers on it: start or restart dockerd.' : 'Is dockerd running and listening on that address and port? Check the host, the port and any firewall.',
      };
    case 'permission':
      return {
        kind: e.kind,
        reason: `Permission denied on ${at}.`,
        advice: 'Your user may not use the Docker socket: it is not in the `docker` group. Run `sudo usermod -aG docker $USER`, then log out and back in (or start VS Code from a new login session).',
      };
    case 'tls':
      return {
        kind: e.kind,
        reason: `The TLS connection to ${at} failed: ${e.message}`,
        advice: 'Check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) or the TLS files of the docker context, and that the certificate names this host.',
      };
    case 'timeout':
      return { kind: e.kind, reason: `The Engine at ${at} did not answer in time.`, advice: 'The daemon may be busy or hung, or the network slow. It is retried automatically; check `journalctl -u docker` if it persists.' };
    case 'api-version':
      return { kind: e.kind, reason: e.message, advice: 'Update the Docker Engine or this extension, or set DOCKER_API_VERSION / `min-api-version` so both overlap.' };
    case 'config':
      return { kind: e.kind, reason: e.message, advice: 'Fix `dockerNetworking.host` / `dockerNetworking.context`, DOCKER_HOST or the docker context.' };
    case 'ssh':
      return { kind: e.kind, reason: `ssh to ${at} failed: ${e.message}`, advice: 'Check that `ssh` reaches the host without a password prompt and that the remote `docker` CLI has `system dial-stdio`.' };
    case 'protocol':
      return { kind: e.kind, reason: `The Engine at ${at} sent a reply we could not read: ${e.message}`, advice: 'Is this address really a Docker Engine (and not a proxy or another service)?' };
    case 'http':
      return { kind: e.kind, reason: `The Engine at ${at} answered with an error: ${e.message}`, advice: 'Retry; if it persists, check the daemon log.' };
    case 'network':
      return { kind: e.kind, reason: `The connection to ${at} failed: ${e.message}`, advice: 'Check the host name and that the Engine is reachable from this machine.' };
    case 'cancelled':
      return { kind: e.kind, reason: 'The request was cancelled.', advice: 'Retry.' };
    default:
      return { kind: e.kind, reason: `Talking to ${at} failed: ${e.message}`, advice: 'Retry; the output channel "Docker Networking" has details.' };
  }
}
