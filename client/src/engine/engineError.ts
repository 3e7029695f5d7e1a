import * as l10n from '@vscode/l10n';
import * as path from 'path';
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

/** Our code for Go's 400 reply to plain HTTP on a TLS port (httpError in engineClient.ts). */
export const PLAIN_HTTP_TO_TLS = 'PLAIN_HTTP_TO_TLS';

function where(endpoint: EngineEndpoint | undefined): string {
  return endpoint ? endpoint.host : l10n.t('the Docker Engine');
}

/** The folder of the endpoint's TLS files, for advice ("put cert.pem in …"). */
function certFolder(endpoint: EngineEndpoint | undefined): string {
  const tls = endpoint?.kind === 'tcp' ? endpoint.tls : undefined;
  const file = tls?.ca ?? tls?.cert ?? tls?.key;
  return file ? `\`${path.dirname(file)}\`` : l10n.t('the folder DOCKER_CERT_PATH names (or the docker context\'s TLS folder)');
}

const UNKNOWN_CA = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT']);
/** A function, not a constant: the text follows the display language configured at activation. */
function output(): string {
  return l10n.t('The output channel "Docker Networking" has the details.');
}

/**
 * The TLS failures a user can fix, each in plain words with the fix; OpenSSL's own text
 * ("SSL routines:…:tlsv13 alert certificate required") only reaches the output channel.
 * Node reports the client side of the handshake with OpenSSL error codes
 * (ERR_SSL_<reason>, an alert the Engine sent) or X509 verification codes.
 */
function tlsProblem(e: EngineError, endpoint: EngineEndpoint | undefined): EngineProblem {
  const at = where(endpoint);
  const code = e.code ?? '';
  const text = e.message;
  const folder = certFolder(endpoint);
  const tls = endpoint?.kind === 'tcp' ? endpoint.tls : undefined;
  const problem = (reason: string, advice: string): EngineProblem => ({ kind: 'tls', reason, advice });
  if (code === PLAIN_HTTP_TO_TLS) {
    return problem(l10n.t('The Engine at {0} expects TLS, but the connection is plain HTTP.', at), l10n.t('Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem (or use a docker context with TLS); dockerd serves TLS on port 2376 by convention.'));
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number/i.test(text)) {
    return problem(l10n.t('The Engine at {0} speaks plain HTTP, not TLS.', at), l10n.t('For this port, unset DOCKER_TLS_VERIFY and DOCKER_TLS (or use a docker context without TLS material); or connect to the Engine\'s TLS port (2376 by convention).'));
  }
  if (code === 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED' || /alert certificate required/i.test(text) || (!tls?.cert && /alert handshake failure/i.test(text))) {
    return problem(l10n.t('The Engine at {0} requires a client certificate, and none was sent.', at), l10n.t('Put the client certificate and its key, as cert.pem and key.pem, next to ca.pem in DOCKER_CERT_PATH: {0}. They must be signed by the CA the Engine trusts (dockerd --tlscacert).', folder));
  }
  if (/ALERT_(UNKNOWN_CA|BAD_CERTIFICATE|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|DECRYPT_ERROR)/.test(code) || /alert (unknown ca|bad certificate|certificate unknown)/i.test(text) || (tls && e.code === 'ECONNRESET')) {
    return problem(l10n.t('The Engine at {0} refused the client certificate (it closed the TLS connection).', at), l10n.t('cert.pem in {0} must be signed by the CA the Engine trusts (dockerd --tlscacert), and key.pem must be its key. Get a client certificate from that CA.', folder));
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return problem(code === 'CERT_HAS_EXPIRED' ? l10n.t('The Engine\'s certificate at {0} has expired.', at) : l10n.t('The Engine\'s certificate at {0} has a start date in the future.', at), l10n.t('Renew the Engine\'s certificate (dockerd --tlscert), or check the clock of this machine.'));
  }
  if (UNKNOWN_CA.has(code)) {
    return problem(l10n.t('The Engine\'s certificate at {0} is not signed by a CA we trust.', at), l10n.t('Put the CA certificate that signed the Engine\'s certificate in ca.pem in {0}.', folder));
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const name = endpoint?.kind === 'tcp' ? endpoint.hostname : at;
    return problem(l10n.t('The Engine\'s certificate is not for {0}.', name), l10n.t('Connect with the name or address the certificate was made for (its subjectAltName), or give the Engine a certificate that names {0}.', name));
  }
  return problem(l10n.t('The TLS connection to {0} failed.', at), l10n.t('Check DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem) or the TLS files of the docker context, and that the certificate names this host. {0}', output()));
}

