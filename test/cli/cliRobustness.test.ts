import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_JS, makeTree, runCliProcess } from '../util/cliProcess';

/**
 * Bad input to the command line (#21), run as a process as CI and hooks run it: every case
 * ends with one `docker-networking:` line per problem and the documented exit code, never a
 * stack trace or a hang. A hang shows as the generous process timeout of each run.
 */

const COMPOSE_ERROR = 'services:\n  web:\n    image: nginx\n    networks: [backnd]\n';
const DROPIN_FIXABLE = 'Environment="NO_PROXY=%x"\n';
const BOM = '\ufeff';
const HANG_MS = 60_000;

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** No stack trace, and each line of standard error one of ours. */
function assertOwnLines(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  for (const line of stderr.split('\n').filter(Boolean)) assert.match(line, /^(docker-networking: |Run "docker-networking --help")/, line);
}

/** Runs the CLI through `sh -c` (for redirections and wrappers), with the env runCliProcess uses. */
function shell(script: string, cwd: string, env: Record<string, string> = {}) {
  return spawnSync('sh', ['-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', DOCKER_HOST: 'unix:///nonexistent/docker.sock', XDG_CACHE_HOME: path.join(cwd, '.cache'), CLI: CLI_JS, NODE: process.execPath, ...env },
    timeout: HANG_MS,
  });
}

/** The CLI as a child the test keeps talking to (a fake Engine in this process must keep answering). */
function runAsync(args: string[], o: { cwd: string; env?: Record<string, string>; command?: string[]; stdin?: (w: NodeJS.WritableStream) => void }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [cmd, ...pre] = o.command ?? [process.execPath, CLI_JS];
  const child = spawn(cmd, [...pre, ...args], {
    cwd: o.cwd,
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: path.join(o.cwd, '.cache'), ...o.env },
    timeout: HANG_MS,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  if (o.stdin) o.stdin(child.stdin);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code: signal ? null : code, stdout, stderr })));
}

