import * as http from 'http';
import type { TestContext } from 'node:test';

/**
 * Test-side access to the real dockerd that `.ci/run` installs and starts. Tests use
 * the Engine API only and never send traffic to container addresses. Every network a
 * test creates has a subnet inside 198.18.0.0/15 and the label TEST_LABEL=<scope>
 * (`testLabels(scope)`), and is removed afterwards: `removeTestObjects(scope)` sweeps
 * whatever a test file left behind, without touching other files' objects.
 */
export const ENGINE_SOCKET = process.env.DOCKER_NETWORKING_TEST_SOCKET ?? '/var/run/docker.sock';
export const TEST_LABEL = 'dev.docker-networking.test';
export const TEST_IMAGE = 'docker-networking-test/busybox:latest';

export interface EngineReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = unknown>(): T;
}

export function engineRequest(method: string, path: string, body?: unknown, socketPath = ENGINE_SOCKET, timeoutMs = 30_000): Promise<EngineReply> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = http.request(
      {
        socketPath,
        method,
        path,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`Engine request ${method} ${path} timed out`)));
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

const apiVersions = new Map<string, string>();

/** The API version the Engine at `socketPath` serves (from `/_ping`'s `Api-Version` header). */
export async function engineApiVersion(socketPath = ENGINE_SOCKET): Promise<string> {
  let v = apiVersions.get(socketPath);
  if (!v) {
    const r = await engineRequest('GET', '/_ping', undefined, socketPath);
    v = String(r.headers['api-version'] ?? '1.41');
    apiVersions.set(socketPath, v);
  }
  return v;
}

/** A request on the versioned path `/vX.Y/...`; `socketPath` names another Engine (a throw-away one). */
export async function api(method: string, path: string, body?: unknown, socketPath = ENGINE_SOCKET): Promise<EngineReply> {
  return engineRequest(method, `/v${await engineApiVersion(socketPath)}${path}`, body, socketPath);
}

export async function engineReachable(socketPath = ENGINE_SOCKET): Promise<string | undefined> {
  try {
    const r = await engineRequest('GET', '/_ping', undefined, socketPath, 3000);
    return r.status === 200 ? undefined : `/_ping answered HTTP ${r.status}`;
  } catch (err) {
    return `no Docker Engine at ${socketPath}: ${(err as Error).message}`;
  }
}

/**
 * Call at the start of an Engine test. With CI=true an unreachable Engine fails the
 * test (never a silent skip); elsewhere the test is skipped, saying why.
 */
export async function requireEngine(t: TestContext): Promise<boolean> {
  const problem = await engineReachable();
  if (!problem) return true;
  if (process.env.CI === 'true') throw new Error(`CI needs a Docker Engine: ${problem}`);
  t.skip(`${problem} (run bash .ci/run, or start dockerd, to include Engine tests)`);
  return false;
}

/** The Engine's release ("20.10.24+dfsg1"). */
export async function engineVersion(): Promise<string> {
  return (await api('GET', '/version')).json<{ Version: string }>().Version;
}

let counter = 0;
/** A unique name for a test object. */
export function testName(prefix: string): string {
  return `dn-test-${prefix}-${process.pid}-${Date.now().toString(36)}-${counter++}`;
}

/** Labels for an object a test creates; `scope` names the test file. */
export function testLabels(scope: string): Record<string, string> {
  return { [TEST_LABEL]: scope };
}

/** Removes every container and network labelled TEST_LABEL=scope. */
export async function removeTestObjects(scope: string, socketPath = ENGINE_SOCKET): Promise<void> {
  const filters = encodeURIComponent(JSON.stringify({ label: [`${TEST_LABEL}=${scope}`] }));
  const containers = (await api('GET', `/containers/json?all=1&filters=${filters}`, undefined, socketPath)).json<{ Id: string }[]>();
  for (const c of containers) await api('DELETE', `/containers/${c.Id}?force=1&v=1`, undefined, socketPath);
  const networks = (await api('GET', `/networks?filters=${filters}`, undefined, socketPath)).json<{ Id: string }[]>();
  for (const n of networks) await api('DELETE', `/networks/${n.Id}`, undefined, socketPath);
}
