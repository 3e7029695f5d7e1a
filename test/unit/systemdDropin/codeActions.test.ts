import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DropinFix } from '../../../server/src/modes/systemdDropin/model';
import { systemdDropinMode as mode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { applyEdits } from '../../util/fixture';
import { modeContext, modeKit } from '../../util/modeKit';

const URI = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
const k = modeKit(mode, URI);

/** The text after the one quick fix of the one diagnostic with `code`. */
function fix(source: string, code: string): string {
  const found = k.problems(source).filter((p) => p.code === code);
  assert.equal(found.length, 1, `expected one ${code}`);
  assert.equal(found[0].fixes?.length, 1);
  return k.applyFix(source, code);
}

/**
 * The fix the problem with `code` offered on `before`, resolved at code-action time
 * against `after` (the user typed in between): the text it gives, or undefined when it is refused.
 */
function fixAfterEdit(before: string, code: string, after: string): string | undefined {
  const ctx = modeContext();
  const problem = mode.validate!(mode.parse(TextDocument.create(URI, 'plaintext', 1, before)), ctx).find((p) => p.code === code);
  assert.ok(problem?.fixes?.[0], `no ${code} fix`);
  // Through JSON, as the descriptor travels to the client and back in Diagnostic.data.
  const descriptor = JSON.parse(JSON.stringify(problem.fixes[0])) as DropinFix;
  const document = TextDocument.create(URI, 'plaintext', 2, after);
  const edits = mode.resolveFix!(document, mode.parse(document), descriptor, ctx);
  return edits && applyEdits(document, edits.map((e) => ({ range: { start: document.positionAt(e.range[0]), end: document.positionAt(e.range[1]) }, newText: e.newText })));
}

describe('drop-in quick fixes', () => {
  it('removes a line systemd ignores, continuation lines and all, and refuses once the line changed', () => {
    assert.equal(fix('[Service]\nCapabilities=x \\\n  y\nEnvironment="A=1"\n', 'removed-directive'), '[Service]\nEnvironment="A=1"\n');
    assert.equal(fix('[Service]\nEnvironment="A=1"\nTimeoutStartSec=', 'invalid-value'), '[Service]\nEnvironment="A=1"\n');
    assert.equal(fixAfterEdit('[Service]\nCapabilities=x\n', 'removed-directive', '[Service]\nCapabilities=xy\n'), undefined);
    assert.equal(fixAfterEdit('[Service]\nCapabilities=x\n', 'removed-directive', '# note\n[Service]\nCapabilities=x\n'), '# note\n[Service]\n');
    // Lines ended by \r\n or a lone \r, as systemd reads them: only the one line goes.
    assert.equal(fix('[Service]\r\nCapabilities=x\r\nEnvironment="A=1"\r\n', 'removed-directive'), '[Service]\r\nEnvironment="A=1"\r\n');
    assert.equal(fix('[Service]\rCapabilities=x\rEnvironment="A=1"\r', 'removed-directive'), '[Service]\rEnvironment="A=1"\r');
  });
  it('Enviroment → Environment', () => {
    assert.equal(fix('[Service]\nEnviroment="A=1"\n', 'unknown-directive'), '[Service]\nEnvironment="A=1"\n');
  });
  it('adds the [Service] header', () => {
    assert.equal(fix('Environment="A=1"\n', 'assignment-outside-section'), '[Service]\nEnvironment="A=1"\n');
  });
  it('inserts the ExecStart= reset line', () => {
    assert.equal(fix('[Service]\nExecStart=/usr/bin/dockerd\n', 'execstart-not-reset'), '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd\n');
  });
  it('[service] → [Service]', () => {
    assert.equal(fix('[service]\n', 'unknown-section'), '[Service]\n');
  });
  it('percent-encodes a character of the password for systemd', () => {
    assert.equal(
      fix('[Service]\nEnvironment="HTTP_PROXY=http://u:a#b@p:1"\n', 'proxy-url-needs-encoding'),
      '[Service]\nEnvironment="HTTP_PROXY=http://u:a%%23b@p:1"\n',
    );
  });
  it('moves an inline comment to its own line', () => {
    assert.equal(fix('[Service]\nEnvironment=A=1 #note\n', 'invalid-environment-assignment'), '[Service]\n#note\nEnvironment=A=1 \n');
  });
  it('renames a proxy variable look-alike', () => {
    assert.equal(fix('[Service]\nEnvironment=A=1 Http-Proxy=http://p:1\n', 'proxy-name-lookalike'), '[Service]\nEnvironment=A=1 HTTP_PROXY=http://p:1\n');
  });
  it('doubles the % of an unknown specifier, in Environment= and in other directives', () => {
    assert.equal(fix('[Service]\nEnvironment=A=1 B=%Q\n', 'unknown-specifier'), '[Service]\nEnvironment=A=1 B=%%Q\n');
    assert.equal(fix('[Unit]\nDescription=x %z\n', 'unknown-specifier'), '[Unit]\nDescription=x %%z\n');
  });
  it('doubles the % of a known specifier that swallows a percent-encoding', () => {
    assert.equal(fix('[Service]\nEnvironment="HTTP_PROXY=http://u:p%C3@proxy:3128"\n', 'proxy-specifier-in-url'), '[Service]\nEnvironment="HTTP_PROXY=http://u:p%%C3@proxy:3128"\n');
  });
});

describe('drop-in quick fixes resolved after more typing (#14)', () => {
  it('land on their target when the text moved', () => {
    assert.equal(fixAfterEdit('[Service]\nEnviroment=A=1\n', 'unknown-directive', '# new comment\n[Service]\nX=1\n  Enviroment=A=1\n'), '# new comment\n[Service]\nX=1\n  Environment=A=1\n');
    assert.equal(
      fixAfterEdit('[Service]\nEnvironment="HTTP_PROXY=http://u:a#b@p:1"\n', 'proxy-url-needs-encoding', '[Service]\nEnvironment=A=1 B=2 "HTTP_PROXY=http://u:a#b@p:1"\n'),
      '[Service]\nEnvironment=A=1 B=2 "HTTP_PROXY=http://u:a%%23b@p:1"\n',
    );
    assert.equal(fixAfterEdit('[Service]\nExecStart=/usr/bin/dockerd\n', 'execstart-not-reset', '[Service]\nType=notify\nExecStart=/usr/bin/dockerd\n'), '[Service]\nType=notify\nExecStart=\nExecStart=/usr/bin/dockerd\n');
    assert.equal(fixAfterEdit('[service]\n', 'unknown-section', '# x\r\n[service]\r\n'), '# x\r\n[Service]\r\n');
    assert.equal(fixAfterEdit('[Service]\nEnvironment=A=1 #note\n', 'invalid-environment-assignment', '[Service]\n# top\nEnvironment=A=1 #note\n'), '[Service]\n# top\n#note\nEnvironment=A=1 \n');
  });

  it('are refused when their target is gone or its text changed', () => {
    // Corrected by hand in the meantime.
    assert.equal(fixAfterEdit('[Service]\nEnviroment=A=1\n', 'unknown-directive', '[Service]\nEnvironment=A=1\n'), undefined);
    // The header was added by hand.
    assert.equal(fixAfterEdit('Environment=A=1\n', 'assignment-outside-section', '[Service]\nEnvironment=A=1\n'), undefined);
    // The command changed.
    assert.equal(fixAfterEdit('[Service]\nExecStart=/usr/bin/dockerd\n', 'execstart-not-reset', '[Service]\nExecStart=/usr/bin/dockerd -D\n'), undefined);
    // The character is no longer there.
    assert.equal(fixAfterEdit('[Service]\nEnvironment="HTTP_PROXY=http://u:a#b@p:1"\n', 'proxy-url-needs-encoding', '[Service]\nEnvironment="HTTP_PROXY=http://u:ab@p:1"\n'), undefined);
    // Another Environment= line came first: the first one has no comment.
    assert.equal(fixAfterEdit('[Service]\nEnvironment=A=1 #note\n', 'invalid-environment-assignment', '[Service]\nEnvironment=B=2\nEnvironment=A=1 #note\n'), undefined);
    // The comment was edited.
    assert.equal(fixAfterEdit('[Service]\nEnvironment=A=1 #note\n', 'invalid-environment-assignment', '[Service]\nEnvironment=A=1 #notes\n'), undefined);
    // The specifier became another one.
    assert.equal(fixAfterEdit('[Service]\nEnvironment=B=%Q\n', 'unknown-specifier', '[Service]\nEnvironment=B=%R\n'), undefined);
    assert.equal(fixAfterEdit('[service]\n', 'unknown-section', '[Service]\n'), undefined);
  });

  it('refuse a descriptor that is not one of theirs', () => {
    const document = TextDocument.create(URI, 'plaintext', 1, '[Service]\nEnviroment=A=1\n');
    const model = mode.parse(document);
    for (const junk of [{ title: 'x' }, { title: 'x', kind: 'rename-directive' }, { title: 'x', kind: 'rename-directive', at: 3 }, { title: 'x', kind: 'nope', at: {} }]) {
      assert.equal(mode.resolveFix!(document, model, junk as unknown as DropinFix, modeContext()), undefined, JSON.stringify(junk));
    }
  });
});
