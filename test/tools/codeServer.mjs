// VS Code in the browser for `npm start` and `npm run test:e2e`: VS Code's server build
// from the npm package `code-server`, installed once per machine by codeServerInstall.sh
// (the detours are explained there), started on 127.0.0.1 without auth.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const INSTALL_SCRIPT = fileURLToPath(new URL('./codeServerInstall.sh', import.meta.url));

/** The cached code-server build, installed on first use (progress goes to stderr). */
export function ensureCodeServer() {
  const r = spawnSync('bash', [INSTALL_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing code-server failed (exit ${r.status}); see the messages above`);
  const dir = r.stdout.trim().split('\n').pop();
  if (!dir || !existsSync(join(dir, 'out/node/entry.js'))) throw new Error(`code-server install did not produce ${dir}/out/node/entry.js`);
  return dir;
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** User settings that keep a fresh profile quiet: no welcome page, tips, telemetry or update checks. */
export function writeUserSettings(userDataDir, extra = {}) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.ignoreRecommendations': true,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'chat.commandCenter.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...extra,
  };
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * The workbench URL for `folder`. With `extensionDevelopmentPath`, the page loads that
 * folder's extension unpackaged, as `code --extensionDevelopmentPath` does: code-server's
 * CLI refuses that flag, but VS Code's web workbench takes it from the `payload` query
 * parameter (a JSON list of [name, value] pairs; vs/code/browser/workbench/workbench.ts),
 * as a vscode-remote URI on the server the page talks to. The title bar then says
 * "[Extension Development Host]".
 */
export function workbenchUrl(server, folder, { extensionDevelopmentPath } = {}) {
  let url = `${server.url}/?folder=${encodeURIComponent(folder)}`;
  if (extensionDevelopmentPath) {
    const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extensionDevelopmentPath}`]];
    url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  }
  return url;
}

/** `code-server --install-extension VSIX` into a given extensions folder. */
export function installExtension(dir, vsix, { extensionsDir, userDataDir }) {
  const r = spawnSync(
    process.execPath,
    [join(dir, 'out/node/entry.js'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix, '--force'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0 || /failed|error/i.test(r.stderr)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout.trim();
}

/**
 * Starts code-server and resolves once it answers HTTP (use workbenchUrl() for the page).
 * Returns { url, port, child, output(), stop() }.
 */
export async function startCodeServer(dir, { folder, userDataDir, extensionsDir, port, timeoutMs = 120_000, stdio = 'pipe', extraArgs = [] }) {
  port ??= await freePort();
  const args = [
    join(dir, 'out/node/entry.js'),
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  args.push(folder);
  const child = spawn(process.execPath, args, { stdio: ['ignore', stdio, stdio], env: { ...process.env, VSCODE_PROXY_URI: '' } });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(r, 250, 'poll'))]);
    if (code !== 'poll') throw new Error(`code-server exited (${code}) before it answered:\n${out}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${out}`);
    }
  }
  return {
    url,
    port,
    child,
    output: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}
