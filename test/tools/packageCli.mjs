#!/usr/bin/env node
/**
 * `npm run package:cli` (#21): an installable npm tarball of the command line alone,
 * `docker-networking-cli-VERSION.tgz` in the repository root. It holds only what the
 * CLI needs at run time: the bundle dist/cliMain.js (its dependencies inside; built by
 * `npm run build:prod` before this runs) with its loader dist/cli.js, and the data files the modes read next to it
 * (schemas/, snippets/; server/src/shared/dataFile.ts finds them by walking up from the
 * bundle). No dependencies, so `npm install -g ./docker-networking-cli-….tgz` works offline.
 *
 *   node test/tools/packageCli.mjs [--out DIR]
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : root;
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const bundles = ['cli.js', 'cliMain.js'];
const missing = bundles.filter((b) => !fs.existsSync(path.join(root, 'dist', b)));
if (missing.length) {
  console.error(`dist/${missing.join(', dist/')} missing: run \`npm run build:cli\` (or \`npm run package:cli\`, which builds them) first.`);
  process.exit(1);
}

const stage = path.join(root, 'dist', 'cli-package');
fs.rmSync(stage, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
for (const b of bundles) fs.copyFileSync(path.join(root, 'dist', b), path.join(stage, b));
fs.chmodSync(path.join(stage, 'cli.js'), 0o755);
for (const dir of ['schemas', 'snippets']) {
  fs.mkdirSync(path.join(stage, dir));
  for (const f of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.json'))) fs.copyFileSync(path.join(root, dir, f), path.join(stage, dir, f));
}
fs.copyFileSync(path.join(root, 'LICENSE'), path.join(stage, 'LICENSE'));
fs.writeFileSync(
  path.join(stage, 'README.md'),
  `# docker-networking (command line)\n\nThe checks of the Docker Networking VS Code extension for daemon.json, Compose networks and docker.service.d drop-ins, for CI pipelines and pre-commit hooks.\n\n    docker-networking check [PATH|GLOB ...]\n\nRun \`docker-networking --help\` for the options and exit codes.\n`,
);
const cliManifest = {
  name: `${manifest.name}-cli`,
  version: manifest.version,
  description: 'The Docker Networking checks for daemon.json, Compose networks and systemd drop-ins, on the command line.',
  license: manifest.license,
  keywords: ['docker', 'daemon.json', 'compose', 'systemd', 'lint', 'sarif'],
  repository: manifest.repository,
  bin: { 'docker-networking': 'cli.js' },
  files: ['cli.js', 'cliMain.js', 'schemas/', 'snippets/', 'README.md', 'LICENSE'],
  engines: { node: '>=18' },
};
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(cliManifest, null, 2)}\n`);

fs.mkdirSync(outDir, { recursive: true });
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' } }));
const tarball = path.join(outDir, packed[0].filename);
console.log(`${path.relative(process.cwd(), tarball) || tarball} (${packed[0].entryCount} files, ${(packed[0].size / 1024).toFixed(0)} KB)`);
