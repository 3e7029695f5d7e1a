#!/usr/bin/env node
// `npm start`: build, then open test/workspace/ in VS Code with this extension loaded
// from the working tree. Uses `code --extensionDevelopmentPath` when VS Code desktop is
// on PATH; otherwise VS Code in the browser from the cached code-server build
// (installed on first use) with the same flag, and prints the URL to open.
// Options: --browser (use code-server even when `code` exists), --port N (default: free).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, ensureCodeServer, startCodeServer, workbenchUrl, writeUserSettings } from './codeServer.mjs';

const args = process.argv.slice(2);
const browser = args.includes('--browser') || process.env.DN_START_BROWSER === '1';
const portArg = args.indexOf('--port');
const port = portArg >= 0 ? Number(args[portArg + 1]) : process.env.PORT ? Number(process.env.PORT) : undefined;
const workspace = join(REPO, 'test', 'workspace');

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

console.log('==> building dist/client.js and the server (dist/server.js, dist/serverMain.js)');
run('npm', ['run', '-s', 'build']);

const hasCode = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' }).status === 0;
if (hasCode && !browser) {
  console.log(`==> code --extensionDevelopmentPath=${REPO} ${workspace}`);
  run('code', [`--extensionDevelopmentPath=${REPO}`, workspace]);
  process.exit(0);
}

console.log(hasCode ? '==> --browser: using VS Code in the browser' : '==> no `code` on PATH: using VS Code in the browser (code-server)');
const dir = ensureCodeServer();
// A profile kept between runs (git-ignored), so trust and layout survive a restart.
const state = join(REPO, '.cache', 'start');
const userDataDir = join(state, 'user-data');
const extensionsDir = join(state, 'extensions');
mkdirSync(extensionsDir, { recursive: true });
if (!existsSync(join(userDataDir, 'User', 'settings.json'))) writeUserSettings(userDataDir);
const server = await startCodeServer(dir, { folder: workspace, userDataDir, extensionsDir, port, stdio: 'inherit' });
const url = workbenchUrl(server, workspace, { extensionDevelopmentPath: REPO });
console.log(`\nVS Code is running with the extension from ${REPO}.`);
console.log(`Open ${url}`);
console.log('(on a remote machine forward the port first, e.g. ssh -L ' + `${server.port}:127.0.0.1:${server.port} ...)`);
console.log('After editing the extension: npm run build, then "Developer: Reload Window". Stop with Ctrl+C.');
const stop = () => void server.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
await new Promise((resolve) => server.child.once('exit', resolve));
