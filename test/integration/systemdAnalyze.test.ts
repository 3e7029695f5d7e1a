import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../server/src/diagnostics';
import { systemdDropinMode } from '../../server/src/modes/systemdDropin/systemdDropinMode';
import { HOST_FIXTURES } from '../util/hostFixtures';
import { REPO_ROOT } from '../util/lspClient';
import { modeContext } from '../util/modeKit';
import { makeUnitRoot } from '../util/systemdUnitRoot';

/**
 * The drop-in diagnostics agree with the real `systemd-analyze verify` (systemd 252):
 * each fixture in test/fixtures/systemdDropin/verify is loaded by systemd beside a
 * minimal docker.service (Type=notify, ExecStart of an existing binary, no default
 * dependencies, so that systemd has nothing to say about the base unit), and validated
 * by the drop-in mode exactly as the server calls it (test/protocol/systemdDropin.test.ts
 * covers the same mode through dist/server.js). Every line systemd warns about must carry a diagnostic; a file
 * systemd refuses must get an error; and every error of ours must be on a line systemd
 * warns about (or in a refused file), so the two agree both ways.
 */

const HOST_VERDICTS = new Set(['docker-daemon-removed', 'flag-conflicts-with-config']);
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'systemdDropin', 'verify');

interface Verdict {
  /** 0-based lines systemd names in the drop-in. */
  lines: Set<number>;
  refused: boolean;
  output: string;
}

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '/usr/bin:/bin').split(':')) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