/** `ssh … docker system dial-stdio` failures: the process could not start, or ssh's own stderr. */
function sshProblem(e: EngineError, endpoint: EngineEndpoint | undefined): EngineProblem {
  const at = where(endpoint);
  const text = e.message;
  const problem = (reason: string, advice: string): EngineProblem => ({ kind: 'ssh', reason, advice });
  if (e.code === 'ENOENT') {
    return problem(l10n.t('There is no `ssh` command on this machine, needed for {0}.', at), l10n.t('Install the OpenSSH client (Debian/Ubuntu: `sudo apt install openssh-client`; Windows: the optional feature "OpenSSH Client") and make sure `ssh` is on the PATH VS Code sees.'));
  }
  if (/Permission denied \(/.test(text) || /passphrase|password/i.test(text)) {
    return problem(l10n.t('ssh to {0} needs a password or passphrase, and VS Code has no terminal to ask for it.', at), l10n.t('Load your key into an ssh agent (`ssh-add`) before starting VS Code, or set up key login to that host (`ssh-copy-id`).'));
  }
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i.test(text)) {
    return problem(l10n.t('ssh does not trust the host key of {0}.', at), l10n.t('Connect once with `ssh` in a terminal and check and accept the host key (or fix ~/.ssh/known_hosts).'));
  }
  if (/Could not resolve hostname/i.test(text)) {
    return problem(l10n.t('ssh cannot find the host of {0}.', at), l10n.t('Check the host name in the ssh:// address or your ~/.ssh/config.'));
  }
  if (/Connection refused|Connection timed out|No route to host|Network is unreachable/i.test(text)) {
    return problem(l10n.t('ssh cannot reach {0}.', at), l10n.t('Check that the host is up and runs an ssh server, and any firewall in between.'));
  }
  if (/docker: (command )?not found|unknown command|dial-stdio/i.test(text)) {
    return problem(l10n.t('The machine behind {0} has no `docker` command with `system dial-stdio`.', at), l10n.t('Install the Docker CLI (18.09 or later) on that machine, in a folder on the PATH of non-interactive ssh sessions.'));
  }
  return problem(l10n.t('ssh to {0} failed.', at), l10n.t('Check that `ssh` reaches the host without a password prompt and that the remote `docker` CLI has `system dial-stdio`. {0}', output()));
}

/** Connection failures below HTTP, without Node's words ("socket hang up", "ECONNRESET"). */
function networkProblem(e: EngineError, endpoint: EngineEndpoint | undefined): EngineProblem {
  const at = where(endpoint);
  const problem = (reason: string, advice: string): EngineProblem => ({ kind: 'network', reason, advice });
  if (e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN') return problem(l10n.t('The host name of {0} is not known.', at), l10n.t('Check the host name in DOCKER_HOST, `dockerNetworking.host` or the docker context.'));
  if (e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH') return problem(l10n.t('{0} cannot be reached from this machine.', at), l10n.t('Check the network route and any firewall in between.'));
  const plainTcp = endpoint?.kind === 'tcp' && !endpoint.tls;
  return problem(
    l10n.t('The Engine at {0} closed the connection without answering.', at),
    plainTcp
      ? l10n.t('If this port serves TLS (dockerd --tlsverify, port 2376 by convention), set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH. Otherwise the Engine may be restarting: it is retried automatically.')
      : l10n.t('The Engine may be restarting: it is retried automatically. {0}', output()),
  );
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
        reason: l10n.t('There is no Docker socket at {0}.', at),
        advice: l10n.t('Is dockerd running? Start it (e.g. `sudo systemctl start docker`), or set `dockerNetworking.host` to the socket it listens on.'),
      };
    case 'refused':
      return {
        kind: e.kind,
        reason: l10n.t('Nothing accepts connections at {0}.', at),
        advice: local ? l10n.t('Is dockerd running? The socket file exists but no daemon answers on it: start or restart dockerd.') : l10n.t('Is dockerd running and listening on that address and port? Check the host, the port and any firewall.'),
      };
    case 'permission':
      return {
        kind: e.kind,
        reason: l10n.t('Permission denied on {0}.', at),
        advice: l10n.t('Your user may not use the Docker socket: it is not in the `docker` group. Run `sudo usermod -aG docker $USER`, then log out and back in (or start VS Code from a new login session).'),
      };
    case 'tls':
      return tlsProblem(e, endpoint);
    case 'timeout':
      return { kind: e.kind, reason: l10n.t('The Engine at {0} did not answer in time.', at), advice: l10n.t('The daemon may be busy or hung, or the network slow. It is retried automatically; check `journalctl -u docker` if it persists.') };
    case 'api-version':
      return { kind: e.kind, reason: e.message, advice: l10n.t('Update the Docker Engine or this extension, or set DOCKER_API_VERSION / `min-api-version` so both overlap.') };
    case 'config':
      return { kind: e.kind, reason: e.message, advice: l10n.t('Fix `dockerNetworking.host` / `dockerNetworking.context`, DOCKER_HOST or the docker context.') };
    case 'ssh':
      return sshProblem(e, endpoint);
    case 'protocol':
      return { kind: e.kind, reason: l10n.t('The Engine at {0} sent a reply we could not read: {1}', at, e.message), advice: l10n.t('Is this address really a Docker Engine (and not a proxy or another service)?') };
    case 'http':
      return { kind: e.kind, reason: l10n.t('The Engine at {0} answered with an error: {1}', at, e.message), advice: l10n.t('Retry; if it persists, check the daemon log.') };
    case 'network':
      // A TLS Engine that drops the connection right after the handshake refused our certificate.
      return endpoint?.kind === 'tcp' && endpoint.tls && e.code === 'ECONNRESET' ? tlsProblem(e, endpoint) : networkProblem(e, endpoint);
    case 'cancelled':
      return { kind: e.kind, reason: l10n.t('The request was cancelled.'), advice: l10n.t('Retry.') };
    default:
      return { kind: e.kind, reason: l10n.t('Talking to {0} failed.', at), advice: l10n.t('Retry. {0}', output()) };
  }
}
