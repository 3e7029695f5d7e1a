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

const CODE = 'exec-command-invalid';

describe('Exec*= command lines (prefixes and path, systemd 252)', () => {
  it('accepts every prefix once, in any order, and a bare program name', () => {
    const text = [
      '[Service]',
      'ExecStartPre=-/bin/kill -0 1',
      'ExecStartPre=@/bin/kill kill -0 1',
      'ExecStartPre=:/bin/kill -0 $MAINPID',
      'ExecStartPre=+/bin/kill -0 1',
      'ExecStartPre=!!/bin/kill -0 1',
      'ExecStartPre=-@:+/bin/kill kill',
      'ExecStartPre=!-!/bin/kill',
      'ExecStartPre="-/bin/kill" -0 1',
      'ExecStart=',
      'ExecStart=dockerd -H fd://',
      '',
    ].join('\n');
    assert.deepEqual(lines(text), []);
  });

  it('reports repeated or conflicting prefixes on the offending character', () => {
    const { f, diagnostics } = validate('[Service]\nExecStartPre=-+$0!/bin/kill\n');
    const d = diagnostics.filter((x) => x.code === CODE);
    assert.equal(d.length, 1);
    assert.deepEqual(d[0].range, { start: f.document.positionAt(f.offsets[0]), end: f.document.positionAt(f.offsets[0] + 1) });
    assert.deepEqual(linesOf(CODE, '[Service]\nExecStartPre=-@@/bin/kill kill\nExecStartPre=-!!!/bin/kill\n'), [
      `2: ${CODE}: systemd ignores this ExecStartPre= line: "@" cannot follow the prefix "-@". Each of - @ : may appear once, and only one of +, ! or !! may be used.`,
      `3: ${CODE}: systemd ignores this ExecStartPre= line: "!" cannot follow the prefix "-!!". Each of - @ : may appear once, and only one of +, ! or !! may be used.`,
    ]);
  });

  it('reports relative paths, empty commands, directories, special characters and a missing argv[0]', () => {
    const text = ['[Service]', 'ExecStartPre=-./dockerd', 'ExecStartPre=- /bin/kill', 'ExecStartPre=-/usr/bin/', 'ExecStartPre=-/usr/bin/a\\"b', 'ExecReload=-@/bin/kill', ''].join('\n');
    assert.deepEqual(
      linesOf(CODE, text).map((l) => l.replace(/: systemd ignores this \w+= line: /, ': ').split('. ')[0]),
      [
        `2: ${CODE}: "./dockerd" is a relative path`,
        `3: ${CODE}: no command follows the prefix "-"`,
        `4: ${CODE}: the command "/usr/bin/" ends in "/", so it names a directory`,
        `5: ${CODE}: the command "/usr/bin/a"b" contains a quote, backslash or control character`,
        `6: ${CODE}: the prefix "@" takes the word after the path as argv[0], and there is none`,
      ],
    );
  });

  it('without the - prefix, systemd stops reading the file at the bad command', () => {
    const text = '[Service]\nExecStart=\nExecStart=./dockerd\nTimeoutStartSec=abc\nExecStart=/usr/bin/dockerd\n';
    assert.deepEqual(lines(text), [
      `2: execstart-missing: systemd refuses to load docker.service: this empty ExecStart= clears the dockerd command and no new one follows. Add "ExecStart=/usr/bin/dockerd …" after it, or remove it.`,
      `3: ${CODE}: systemd stops reading this file at this ExecStart= line (nothing below it applies): "./dockerd" is a relative path. Write an absolute path such as /usr/bin/dockerd, or a bare program name.`,
    ]);
  });

  it('leaves commands with specifiers or syntax errors to other rules', () => {
    assert.deepEqual(linesOf(CODE, '[Service]\nExecStartPre=%n/x\nExecStartPre="-./x\n'), []);
  });
});