describe('docker-networking check on bad input (#21)', () => {
  let root: string;
  const check = (args: string[], o: { input?: string; env?: Record<string, string> } = {}) => runCliProcess(['check', ...args], { cwd: root, ...o });

  before(() => {
    root = makeTree({ 'compose.yaml': COMPOSE_ERROR });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('says why a named path cannot be checked: a loop of links, a dangling link, a named pipe (without waiting on it), a device', () => {
    const t = makeTree({});
    try {
      fs.symlinkSync('loop-b', path.join(t, 'loop-a'));
      fs.symlinkSync('loop-a', path.join(t, 'loop-b'));
      fs.symlinkSync('nowhere.yaml', path.join(t, 'compose.yaml'));
      spawnSync('mkfifo', [path.join(t, 'daemon.json')]);
      assert.ok(fs.statSync(path.join(t, 'daemon.json')).isFIFO());
      fs.mkdirSync(path.join(t, 'd/daemon.json'), { recursive: true });
      const r = runCliProcess(['check', 'loop-a', 'compose.yaml', 'daemon.json', 'd/daemon.json'], { cwd: t });
      assert.equal(r.code, 2);
      assertOwnLines(r.stderr);
      assert.equal(
        r.stderr,
        [
          'docker-networking: loop-a: cannot be read (a loop of symbolic links, ELOOP).',
          'docker-networking: compose.yaml: a symbolic link to nowhere.yaml, which does not exist; not checked.',
          'docker-networking: daemon.json: a named pipe, not a file; not checked.',
          '',
        ].join('\n'),
      );
      // The walk skips what is not a file (the pipe, the folder named daemon.json) and follows no link.
      assert.equal(runCliProcess(['check'], { cwd: t }).code, 0);
      // A device is no file of ours by its name: noted and skipped, like a README.
      const dev = runCliProcess(['check', '/dev/null', '/dev/zero', 'd'], { cwd: t });
      assert.equal(dev.code, 0);
      assert.equal(dev.stderr, 'docker-networking: /dev/null: skipped, a device, not a daemon.json, Compose file or systemd drop-in.\ndocker-networking: /dev/zero: skipped, a device, not a daemon.json, Compose file or systemd drop-in.\n');
    } finally {
      fs.rmSync(t, { recursive: true, force: true });
    }
  });

  it('says which folders and files it may not read, and fails, instead of passing a check that skipped them', (t) => {
    // As root every read is allowed: run the CLI as nobody, which the permissions do stop.
    const asNobody = process.getuid?.() === 0;
    if (asNobody && !hasCommand('setpriv')) return t.skip('running as root without setpriv: no user the permissions stop');
    const tree = makeTree({ 'locked/daemon.json': '{}\n', 'shut/daemon.json': '{}\n', 'ok/compose.yaml': 'services: {}\n', 'ignored/locked/daemon.json': '{}\n', '.gitignore': 'ignored/\n' });
    try {
      fs.mkdirSync(path.join(tree, '.cache'), { mode: 0o777 });
      fs.chmodSync(path.join(tree, '.cache'), 0o777);
      fs.chmodSync(tree, 0o755);
      for (const d of ['locked', 'ignored/locked']) fs.chmodSync(path.join(tree, d), 0o000);
      fs.chmodSync(path.join(tree, 'shut/daemon.json'), 0o000);
      const run = (args: string) => shell(`${asNobody ? 'setpriv --reuid=65534 --regid=65534 --clear-groups ' : ''}"$NODE" "$CLI" check ${args}`, tree);
      const all = run('');
      assert.equal(all.status, 2);
      assertOwnLines(all.stderr);
      assert.equal(
        all.stderr,
        'docker-networking: locked: a folder that cannot be read (permission denied, EACCES); its files are not checked.\ndocker-networking: shut/daemon.json: cannot be read (permission denied, EACCES).\n',
      );
      const named = run('locked/daemon.json ok');
      assert.equal(named.status, 2);
      assert.equal(named.stderr, 'docker-networking: locked/daemon.json: cannot be read (permission denied, EACCES).\n');
      assert.equal(run('ok').status, 0);
    } finally {
      for (const d of ['locked', 'ignored/locked']) fs.chmodSync(path.join(tree, d), 0o755);
      fs.rmSync(tree, { recursive: true, force: true });
    }
  });

  it('reads a UTF-8 byte order mark as VS Code does, and --fix keeps it at the start', () => {
    const t = makeTree({ 'docker.service.d/proxy.conf': BOM + DROPIN_FIXABLE, 'daemon.json': `${BOM}{"label": "a=b"}\n` });
    try {
      const r = runCliProcess(['check', '--format', 'json', 'daemon.json'], { cwd: t });
      const problems = (JSON.parse(r.stdout) as { files: { problems: { code: string; line: number; column: number }[] }[] }).files[0].problems;
      assert.deepEqual(
        problems.map((p) => `${p.line}:${p.column} ${p.code}`),
        ['1:2 singular-key'],
      );
      assert.equal(runCliProcess(['check', '--fix', 'docker.service.d'], { cwd: t }).code, 0);
      assert.equal(fs.readFileSync(path.join(t, 'docker.service.d/proxy.conf'), 'utf8'), `${BOM}[Service]\nEnvironment="NO_PROXY=%%x"\n`);
      const piped = runCliProcess(['check', '--fix', '--stdin', '--stdin-filename', 'docker.service.d/x.conf'], { cwd: t, input: BOM + DROPIN_FIXABLE });
      assert.equal(piped.stdout, `${BOM}[Service]\nEnvironment="NO_PROXY=%%x"\n`);
    } finally {
      fs.rmSync(t, { recursive: true, force: true });
    }
  });

  it('--fix leaves text that is not UTF-8 as it is (its bytes would come back as U+FFFD), and still checks it', () => {
    const latin1 = Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9]), Buffer.from(`\n${DROPIN_FIXABLE}`)]);
    const t = makeTree({});
    try {
      fs.mkdirSync(path.join(t, 'docker.service.d'));
      fs.writeFileSync(path.join(t, 'docker.service.d/p.conf'), latin1);
      const r = runCliProcess(['check', '--fix', '--format', 'json'], { cwd: t });
      assert.equal(r.code, 1);
      assert.equal(r.stderr, 'docker-networking: docker.service.d/p.conf: not UTF-8 text; --fix leaves it as it is.\n');
      assert.match(r.stdout, /assignment-outside-section/);
      assert.deepEqual(fs.readFileSync(path.join(t, 'docker.service.d/p.conf')), latin1);
      const piped = spawnSync(process.execPath, [CLI_JS, 'check', '--fix', '--stdin', '--stdin-filename', 'docker.service.d/x.conf'], { cwd: t, input: latin1, timeout: HANG_MS, env: { ...process.env, XDG_CACHE_HOME: path.join(t, '.cache') } });
      assert.deepEqual(piped.stdout, latin1, 'the text piped through unchanged');
    } finally {
      fs.rmSync(t, { recursive: true, force: true });
    }
  });

  it('--config of the wrong shape is refused with the setting named', () => {
    const cases: [string, RegExp][] = [
      ['{"engineVersion": 20.10}', /"engineVersion" must be a string, not a number\./],
      ['{"dockerNetworking.files.compose": "*.yml"}', /"files\.compose" must be an array, not a string\./],
      ['{"compose": {"enable": "no"}}', /"compose\.enable" must be a boolean, not a string\./],
      ['{"dockerNetworking": [1]}', /"dockerNetworking" must be an object of settings, not an array\./],
      ['{"engineVersion": "latest"}', /"engineVersion" "latest" is neither "auto" nor MAJOR\.MINOR/],
    ];
    for (const [text, message] of cases) {
      fs.writeFileSync(path.join(root, 'cfg.json'), text);
      const r = check(['--config', 'cfg.json']);
      assert.equal(r.code, 2, text);
      assert.match(r.stderr, message);
      assertOwnLines(r.stderr);
    }
    // Other extensions' settings and unknown keys are VS Code's business, not errors.
    fs.writeFileSync(path.join(root, 'cfg.json'), '{"editor.tabSize": "4", "dockerNetworking.networks.sortBy": 1, "dockerNetworking.__proto__.enable": false}');
    assert.equal(check(['--config', 'cfg.json']).code, 1);
  });

  it('option errors come on one line, node:util\'s too, and a number too large is called so', () => {
    const r = check(['--max-warnings', '-1']);
    assert.equal(r.code, 2);
    assertOwnLines(r.stderr);
    assert.equal(r.stderr.split('\n').length, 3);
    const huge = check(['--max-warnings', '99999999999999999999']);
    assert.equal(huge.code, 2);
    assert.match(huge.stderr, /^docker-networking: --max-warnings "99999999999999999999" is not a whole number from 0 to 9007199254740991\.\n/);
  });

  it('--stdin reads a non-blocking pipe (no EAGAIN), refuses a terminal instead of waiting, says a folder is no text, and reads no more than a file may hold', async (t) => {
    // A parent that hands its standard input over non-blocking, as some CI runners do: fs.readFileSync(0) threw EAGAIN.
    if (hasCommand('perl')) {
      const r = await runAsync(['-MFcntl', '-e', 'fcntl(STDIN, F_SETFL, fcntl(STDIN, F_GETFL, 0) | O_NONBLOCK) or die; exec @ARGV', process.execPath, CLI_JS, 'check', '--stdin', '--stdin-filename', 'compose.yaml'], {
        cwd: root,
        command: ['perl'],
        // Written once the CLI waits for it, so that its first read finds the pipe empty.
        stdin: (w) => setTimeout(() => w.end(COMPOSE_ERROR), 500),
      });
      assertOwnLines(r.stderr);
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stdout, /undefined-network/);
    } else {
      t.diagnostic('perl missing: the non-blocking pipe is not tried');
    }
    const dir = shell('"$NODE" "$CLI" check --stdin --stdin-filename compose.yaml < .', root);
    assert.equal(dir.status, 2);
    assert.equal(dir.stderr, 'docker-networking: standard input cannot be read (a directory, EISDIR).\n');
    const endless = shell('"$NODE" "$CLI" check --stdin --stdin-filename compose.yaml < /dev/zero', root);
    assert.equal(endless.status, 2);
    assert.equal(endless.stderr, 'docker-networking: standard input is larger than 100 MB; not checked.\n');
    if (!hasCommand('script')) return t.skip('no script(1) for a terminal');
    // Standard input of script stays open and silent: without the refusal the CLI would wait for ever.
    const tty = await runAsync(['-qec', `"${process.execPath}" "${CLI_JS}" check --stdin --stdin-filename compose.yaml`, '/dev/null'], { cwd: root, command: ['script'], stdin: () => undefined });
    assert.equal(tty.code, 2, tty.stdout);
    assert.match(tty.stdout, /docker-networking: --stdin reads the text from a pipe or a file, and standard input is a terminal/);
  });

  it('a report that cannot be written is said, exit code 2; standard error that cannot be written changes no exit code', (t) => {
    if (!fs.existsSync('/dev/full')) return t.skip('no /dev/full');
    const out = shell('"$NODE" "$CLI" check > /dev/full', root);
    assert.equal(out.status, 2);
    assert.equal(out.stderr, 'docker-networking: the report cannot be written to standard output (ENOSPC).\n');
    const err = shell('"$NODE" "$CLI" check --bogus 2> /dev/full', root);
    assert.equal(err.status, 2, 'the usage error, not a crash');
    assert.equal(shell('"$NODE" "$CLI" check 2> /dev/full', root).status, 1);
  });

  it('--engine-version auto gives up on a trickling Engine at its 3 s deadline, and says a bad port instead of crashing', async () => {
    const sock = path.join(root, 'engine.sock');
    const sockets = new Set<net.Socket>();
    // Headers, then a byte now and then, for ever: never silent for long, never done.
    const server = net.createServer((s) => {
      sockets.add(s);
      s.on('error', () => undefined);
      s.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
      const timer = setInterval(() => s.write(' '), 200);
      s.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(sock, resolve));
    try {
      const r = await runAsync(['check', '--engine-version', 'auto'], { cwd: root, env: { DOCKER_HOST: `unix://${sock}` } });
      assertOwnLines(r.stderr);
      assert.match(r.stderr, /--engine-version auto: the Engine at unix:\/\/.*engine\.sock gave no full answer within 3 s; checking for the newest release known\./);
      assert.equal(r.code, 1, 'the check went on');
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
    for (const host of ['tcp://127.0.0.1:99999', 'tcp://127.0.0.1:0']) {
      const r = check(['--engine-version', 'auto'], { env: { DOCKER_HOST: host } });
      assertOwnLines(r.stderr);
      assert.equal(r.stderr, `docker-networking: --engine-version auto: DOCKER_HOST=${host} has no valid port (1 to 65535); checking for the newest release known.\n`);
      assert.equal(r.code, 1);
    }
  });
});
