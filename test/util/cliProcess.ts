import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { REPO_ROOT } from './lspClient';

export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

let cacheHome: string | undefined;
/**
 * The XDG cache folder of the CLI runs of this test process: the CLI keeps its code cache
 * there (server/src/cli/boot.ts), and tests leave nothing in the user's ~/.cache. Removed
 * when the process exits.
 */
function testCacheHome(): string {
  if (!cacheHome) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-cli-cache-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    cacheHome = dir;
  }
  return cacheHome;
}

/** Runs the bundled CLI (`dist/cli.js`, built by `npm run build`) as a process, as CI runs it. */
export function runCliProcess(args: readonly string[], o: { cwd: string; input?: string; env?: Record<string, string>; command?: string } = { cwd: REPO_ROOT }): CliRun {
  const [command, pre] = o.command ? [o.command, []] : [process.execPath, [CLI_JS]];
  const r = spawnSync(command, [...pre, ...args], {
    cwd: o.cwd,
    input: o.input ?? '',
    encoding: 'utf8',
    // No Engine is asked unless a test says so; no colour whatever the test runner's terminal.
    env: { ...process.env, NO_COLOR: '1', DOCKER_HOST: 'unix:///nonexistent/docker.sock', XDG_CACHE_HOME: testCacheHome(), ...o.env },
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A tree of files in a fresh temporary folder (its real path: /tmp may be a link). */
export function makeTree(files: Record<string, string>, prefix = 'dn-cli-'): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  writeTree(root, files);
  return root;
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
}
