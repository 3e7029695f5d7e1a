import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TextEdit } from 'vscode-languageserver-types';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { applyEdits } from '../../util/fixture';
import { CTX, validate } from './dropinTestKit';

/** Applies the quick fix of the diagnostic with `code` and returns the new text. */
function fix(source: string, code: string): string {
  const { f, diagnostics } = validate(source);
  const d = diagnostics.filter((x) => x.code === code);
  assert.equal(d.length, 1, `expected one ${code}`);
  const actions = systemdDropinMode.getCodeActions!(f.document, d[0].range, d, systemdDropinMode.parse(f.document), CTX);
  assert.equal(actions.length, 1);
  return applyEdits(f.document, actions[0].edit!.changes![f.document.uri] as TextEdit[]);
}

describe('drop-in quick fixes', () => {
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
});