function run(cmd: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

async function verify(analyze: string, name: string, text: string): Promise<Verdict> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-systemd-'));
  try {
    const unitDir = makeUnitRoot(root);
    fs.writeFileSync(path.join(unitDir, 'docker.service.d', name), text);
    const { code, output } = await run(analyze, ['verify', `--root=${root}`, path.join(unitDir, 'docker.service')]);
    const lines = new Set<number>();
    const re = new RegExp(`docker\\.service\\.d/${name.replace(/\./g, '\\.')}:(\\d+):`, 'g');
    for (const m of output.matchAll(re)) lines.add(Number(m[1]) - 1);
    const refused = code !== 0 && /Refusing|bad unit file setting/.test(output);
    if (code !== 0 && !refused) throw new Error(`systemd-analyze failed for ${name} on something else:\n${output}`);
    return { lines, refused, output };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/**
 * systemd names the LAST physical line of a continued line; our diagnostic sits on the
 * word's own line. The lines that make up the logical line ending at `line`:
 */
function logicalLines(text: string, line: number): number[] {
  const all = text.split('\n');
  const out = [line];
  for (let i = line - 1; i >= 0; i--) {
    const l = all[i];
    if (/^\s*[#;]/.test(l)) continue;
    if (/(^|[^\\])(\\\\)*\\$/.test(l)) out.push(i);
    else break;
  }
  return out;
}

function requireSystemdAnalyze(t: TestContext): string | undefined {
  const analyze = which('systemd-analyze');
  if (analyze && fs.existsSync('/bin/true')) return analyze;
  if (process.env.CI === 'true') throw new Error('CI needs systemd-analyze (systemd 252)');
  t.skip('systemd-analyze is not installed');
  return undefined;
}

/** The diagnostics of a drop-in, as the server publishes them (the one problem → diagnostic conversion). */
function validate(uri: string, text: string): Diagnostic[] {
  const document = TextDocument.create(uri, 'plaintext', 1, text);
  return toDiagnostics(document, systemdDropinMode.validate!(systemdDropinMode.parse(document), modeContext({ engine: 'auto' })));
}

describe('drop-in diagnostics agree with systemd-analyze verify', () => {
  const files = fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.conf'))
    .sort();
  it('has fixtures', () => assert.ok(files.length >= 10, 'fixtures missing'));

  for (const name of ['http-proxy.conf.bak', 'http-proxy.conf~', '.http-proxy.conf']) {
    it(`${name} is never read: systemd is silent, we warn once`, async (t) => {
      const analyze = requireSystemdAnalyze(t);
      if (!analyze) return;
      const text = '[Service]\nEnviroment="HTTP_PROXY=http://proxy:3128"\nExecStart=/usr/bin/dockerd\n';
      const verdict = await verify(analyze, name, text);
      assert.equal(verdict.lines.size, 0, verdict.output);
      assert.equal(verdict.refused, false, verdict.output);
      const diags = validate(`file:///etc/systemd/system/docker.service.d/${name}`, text);
      assert.deepEqual(
        diags.map((d) => [d.code, d.severity]),
        [['dropin-not-read', 2]],
      );
    });
  }

  it('a line over 1 MiB: systemd silently stops reading there, we report the line and judge nothing below', async (t) => {
    const analyze = requireSystemdAnalyze(t);
    if (!analyze) return;
    // Generated: a 1 MiB fixture file would be a poor thing to keep in the repository.
    const text = `[Service]\nNoSuchDirective=1\nEnvironment=A=${'x'.repeat(2 ** 20)}\nAlsoUnknown=2\n`;
    const verdict = await verify(analyze, 'http-proxy.conf', text);
    assert.deepEqual([...verdict.lines], [1], verdict.output);
    assert.equal(verdict.refused, false, verdict.output);
    const diags = validate('file:///etc/systemd/system/docker.service.d/http-proxy.conf', text);
    // In line order (the mode reports rule by rule, rules/index.ts).
    assert.deepEqual(
      diags.map((d) => [d.range.start.line, d.code]).sort((a, b) => Number(a[0]) - Number(b[0])),
      [
        [1, 'unknown-directive'],
        [2, 'line-too-long'],
      ],
    );
  });

  it('lone \\r and \\r\\n line breaks: systemd numbers the lines as LSP does (#15 item 5)', async (t) => {
    const analyze = requireSystemdAnalyze(t);
    if (!analyze) return;
    // Generated: a fixture file with lone carriage returns would not survive editors and checkouts.
    const text = '[Service]\rEnviroment=x\rFoo=1\r\nTimeoutStartSec=forever\nEnvironment=A=1\r';
    const verdict = await verify(analyze, 'http-proxy.conf', text);
    assert.deepEqual([...verdict.lines].sort(), [1, 2, 3], verdict.output);
    const diags = validate('file:///etc/systemd/system/docker.service.d/http-proxy.conf', text);
    assert.deepEqual(diags.map((d) => d.range.start.line).sort(), [1, 2, 3]);
  });

  it('an ExecStart= program missing on the host: an error exactly where systemd-analyze refuses the unit (#17)', async (t) => {
    const analyze = requireSystemdAnalyze(t);
    if (!analyze) return;
    // The unit root stands for the host's disk: systemd-analyze --root looks the programs
    // up below it, and so does the workspace's answer for the drop-in (as the server's
    // MachineHostFiles answers for the machine's own drop-ins).
    const cases: [execStart: string, refused: boolean, ours: string[]][] = [
      ['/usr/bin/dockerd -H fd://', false, []],
      ['/usr/local/bin/dockerd -H fd://', true, ['error']],
      // systemd skips a missing program under "-" (verify is silent): dockerd does not run, a warning.
      ['-/usr/local/bin/dockerd -H fd://', false, ['warning']],
      // A bare name: systemd looks it up in its own search path (found below the root).
      ['dockerd -H fd://', false, []],
    ];
    for (const [execStart, refused, ours] of cases) {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-systemd-'));
      try {
        const unitDir = makeUnitRoot(root);
        const file = path.join(unitDir, 'docker.service.d', 'override.conf');
        const text = `[Service]\nExecStart=\nExecStart=${execStart}\n`;
        fs.writeFileSync(file, text);
        const { code, output } = await run(analyze, ['verify', `--root=${root}`, path.join(unitDir, 'docker.service')]);
        assert.equal(code !== 0 && /is not executable: No such file or directory/.test(output), refused, `${execStart}: ${output}`);
        const uri = `file:///etc/systemd/system/docker.service.d/override.conf`;
        const workspace = { list: () => [], read: () => undefined, machinePathExists: (f: string, p: string) => (f === uri ? fs.existsSync(path.join(root, p)) : undefined) };
        const document = TextDocument.create(uri, 'plaintext', 1, text);
        const problems = systemdDropinMode.validate!(systemdDropinMode.parse(document), modeContext({ engine: 'auto', workspace }));
        assert.deepEqual(problems.filter((p) => p.code === 'exec-program-missing').map((p) => p.severity), ours, execStart);
        assert.deepEqual(problems.filter((p) => p.severity === 'error' && p.code !== 'exec-program-missing'), [], execStart);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    }
  });

  // The drop-ins of the Docker host fixtures too (#17), judged alone here as systemd judges them.
  const hostDropins = fs
    .readdirSync(HOST_FIXTURES)
    .flatMap((h) => {
      const dir = path.join(HOST_FIXTURES, h, 'etc', 'systemd', 'system', 'docker.service.d');
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => path.join(dir, f)) : [];
    })
    .filter((f) => f.endsWith('.conf'));
  for (const file of [...files.map((f) => path.join(FIXTURES, f)), ...hostDropins]) {
    const name = path.basename(file);
    it(path.relative(path.join(REPO_ROOT, 'test', 'fixtures'), file), async (t) => {
      const analyze = requireSystemdAnalyze(t);
      if (!analyze) return;
      const text = fs.readFileSync(file, 'utf8');
      const verdict = await verify(analyze, name, text);
      const diags = validate(`file:///etc/systemd/system/docker.service.d/${name}`, text);
      const summary = `systemd said:\n${verdict.output}\nwe said:\n${diags.map((d) => `${d.range.start.line + 1}: ${String(d.code)}: ${d.message}`).join('\n')}`;

      for (const line of verdict.lines) {
        const covered = logicalLines(text, line);
        assert.ok(
          diags.some((d) => covered.includes(d.range.start.line)),
          `systemd warns about line ${line + 1} but the server has no diagnostic there\n${summary}`,
        );
      }
      // Errors whose verdict is dockerd's or the docker client's, not systemd's (#17): checked by hostDockerd.test.ts.
      const errors = diags.filter((d) => d.severity === 1 && !HOST_VERDICTS.has(String(d.code)));
      if (verdict.refused) assert.ok(errors.length > 0, `systemd refuses the unit but the server reports no error\n${summary}`);
      else {
        const warned = new Set([...verdict.lines].flatMap((l) => logicalLines(text, l)));
        for (const e of errors) {
          assert.ok(warned.has(e.range.start.line), `error on line ${e.range.start.line + 1} where systemd is silent\n${summary}`);
        }
      }
      if (verdict.lines.size === 0 && !verdict.refused) assert.deepEqual(errors, [], summary);
    });
  }
});
