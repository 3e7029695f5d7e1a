#!/usr/bin/env node
// `npm run test:e2e`: the packaged extension in a real VS Code (code-server's VS Code
// server build) driven through Debian's headless Chromium by playwright-core.
//   1. tsc -b (the e2e test is TypeScript under test/e2e/), npm run package
//   2. code-server from the per-machine cache (built once by codeServerInstall.sh)
//   3. a throw-away run folder: profile, extensions dir (the .vsix installed with
//      --install-extension), a copy of test/workspace/, screenshots
//   4. code-server on 127.0.0.1:<free port>; node --test out/test/e2e drives it
// Options / environment:
//   --no-package              use the docker-networking.vsix already in the repo (built elsewhere)
//   --vsix FILE               install FILE instead of packaging (e.g. a deliberately broken build)
//   --dev                     load the working tree with --extensionDevelopmentPath instead of the .vsix
//   --update-screenshots      (or DN_UPDATE_SCREENSHOTS=1) copy the README screenshots into client/media/screenshots/
//   --locale zh-cn            VS Code in that display language (#23): code-server --locale, with the
//                             test language pack of test/e2e/zhCnLanguagePack/ installed (no translations
//                             of VS Code itself; the real pack cannot be downloaded here), so that
//                             vscode.env.language is zh-cn and the extension loads its zh-cn bundles.
//                             Run the Chinese steps: -- --test-name-pattern='trust|zh-CN'
//   -- ARGS                   passed on to node --test, e.g. -- --test-name-pattern='trust|activat'
//   DN_E2E_KEEP=1             keep the run folder's profile (screenshots are always kept)
//   DN_E2E_ENGINE=machine     the networks-view steps use the machine's dockerd instead of a
//                             throw-away dockerd of Debian sid (28.5 when written; #18); the
//                             restart-pending step, which edits the throw-away's daemon.json, is skipped,
//                             and so is the step of two Engines side by side (#22)
// code-server and the test run with DOCKER_CONFIG set to an empty folder of the run: the docker
// contexts of the machine's home folder would add roots to the Docker Networks view (#22), whose
// steps expect the one Engine of DOCKER_HOST (and, in the side-by-side step, the second one it names).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { REPO, ensureCodeServer, installExtension, startCodeServer, workbenchUrl, writeUserSettings } from './codeServer.mjs';

const dashDash = process.argv.indexOf('--');
const args = dashDash < 0 ? process.argv.slice(2) : process.argv.slice(2, dashDash);
const testArgs = dashDash < 0 ? [] : process.argv.slice(dashDash + 1);
const dev = args.includes('--dev');
const vsixArg = args.indexOf('--vsix');
const noPackage = args.includes('--no-package') || vsixArg >= 0;
const updateScreenshots = args.includes('--update-screenshots') || process.env.DN_UPDATE_SCREENSHOTS === '1';
const localeArg = args.indexOf('--locale');
const locale = localeArg >= 0 ? args[localeArg + 1] : undefined;
/** The screenshots the README shows, by the name the e2e test gives them. */
const README_SCREENSHOTS = ['networks-view.png', 'daemon-json-hover.png', 'engines-swarm-overlay.png', 'zh-cn-hover.png', 'zh-cn-problems.png'];

