import * as http from 'http';

/** The Engine's answer, or why there is none (said on standard error; the check goes on with the newest known release). */
export type EngineAnswer = { ok: true; version: string; host: string } | { ok: false; reason: string };

const TIMEOUT_MS = 3000;

/**
 * `--engine-version auto`: the version of the Engine at DOCKER_HOST (default
 * unix:///var/run/docker.sock), from `GET /version` (Engine API, unversioned path, which
 * every API version answers).
 *
 * Only unix:// and plain tcp:// are spoken here. The full Engine client (TLS, ssh, docker
 * contexts, API negotiation) lives in client/src/engine/, which the server side may not
 * import (the dependency flows client → server, #14); a CI job that needs more passes
 * `--engine-version MAJOR.MINOR`, which is what a pipeline should pin anyway.
 */
export function askEngineVersion(env: NodeJS.ProcessEnv = process.env): Promise<EngineAnswer> {
  const host = (env.DOCKER_HOST ?? '').trim() || 'unix:///var/run/docker.sock';
  let target: http.RequestOptions;
  const unix = /^unix:\/\/(.*)$/.exec(host);
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(host);
  if (unix) {
    target = { socketPath: unix[1] || '/var/run/docker.sock' };
  } else if (tcp && !env.DOCKER_TLS_VERIFY) {
    target = { host: tcp[1].replace(/^\[|\]$/g, ''), port: Number(tcp[2] ?? 2375) };
  } else {
    return Promise.resolve({ ok: false, reason: `DOCKER_HOST=${host}${env.DOCKER_TLS_VERIFY ? ' with TLS' : ''} is not a unix:// socket or a plain tcp:// address, which is all "auto" asks` });
  }
  // Out of range, http.get throws (a stack trace), and port 0 it takes for its default, 80.
  if (target.port !== undefined && !(Number(target.port) >= 1 && Number(target.port) <= 65535)) {
    return Promise.resolve({ ok: false, reason: `DOCKER_HOST=${host} has no valid port (1 to 65535)` });
  }
  return new Promise((resolve) => {
    // One deadline for the whole exchange: the request's own timeout is for silence only, and
    // an Engine that trickles a byte now and then (or a stalled proxy) would hold the run
    // forever (#21). Whichever settles first wins; a later resolve is ignored.
    const deadline = setTimeout(() => {
      done({ ok: false, reason: `the Engine at ${host} gave no full answer within ${TIMEOUT_MS / 1000} s` });
      req.destroy();
    }, TIMEOUT_MS);
    const done = (answer: EngineAnswer) => {
      clearTimeout(deadline);
      resolve(answer);
    };
    const req = http.get({ ...target, path: '/version', headers: { Host: 'docker' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          const version = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { Version?: unknown }).Version;
          if (res.statusCode === 200 && typeof version === 'string') done({ ok: true, version, host });
          else done({ ok: false, reason: `the Engine at ${host} answered GET /version with status ${res.statusCode} and no version` });
        } catch {
          done({ ok: false, reason: `the Engine at ${host} answered GET /version with something other than JSON` });
        }
      });
      res.on('error', (err) => done({ ok: false, reason: `reading the answer of ${host} failed: ${err.message}` }));
    });
    req.on('error', (err) => done({ ok: false, reason: `the Engine at ${host} cannot be reached: ${err.message}` }));
  });
}
