import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:vscode`: the extension-host suite (./suite) in VS Code desktop, through
 * @vscode/test-electron. It uses VS Code from VSCODE_EXECUTABLE, else downloads one.
 * Machines without internet cannot download it; there `npm run test:e2e` (code-server in
 * headless Chromium) is the real-VS-Code test, and this script says so and fails.
 */
async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  try {
    const code = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [path.join(root, 'test', 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
    process.exit(code);
  } catch (err) {
    console.error(`Could not run VS Code for the extension-host tests: ${err instanceof Error ? err.message : String(err)}`);
    console.error('Set VSCODE_EXECUTABLE to a VS Code binary, or use `npm run test:e2e` (code-server in headless Chromium), which CI runs.');
    process.exit(1);
  }
}

void main();