function step(msg) {
  console.log(`\n==> ${msg}`);
}
function run(cmd, cmdArgs, { allowFail = false, cwd = REPO } = {}) {
  const r = spawnSync(cmd, cmdArgs, { cwd, stdio: 'inherit' });
  if (r.status !== 0 && !allowFail) {
    console.error(`${cmd} ${cmdArgs.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  return r.status === 0;
}

step('type-check and compile (tsc -b)');
if (!run('npx', ['tsc', '-b'], { allowFail: true })) {
  if (!existsSync(join(REPO, 'out/test/e2e/workbench.test.js'))) process.exit(1);
  console.warn('tsc -b reported errors (see above); running the compiled e2e test anyway');
}

const vsix = vsixArg >= 0 ? resolve(args[vsixArg + 1]) : join(REPO, 'docker-networking.vsix');
if (dev) {
  step('build (--dev: the working tree is loaded with --extensionDevelopmentPath)');
  run('npm', ['run', '-s', 'build']);
} else if (noPackage) {
  step(`--no-package: using ${vsix}`);
  if (!existsSync(vsix)) {
    console.error(`${vsix} does not exist`);
    process.exit(1);
  }
} else {
  step('npm run package');
  rmSync(vsix, { force: true });
  if (!run('npm', ['run', '-s', 'package'], { allowFail: true })) {
    // vsce refuses relative links in README.md when it cannot derive a repository URL
    // from package.json; retry with explicit base URLs so the e2e still runs, loudly.
    console.warn('npm run package failed; retrying vsce with --baseContentUrl/--baseImagesUrl (fix package.json, see the e2e report)');
    run('npx', ['vsce', 'package', '--no-dependencies', '--out', vsix,
      '--baseContentUrl', 'https://example.invalid/docker-networking/blob/main',
      '--baseImagesUrl', 'https://example.invalid/docker-networking/raw/main']);
  }
}

step('code-server (cached per machine)');
const dir = ensureCodeServer();
console.log(dir);

const runDir = mkdtempSync(join(tmpdir(), 'dn-e2e-'));
const userDataDir = join(runDir, 'user-data');
const extensionsDir = join(runDir, 'extensions');
const folder = join(runDir, 'workspace');
const screenshots = join(runDir, 'screenshots');
mkdirSync(extensionsDir, { recursive: true });
mkdirSync(screenshots, { recursive: true });
cpSync(join(REPO, 'test', 'workspace'), folder, { recursive: true });
writeUserSettings(userDataDir, {
  // Only the extension's completions: word-based ones would list names from the text.
  'editor.wordBasedSuggestions': 'off',
  'editor.quickSuggestions': { other: 'off', comments: 'off', strings: 'off' },
  'editor.hover.delay': 200,
  'workbench.colorTheme': 'Default Dark Modern',
  'window.commandCenter': false,
  // Edits stay in the buffer until the test reverts them.
  'files.autoSave': 'off',
});
if (locale) {
  step(`the test language pack for ${locale} (test/e2e/zhCnLanguagePack/)`);
  const pack = join(runDir, 'language-pack.vsix');
  run('npx', ['vsce', 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--out', pack], { cwd: join(REPO, 'test', 'e2e', 'zhCnLanguagePack') });
  console.log(installExtension(dir, pack, { extensionsDir, userDataDir }));
  // What VS Code's language-pack cache (platform/languagePacks/node/languagePacks.ts) writes
  // to <user data>/languagepacks.json when a pack is installed through a running workbench;
  // `--install-extension` does not write it, and the server reads it to resolve --locale.
  const id = 'docker-networking-test.test-language-pack-zh-cn';
  const translations = join(extensionsDir, `${id}-1.0.0`, 'translations', 'main.i18n.json');
  if (!existsSync(translations)) throw new Error(`the test language pack is not where it was installed: ${translations}`);
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      hash: createHash('md5').update(id).update('1.0.0').digest('hex'),
      extensions: [{ extensionIdentifier: { id }, version: '1.0.0' }],
      translations: { vscode: translations },
      label: '中文(简体)',
    },
  }));
}
if (!dev) {
  step(`install ${vsix} into ${extensionsDir}`);
  console.log(installExtension(dir, vsix, { extensionsDir, userDataDir }));
}

// The networks-view steps run against a newer Engine than the other integration tests,
// which keep the machine's 20.10 (#18): a throw-away dockerd of Debian sid in namespaces of
// its own (test/util/releases.ts), reached by the extension through DOCKER_HOST and by the
// test's own Engine calls through DOCKER_NETWORKING_TEST_SOCKET.
let engine;
if (process.env.DN_E2E_ENGINE !== 'machine') {
  step('a throw-away dockerd of Debian sid for the Docker Networks view');
  const { dockerdOf, label, startRelease } = createRequire(import.meta.url)(join(REPO, 'out/test/util/releases.js'));
  const sid = dockerdOf('sid');
  engine = await startRelease(sid);
  if (engine) {
    process.env.DOCKER_HOST = `unix://${engine.socketPath}`;
    process.env.DOCKER_NETWORKING_TEST_SOCKET = engine.socketPath;
    console.log(`${label(sid)} at ${engine.socketPath}`);
    // The daemon.json this dockerd runs with (its --config-file), named by the machine
    // setting dockerNetworking.localEngineFiles, so that restart pending compares it with
    // this Engine (#17). code-server's window is remote: machine settings are read from
    // <user data>/Machine/settings.json (VS Code's machineSettingsResource), not User's.
    process.env.DN_E2E_ENGINE_DAEMON_JSON = join(engine.dir, 'daemon.json');
    mkdirSync(join(userDataDir, 'Machine'), { recursive: true });
    writeFileSync(join(userDataDir, 'Machine', 'settings.json'), JSON.stringify({ 'dockerNetworking.localEngineFiles': [process.env.DN_E2E_ENGINE_DAEMON_JSON] }, null, 2));
  } else if (process.env.CI === 'true') {
    console.error(`CI needs this: ${sid.problem ?? 'a throw-away dockerd cannot run here (root and unshare)'}`);
    process.exit(1);
  } else {
    console.warn(`${sid.problem ?? 'no throw-away dockerd here'}: the networks-view steps use the machine's dockerd`);
  }
}
const stopEngine = async () => {
  await engine?.dispose();
  engine = undefined;
};

// No docker contexts of the machine's user (see the header); the folder exists, as ~/.docker may.
process.env.DOCKER_CONFIG = join(runDir, 'docker-config');
mkdirSync(process.env.DOCKER_CONFIG, { recursive: true });

step('start code-server');
const server = await startCodeServer(dir, { folder, userDataDir, extensionsDir, extraArgs: locale ? ['--locale', locale] : [] });
console.log(`${server.url}  (run folder ${runDir})`);

step('node --test out/test/e2e');
console.log(`screenshots: ${screenshots}`);
const env = {
  ...process.env,
  DN_E2E_URL: workbenchUrl(server, folder, { extensionDevelopmentPath: dev ? REPO : undefined }),
  DN_E2E_FOLDER: folder,
  DN_E2E_USER_DATA: userDataDir,
  DN_E2E_SCREENSHOTS: screenshots,
  DN_E2E_VSIX: dev ? '' : vsix,
  DN_E2E_LOCALE: locale ?? '',
};
const child = spawn(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...testArgs, join(REPO, 'out/test/e2e')], { cwd: REPO, stdio: 'inherit', env });
const forward = (sig) => {
  child.kill(sig);
  void stopEngine();
};
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
const code = await new Promise((resolve) => child.once('exit', (c, sig) => resolve(c ?? (sig ? 1 : 0))));
await server.stop();
await stopEngine();
if (code !== 0) {
  console.error('\ncode-server output (tail):\n' + server.output().split('\n').slice(-40).join('\n'));
}
console.log(`\nscreenshots: ${screenshots}`);
if (code !== 0) console.log(`VS Code logs: ${join(userDataDir, 'logs')}`);
if (code === 0 && updateScreenshots) {
  const dest = join(REPO, 'client', 'media', 'screenshots');
  mkdirSync(dest, { recursive: true });
  // A run of some steps (-- --test-name-pattern) takes only their pictures.
  for (const name of README_SCREENSHOTS.filter((n) => existsSync(join(screenshots, n)))) {
    copyFileSync(join(screenshots, name), join(dest, name));
    console.log(`updated client/media/screenshots/${name}`);
  }
}
// A failed run keeps its profile: the logs under user-data/logs/ say what went wrong.
if (code === 0 && process.env.DN_E2E_KEEP !== '1') {
  rmSync(userDataDir, { recursive: true, force: true });
  rmSync(extensionsDir, { recursive: true, force: true });
}
process.exit(code);
