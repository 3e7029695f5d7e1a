import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_JS, makeTree, runCliProcess, writeTree } from '../util/cliProcess';

/** The command line (#21) as a CI job runs it: `node dist/cli.js check …` on trees of files. */

const COMPOSE_ERROR = 'services:\n  web:\n    image: nginx\n    networks: [backnd]\nnetworks:\n  backend: {}\n';
const COMPOSE_CLEAN = 'services:\n  web:\n    image: nginx\n    networks: [backend]\nnetworks:\n  backend: {}\n';
const DAEMON_WARNING = '{\n  "label": "a=b"\n}\n';
const DROPIN_FIXABLE = 'Environment="HTTP_PROXY=http://proxy:3128" "NO_PROXY=%x"\n';
const DROPIN_CLEAN = '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128"\n';

describe('docker-networking check (dist/cli.js)', () => {
  let root: string;
  const check = (args: string[], o: { input?: string; env?: Record<string, string>; cwd?: string } = {}) => runCliProcess(['check', ...args], { cwd: o.cwd ?? root, input: o.input, env: o.env });

  before(() => {
    root = makeTree({
      'compose.yaml': COMPOSE_ERROR,
      'etc/docker/daemon.json': DAEMON_WARNING,
      'docker.service.d/http-proxy.conf': DROPIN_FIXABLE,
      'node_modules/pkg/compose.yaml': COMPOSE_ERROR,
      'build/compose.yaml': COMPOSE_ERROR,
      'deploy/compose.prod.yaml': COMPOSE_ERROR,
      'deploy/keep/compose.yaml': COMPOSE_CLEAN,
      'deploy/old/compose.yaml': COMPOSE_ERROR,
      'notes.txt': 'not ours\n',
      // A subset of gitignore(5): a folder, a negation, and a nested .gitignore of its own.
      '.gitignore': '# build output\nbuild/\ndeploy/*/\n!deploy/keep/\n',
      'deploy/.gitignore': 'compose.prod.yaml\n',
    });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('walks the current folder, skipping node_modules and what .gitignore lists, and prints as ESLint stylish', () => {
    const r = check([]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      [
        'compose.yaml',
        '  4:16  error    Service `web` uses network `backnd`, which is not declared under the top-level `networks`. Did you mean `backend`? Declare it (with `external: true` if it already exists).  undefined-network',
        '   6:3  warning  No service uses network `backend`. Add it to a service\'s `networks`, or remove it.                                                                                           unused-network',
        '',
        'docker.service.d/http-proxy.conf',
        '  1:1  error  systemd ignores Environment= and every assignment above the first section header. Add a [Service] line at the top of the file.  assignment-outside-section',
        '',
        'etc/docker/daemon.json',
        '  2:3  warning  "label" is the command-line flag; dockerd accepts it in daemon.json but silently ignores it. Use "labels" instead.  singular-key',
        '',
        '✖ 4 problems (2 errors, 2 warnings)',
        '  2 of them can be fixed with the `--fix` option.',
        '',
      ].join('\n'),
    );
  });

  it('prints the same thing twice (stable for diffing)', () => {
    assert.equal(check(['--format', 'json']).stdout, check(['--format', 'json']).stdout);
  });

  it('ends quietly, with the exit code of the check, when the reader of its output stops early (`| head`)', () => {
    // A report far larger than a pipe holds (64 KiB on Linux), so that writing it meets the closed pipe.
    const big = makeTree(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`h${i}/daemon.json`, '{ "bip": "10.0.0.1/33", "labels": ["a"] }\n'])));
    try {
      const err = path.join(big, 'stderr.txt');
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI_JS}" check --format json 2>"${err}" | head -c 1 >/dev/null; exit \${PIPESTATUS[0]}`], {
        cwd: big,
        env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock', XDG_CACHE_HOME: path.join(big, '.cache') },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(fs.readFileSync(err, 'utf8'), '', 'no stack trace');
      assert.equal(r.status, 1, 'the errors found');
    } finally {
      fs.rmSync(big, { recursive: true, force: true });
    }
  });

  it('keeps the V8 code cache under $XDG_CACHE_HOME, written by a run that found none, and prints the same with it', () => {
    const cacheHome = makeTree({}, 'dn-cli-cache-');
    try {
      const env = { XDG_CACHE_HOME: cacheHome };
      const dir = path.join(cacheHome, 'docker-networking', 'codeCache');
      const first = check(['--format', 'json'], { env });
      const files = fs.readdirSync(dir);
      assert.equal(files.length, 1, 'one cache file, for this bundle');
      assert.match(files[0], /^cliMain\.js-.*\.v8cache$/);
      const written = fs.statSync(path.join(dir, files[0])).mtimeMs;
      const second = check(['--format', 'json'], { env });
      assert.deepEqual([second.code, second.stdout, second.stderr], [first.code, first.stdout, first.stderr]);
      assert.equal(fs.statSync(path.join(dir, files[0])).mtimeMs, written, 'a run that used the cache leaves it as it is');
    } finally {
      fs.rmSync(cacheHome, { recursive: true, force: true });
    }
  });

  it('--format json lists every file checked with 1-based positions, fixes and counts', () => {
    const r = check(['--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as {
      engineVersion: string;
      errorCount: number;
      warningCount: number;
      files: { path: string; kind: string; problems: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; safeFixes: string[]; fixes: string[] }[] }[];
    };
    assert.deepEqual(
      out.files.map((f) => `${f.path} ${f.kind}`),
      ['compose.yaml compose', 'deploy/keep/compose.yaml compose', 'docker.service.d/http-proxy.conf systemdDropin', 'etc/docker/daemon.json daemonJson'],
    );
    assert.equal(out.errorCount, 2);
    assert.equal(out.warningCount, 2);
    assert.match(out.engineVersion, /^\d+\.\d+$/);
    const undefinedNetwork = out.files[0].problems[0];
    assert.deepEqual(
      { ...undefinedNetwork, message: undefined },
      { line: 4, column: 16, endLine: 4, endColumn: 22, severity: 'error', code: 'undefined-network', message: undefined, fixes: undefinedNetwork.fixes, safeFixes: [], related: [] },
    );
    assert.ok(undefinedNetwork.fixes.length > 0, 'the rename is offered, though not safe');
    assert.deepEqual(out.files[2].problems[0].safeFixes, ['Add the [Service] header']);
  });

  it('--format github prints workflow commands with escaped properties', () => {
    const r = check(['--format', 'github', 'etc', 'docker.service.d']);
    assert.equal(r.code, 1);
    assert.equal(
      r.stdout,
      [
        '::error file=docker.service.d/http-proxy.conf,line=1,col=1,endLine=1,endColumn=12,title=docker-networking (assignment-outside-section)::systemd ignores Environment= and every assignment above the first section header. Add a [Service] line at the top of the file.',
        '::warning file=etc/docker/daemon.json,line=2,col=3,endLine=2,endColumn=10,title=docker-networking (singular-key)::"label" is the command-line flag; dockerd accepts it in daemon.json but silently ignores it. Use "labels" instead.',
        '',
      ].join('\n'),
    );
  });

  it('exit codes: 0 clean or warnings only, 1 errors or too many warnings, 2 usage', () => {
    assert.deepEqual([check(['deploy/keep']).code, check(['deploy/keep']).stdout], [0, '']);
    const warnings = check(['etc']);
    assert.equal(warnings.code, 0, 'warnings alone pass');
    assert.match(warnings.stdout, /1 problem \(0 errors, 1 warning\)/);
    assert.equal(check(['etc', '--max-warnings', '1']).code, 0);
    const tooMany = check(['etc', '--max-warnings', '0']);
    assert.equal(tooMany.code, 1);
    assert.match(tooMany.stderr, /1 warnings, more than --max-warnings 0/);
    assert.equal(check(['compose.yaml']).code, 1);
    for (const args of [['--format', 'xml'], ['--bogus'], ['--max-warnings', '-1'], ['--max-warnings=1.5'], ['--engine-version', 'latest'], ['--stdin'], ['missing.yaml'], ['nothing/**/*.yaml']]) {
      const r = check(args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /^docker-networking: [^]+\nRun "docker-networking --help" for the options\.\n$/, args.join(' '));
      assert.equal(r.stdout, '');
    }
    assert.equal(runCliProcess(['lint'], { cwd: root }).code, 2);
    assert.equal(runCliProcess(['--help'], { cwd: root }).code, 0);
    assert.match(runCliProcess(['--version'], { cwd: root }).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('--quiet reports errors only', () => {
    const r = check(['--quiet', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { files: { problems: { severity: string }[] }[] };
    assert.deepEqual([...new Set(out.files.flatMap((f) => f.problems.map((p) => p.severity)))], ['error']);
    assert.equal(check(['--quiet', 'etc']).stdout, '');
  });

  it('globs match paths below the current folder, and respect .gitignore', () => {
    const r = check(['--format', 'json', '**/compose*.yaml']);
    const paths = (JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path);
    assert.deepEqual(paths, ['compose.yaml', 'deploy/keep/compose.yaml']);
    const d = check(['--format', 'json', 'deploy/*/compose.yaml']);
    assert.deepEqual((JSON.parse(d.stdout) as { files: { path: string }[] }).files.map((f) => f.path), ['deploy/keep/compose.yaml']);
    // A glob outside the current folder: its own .gitignore, paths printed relative to here.
    const other = makeTree({ 'a/compose.yaml': COMPOSE_CLEAN, 'b/compose.yaml': COMPOSE_ERROR, '.gitignore': 'b/\n' });
    try {
      const rel = path.relative(root, other);
      for (const glob of [`${rel}/**/compose.yaml`, `${other}/*/compose.yaml`]) {
        const o = check(['--format', 'json', glob]);
        assert.equal(o.code, 0, `${glob}: ${o.stderr}`);
        assert.deepEqual((JSON.parse(o.stdout) as { files: { path: string }[] }).files.map((f) => f.path), [`${rel}/a/compose.yaml`], glob);
      }
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  });

  it('checks a file named explicitly even when .gitignore lists it, and notes files not of ours', () => {
    const r = check(['--format', 'json', 'build/compose.yaml', 'notes.txt']);
    assert.equal(r.code, 1);
    assert.deepEqual((JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path), ['build/compose.yaml']);
    assert.match(r.stderr, /notes\.txt: skipped, not a daemon\.json, Compose file or systemd drop-in by its name/);
    const onlyNotes = check(['notes.txt']);
    assert.deepEqual([onlyNotes.code, onlyNotes.stdout], [0, ''], 'nothing of ours named: nothing to say, no failure');
    assert.match(onlyNotes.stderr, /notes\.txt: skipped/);
  });

  it('--stdin --stdin-filename checks standard input as that file', () => {
    const r = check(['--stdin', '--stdin-filename', 'docker.service.d/http-proxy.conf', '--format', 'json'], { input: DROPIN_CLEAN });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as { files: { path: string; problems: unknown[] }[] }).files, [
      { path: 'docker.service.d/http-proxy.conf', kind: 'systemdDropin', errorCount: 0, warningCount: 0, infoCount: 0, fixed: [], problems: [] },
    ]);
    const bad = check(['--stdin', '--stdin-filename', 'x/compose.yaml'], { input: COMPOSE_ERROR });
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, /^x\/compose\.yaml\n {2}4:16 {2}error/);
    // With --fix the fixed text is the output and the report goes to standard error.
    const fixed = check(['--stdin', '--stdin-filename', 'docker.service.d/http-proxy.conf', '--fix'], { input: DROPIN_FIXABLE });
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.equal(fixed.stdout, '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" "NO_PROXY=%%x"\n');
    assert.match(fixed.stderr, /fixed {2}Add the \[Service\] header/);
    assert.equal(fs.readFileSync(path.join(root, 'docker.service.d/http-proxy.conf'), 'utf8'), DROPIN_FIXABLE, 'the file on disk is left alone');
    // A kind whose validation is off in the settings: the text comes back as it went in.
    writeTree(root, { 'off.json': '{"compose": {"validate": false}}' });
    const off = check(['--stdin', '--stdin-filename', 'compose.yaml', '--fix', '--config', 'off.json'], { input: COMPOSE_ERROR });
    assert.deepEqual([off.code, off.stdout], [0, COMPOSE_ERROR]);
  });

  it('--fix applies the safe fixes, says what it changed, and a second --fix changes nothing', () => {
    // both/: renaming "label" would make a second "labels", which loses a value: offered in the editor, not safe.
    const BOTH = '{"label": "a=b", "labels": ["c=d"]}\n';
    const tree = makeTree({ 'docker.service.d/http-proxy.conf': DROPIN_FIXABLE, 'daemon.json': DAEMON_WARNING, 'compose.yaml': COMPOSE_ERROR, 'both/daemon.json': BOTH });
    try {
      const first = check(['--fix'], { cwd: tree });
      assert.equal(first.code, 1, 'the unsafe rename in compose.yaml is left to the user');
      assert.match(first.stdout, /docker\.service\.d\/http-proxy\.conf\n {4}fixed {2}Add the \[Service\] header {2}assignment-outside-section\n {4}fixed {2}Write %%x {17}unknown-specifier\n/);
      assert.match(first.stdout, /daemon\.json\n {4}fixed {2}Change to "labels" {2}singular-key\n/);
      const read = (rel: string) => fs.readFileSync(path.join(tree, rel), 'utf8');
      assert.equal(read('docker.service.d/http-proxy.conf'), '[Service]\nEnvironment="HTTP_PROXY=http://proxy:3128" "NO_PROXY=%%x"\n');
      assert.equal(read('daemon.json'), '{\n  "labels": ["a=b"]\n}\n');
      assert.equal(read('compose.yaml'), COMPOSE_ERROR);
      assert.equal(read('both/daemon.json'), BOTH);
      const fixedFiles = check(['docker.service.d', 'daemon.json'], { cwd: tree });
      assert.deepEqual([fixedFiles.code, fixedFiles.stdout], [0, ''], 'the fixed files check clean');
      const before = ['docker.service.d/http-proxy.conf', 'daemon.json', 'compose.yaml'].map(read);
      const second = check(['--fix', '--format', 'json'], { cwd: tree });
      assert.deepEqual((JSON.parse(second.stdout) as { files: { fixed: unknown[] }[] }).files.map((f) => f.fixed), [[], [], [], []]);
      assert.deepEqual(['docker.service.d/http-proxy.conf', 'daemon.json', 'compose.yaml'].map(read), before);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('--fix reports what a check run afterwards reports, though a fix in one file changes the verdict on another', () => {
    // One host (hostFiles): the drop-in's ExecStart= counts once its [Service] header is added,
    // and "label" becomes "labels": then the --label flag and "labels" conflict, in both files.
    const tree = makeTree({
      'cfg.json': JSON.stringify({ 'dockerNetworking.hostFiles': ['a/docker.service.d/override.conf', 'z/daemon.json'] }),
      'a/docker.service.d/override.conf': 'ExecStart=\nExecStart=/usr/bin/dockerd --label x=y\n',
      'z/daemon.json': '{"label": "a=b"}\n',
    });
    try {
      const problems = (stdout: string) =>
        (JSON.parse(stdout) as { files: { path: string; problems: { code: string; line: number }[] }[] }).files.map((f) => ({ path: f.path, problems: f.problems.map((p) => `${p.line}:${p.code}`) }));
      const fixed = check(['--config', 'cfg.json', '--fix', '--format', 'json'], { cwd: tree });
      const after = check(['--config', 'cfg.json', '--format', 'json'], { cwd: tree });
      assert.ok(after.stdout.includes('flag-conflicts-with-config'), 'the fixes made the conflict');
      assert.deepEqual(problems(fixed.stdout), problems(after.stdout));
      assert.equal(fixed.code, after.code);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('a file above maxFileSizeKB gets what the server gives it; one it cannot read is said on standard error with exit code 2', () => {
    const tree = makeTree({ 'big/compose.yaml': `services: {}\n${'#'.repeat(3 * 1024 * 1024)}\n`, 'daemon.json': DAEMON_WARNING, 'huge/compose.yaml': '' });
    try {
      const big = check(['--format', 'json', 'big', 'daemon.json'], { cwd: tree });
      assert.equal(big.code, 0, big.stderr);
      const files = (JSON.parse(big.stdout) as { files: { path: string; problems: { code: string; severity: string }[] }[] }).files;
      assert.deepEqual(files.map((f) => `${f.path}: ${f.problems.map((p) => `${p.severity} ${p.code}`).join(', ')}`), ['big/compose.yaml: info file-too-large', 'daemon.json: warning singular-key']);
      // Sparse: a size above anything maxFileSizeKB allows, without writing 100 MB.
      fs.truncateSync(path.join(tree, 'huge/compose.yaml'), 101 * 1024 * 1024);
      const r = check(['--format', 'json'], { cwd: tree });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /huge\/compose\.yaml: larger than 100 MB; not checked\./);
      assert.deepEqual((JSON.parse(r.stdout) as { files: { path: string }[] }).files.map((f) => f.path), ['big/compose.yaml', 'daemon.json']);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('--config takes the extension settings, nested or as settings.json spells them', () => {
    const tree = makeTree({ 'stacks/web.yml': COMPOSE_ERROR, 'compose.yaml': COMPOSE_CLEAN });
    try {
      assert.equal(check([], { cwd: tree }).code, 0, 'web.yml is not a Compose file by default');
      writeTree(tree, { '.vscode/settings.json': '{\n  // as VS Code writes it\n  "dockerNetworking.files.compose": ["stacks/*.yml"],\n}\n', 'nested.json': '{"files": {"compose": ["stacks/*.yml"]}, "compose": {"unusedNetworks": false}}' });
      const flat = check(['--config', '.vscode/settings.json', '--format', 'json'], { cwd: tree });
      assert.equal(flat.code, 1);
      assert.deepEqual(
        (JSON.parse(flat.stdout) as { files: { path: string; problems: { code: string }[] }[] }).files.map((f) => `${f.path}: ${f.problems.map((p) => p.code).join(' ')}`),
        ['compose.yaml: ', 'stacks/web.yml: undefined-network unused-network'],
      );
      const nested = check(['--config', 'nested.json', '--format', 'json', 'stacks'], { cwd: tree });
      assert.deepEqual((JSON.parse(nested.stdout) as { files: { problems: { code: string }[] }[] }).files[0].problems.map((p) => p.code), ['undefined-network']);
      writeTree(tree, { 'broken.json': '{"files": ' });
      const broken = check(['--config', 'broken.json'], { cwd: tree });
      assert.equal(broken.code, 2);
      assert.match(broken.stderr, /--config .*broken\.json: line 1: /);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('--engine-version changes the verdicts; auto without a reachable Engine says so and goes on', () => {
    const tree = makeTree({ 'daemon.json': '{"min-api-version": "1.24"}\n' });
    try {
      const at = (v: string) => check(['--engine-version', v, '--format', 'json'], { cwd: tree });
      const old = at('20.10');
      assert.equal(old.code, 1);
      assert.deepEqual((JSON.parse(old.stdout) as { engineVersion: string; errorCount: number }).engineVersion, '20.10');
      assert.match(old.stdout, /"min-api-version\\" was added in Engine 29\.0; Engine 20\.10 does not know it/);
      assert.equal(at('29.7').code, 0);
      const auto = check(['--engine-version', 'auto'], { cwd: tree });
      assert.match(auto.stderr, /--engine-version auto: the Engine at unix:\/\/\/nonexistent\/docker\.sock cannot be reached: .*; checking for the newest release known\./);
      assert.equal(auto.code, 0);
    } finally {
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });
});
