import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { modeKit } from '../../util/modeKit';

const URI = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
const k = modeKit(systemdDropinMode, URI);
/** Only the diagnostics with `code`, as lines. */
const linesOf = (code: string, source: string, uri = URI) => modeKit(systemdDropinMode, uri).lines(source).filter((l) => l.split(': ')[1] === code);
const lines = (source: string, uri = URI) => modeKit(systemdDropinMode, uri).lines(source);
/** The fixture and its diagnostics. */
const validate = (source: string) => ({ f: k.parse(source), diagnostics: k.diagnostics(source) });

/** systemd's own verdicts (each checked against systemd-analyze verify 252, see the integration test). */
describe('systemd verdict rules', () => {
  it('dropin-not-read: a .service.d file not ending in .conf gets one warning and nothing else', () => {
    const text = '[Srvice]\nEnviroment=x\n';
    for (const name of ['http-proxy.conf.bak', 'http-proxy.conf~', '.hidden.conf']) {
      const r = lines(text, `file:///etc/systemd/system/docker.service.d/${name}`);
      assert.equal(r.length, 1, name);
      assert.match(r[0], /^1: dropin-not-read: systemd never reads this file/);
    }
    // Outside a .service.d folder (http-proxy.conf elsewhere, user patterns) the file is judged as a drop-in.
    assert.equal(linesOf('dropin-not-read', text, 'file:///home/me/http-proxy.conf').length, 0);
    assert.ok(lines(text, 'file:///home/me/http-proxy.conf').length > 0);
  });

  it('line-too-long: a line over 1 MiB is reported and nothing below it is judged: systemd stops reading there', () => {
    const long = `Environment=A=${'x'.repeat(2 ** 20)}`;
    const text = `[Service]\nNoSuchDirective=1\n${long}\nAlsoUnknown=2\n`;
    assert.deepEqual(
      lines(text).map((l) => l.split(':').slice(0, 2).join(':')),
      ['2: unknown-directive', '3: line-too-long'],
    );
    // A line just under the limit is read as usual.
    assert.deepEqual(linesOf('line-too-long', `[Service]\nEnvironment=A=${'x'.repeat(2 ** 20 - 16)}\n`), []);
  });

  it('assignment-outside-section: one error with the fix, the rest informational', () => {
    const { f, diagnostics } = validate('$0Environment$0=A=1\nEnvironment=B=2\n[Service]\n');
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.severity, d.code]),
      [
        [0, 1, 'assignment-outside-section'],
        [1, 3, 'assignment-outside-section'],
      ],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
  });

  it('unknown-section: case-sensitive, with a suggestion; X- sections are fine', () => {
    assert.deepEqual(lines('[service]\nEnvironment=A=1\n[X-Mine]\nFoo=1\n[Socket]\nListenStream=1\n'), [
      '1: unknown-section: systemd ignores the unknown section [service] and everything in it (section names are case-sensitive). Did you mean [Service]?',
      '5: unknown-section: systemd ignores the unknown section [Socket] and everything in it (section names are case-sensitive). A docker.service drop-in may use [Unit], [Service] and [Install].',
    ]);
  });

  it('invalid-section-header: and nothing below it is judged', () => {
    assert.deepEqual(lines('[Service]\n[Service] x\nEnviroment=1\n'), [
      '2: invalid-section-header: Invalid section header: systemd stops reading the file here, so nothing below this line takes effect. Write the header alone on its line, e.g. [Service].',
    ]);
  });

  it('missing-equals and missing-key', () => {
    assert.deepEqual(lines('[Service]\nJustAWord\n=x\n'), [
      "2: missing-equals: systemd ignores this line: it has no '='. Write Key=value, or start a comment with # at the beginning of the line.",
      "3: missing-key: systemd ignores this line: there is no directive name before '='.",
    ]);
  });

  it('unknown-directive: per section, case-sensitive, with did-you-mean on the key only', () => {
    const { f, diagnostics } = validate('[Service]\n$0Enviroment$0="HTTP_PROXY=http://p:1"\n[Unit]\nAftr=x\nAfter=y\n[Install]\nWantedBy=z\n');
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code}: ${d.message}`),
      [
        '2: unknown-directive: systemd ignores this line: [Service] has no directive Enviroment=. Did you mean Environment=?',
        '4: unknown-directive: systemd ignores this line: [Unit] has no directive Aftr=. Did you mean After=?',
      ],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
    assert.deepEqual(linesOf('unknown-directive', '[Service]\nenvironment=A=1\n'), [
      '2: unknown-directive: systemd ignores this line: [Service] has no directive environment=. Did you mean Environment=?',
    ]);
  });

  it('removed-directive: a warning', () => {
    assert.deepEqual(lines('[Service]\nCapabilities=x\n'), ['2: removed-directive: systemd no longer supports Capabilities= and ignores it; remove the line.']);
  });

  it('invalid-value: enums, time spans, limits, paths', () => {
    assert.deepEqual(
      linesOf(
        'invalid-value',
        '[Service]\nRestart=sometimes\nTimeoutStartSec=forever\nLimitNOFILE=-1\nEnvironmentFile=relative\nRestart=always\nTimeoutStartSec=5min 20s\nLimitNOFILE=1024:524288\nDelegate=cpu memory\n',
      ),
      [
        '2: invalid-value: systemd ignores this line: "sometimes" is not a valid Restart= value; use one of no, on-success, on-failure, on-abnormal, on-watchdog, on-abort, always.',
        '3: invalid-value: systemd ignores this line: "forever" is not a valid TimeoutStartSec= value; write a time span such as 90, 90s, 5min 20s or infinity.',
        '4: invalid-value: systemd ignores this line: "-1" is not a valid LimitNOFILE= value; write a number, infinity, or soft:hard.',
        '5: invalid-value: systemd ignores this line: "relative" is not a valid EnvironmentFile= value; the path must be absolute (a leading - makes a missing file harmless).',
      ],
    );
  });

  it('invalid-syntax: on the quote or the escape', () => {
    const { f, diagnostics } = validate('[Service]\nEnvironment=A=1 ESC="a$0\\q$0b"\n');
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}: ${d.message}`),
      ['invalid-syntax: systemd does not know the escape \\q and ignores this word and the rest of the line. Write \\\\ for a backslash.'],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
  });

  it('invalid-environment-assignment: bad names, missing =, inline comments', () => {
    assert.deepEqual(lines('[Service]\nEnvironment=1BAD=x NOEQ OK=1 # the note\n'), [
      '2: invalid-environment-assignment: systemd ignores this assignment: "1BAD" is not a valid variable name (letters, digits and _ only, not starting with a digit).',
      '2: invalid-environment-assignment: systemd ignores "NOEQ": every word of Environment= must be NAME=value. Quote the whole assignment if the value has spaces: "NAME=a b".',
      '2: invalid-environment-assignment: systemd has no inline comments: it reads the words of "# the note" as variable assignments and ignores them. Put comments on their own line.',
    ]);
  });

  it('unknown-specifier: in Environment= words and in directives that expand specifiers', () => {
    const { f, diagnostics } = validate('[Service]\nEnvironment=A=$0%Q$0 B=100% C=%%x D=%n\n[Unit]\nDescription=x %z\n');
    assert.deepEqual(
      diagnostics.map((d) => `${d.range.start.line + 1}: ${d.code}: ${d.message}`),
      [
        '2: unknown-specifier: systemd does not know the specifier %Q and ignores the assignment A=. Write %% for a literal percent sign.',
        '4: unknown-specifier: systemd does not know the specifier %z and ignores this Description= line. Write %% for a literal percent sign.',
      ],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
    assert.deepEqual(linesOf('unknown-specifier', '[Service]\nEnvironment="HTTPS_PROXY=http://u:p%40x@proxy:3128"\n'), [
      '2: unknown-specifier: systemd does not know the specifier %4 and ignores the assignment HTTPS_PROXY=. To pass the percent-encoding %40 write %%40.',
    ]);
  });

  it('execstart-not-reset / execstart-missing', () => {
    assert.deepEqual(linesOf('execstart-not-reset', '[Service]\nExecStart=/usr/bin/dockerd\n'), [
      '2: execstart-not-reset: systemd refuses to load docker.service: it already has an ExecStart=, and only Type=oneshot services may have more than one. Add an empty "ExecStart=" line before this one to replace the command.',
    ]);
    assert.deepEqual(lines('[Service]\nExecStart=\nExecStart=/usr/bin/dockerd\n'), []);
    assert.deepEqual(lines('[Service]\nType=oneshot\nExecStart=/usr/bin/dockerd\n'), []);
    assert.deepEqual(lines('[Service]\nExecStart=\nExecStart=/a\nExecStart=/b\n'), [
      '4: execstart-not-reset: systemd refuses to load docker.service: this is a second ExecStart= command. Keep only one command after the empty "ExecStart=".',
    ]);
    assert.deepEqual(lines('[Service]\nExecStart=\n'), [
      '2: execstart-missing: systemd refuses to load docker.service: this empty ExecStart= clears the dockerd command and no new one follows. Add "ExecStart=/usr/bin/dockerd …" after it, or remove it.',
    ]);
  });

  it('every diagnostic has the source and a kebab-case code', () => {
    const { diagnostics } = validate('Environment=A=1\n[Service]\nEnviroment=x\nEnvironment=1=x "U=\nExecStart=/x\n');
    assert.ok(diagnostics.length >= 4);
    for (const d of diagnostics) {
      assert.equal(d.source, 'docker-networking');
      assert.match(String(d.code), /^[a-z]+(-[a-z]+)*$/);
    }
  });
});
