import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTree, runCliProcess } from '../util/cliProcess';
import { REPO_ROOT } from '../util/lspClient';

/** `npm run package:cli` (#21): a tarball with only the CLI bundle and its data, which installs offline. */
describe('the CLI package', () => {
  let tmp: string;
  let tarball: string;
  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-cli-pkg-')));
    // The packaging step of `npm run package:cli`, on the bundle `npm run build` made.
    const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'test', 'tools', 'packageCli.mjs'), '--out', tmp], { cwd: REPO_ROOT, encoding: 'utf8' });
    tarball = path.join(tmp, fs.readdirSync(tmp).find((f) => f.endsWith('.tgz'))!);
    assert.ok(fs.existsSync(tarball), out);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('holds only the bundle, its data, the manifest, README and LICENSE', () => {
    const entries = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
    const data = (dir: string) => fs.readdirSync(path.join(REPO_ROOT, dir)).filter((f) => f.endsWith('.json')).map((f) => `package/${dir}/${f}`);
    assert.deepEqual(entries, ['package/LICENSE', 'package/README.md', 'package/cli.js', 'package/cliMain.js', 'package/package.json', ...data('schemas'), ...data('snippets')].sort());
    const manifest = JSON.parse(execFileSync('tar', ['xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    assert.deepEqual(manifest.bin, { 'docker-networking': 'cli.js' });
    assert.equal(manifest.dependencies, undefined, 'the bundle carries its dependencies');
  });

  it('installs with npm install -g offline, and the installed command checks as dist/cli.js does', () => {
    const prefix = path.join(tmp, 'prefix');
    execFileSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
      encoding: 'utf8',
      env: { ...process.env, npm_config_loglevel: 'error', npm_config_cache: path.join(tmp, 'npm-cache') },
    });
    const bin = path.join(prefix, 'bin', 'docker-networking');
    const tree = makeTree({ 'compose.yaml': 'services:\n  web:\n    networks: [backnd]\nnetworks:\n  backend: {}\n', 'daemon.json': '{"bip": "172.26.0.1"}\n' });
    try {
      const installed = runCliProcess(['check', '--format', 'json'], { cwd: tree, command: bin });
      const built = runCliProcess(['check', '--format', 'json'], { cwd: tree });
      assert.equal(installed.code, 1, installed.stderr);
      assert.equal(installed.stdout, built.stdout);
      assert.match(installed.stdout, /"code": "invalid-cidr"/);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
