import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { renderDirective } from '../../../server/src/modes/systemdDropin/renderDocs';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { applyEdits } from '../../util/fixture';
import { CTX, dropin } from './dropinTestKit';

function complete(source: string) {
  const f = dropin(source);
  const list = systemdDropinMode.doComplete!(f.document, f.position, systemdDropinMode.parse(f.document), CTX);
  return { f, items: list.items };
}

/** Applies the completion item labelled `label` and returns the new text. */
function accept(source: string, label: string): string {
  const { f, items } = complete(source);
  const item = items.find((i: CompletionItem) => i.label === label);
  assert.ok(item, `no item ${label} among ${items.map((i) => i.label).join(', ')}`);
  return applyEdits(f.document, [item.textEdit as TextEdit]);
}

describe('drop-in completion', () => {
  it('completes section headers on a [ line', () => {
    assert.equal(accept('[Ser$0]\n', '[Service]'), '[Service]\n');
    const { items } = complete('[$0');
    assert.deepEqual(
      items.map((i) => i.label),
      ['[Unit]', '[Service]', '[Install]'],
    );
  });

  it('offers section headers and the snippets before any section', () => {
    const { items } = complete('$0');
    assert.ok(items.some((i) => i.label === '[Service]'));
    assert.equal(
      accept('pro$0', 'proxy'),
      '[Service]\nEnvironment="HTTP_PROXY=${1:http://proxy.example.com:3128}"\nEnvironment="HTTPS_PROXY=${2:$1}"\nEnvironment="NO_PROXY=${3:localhost,127.0.0.1,.example.com}"\n$0',
    );
  });

  it('offers the ExecStart override snippet inside [Service] without a second header', () => {
    assert.equal(
      accept('[Service]\nexec$0\n', 'execstart'),
      '[Service]\nExecStart=\nExecStart=${1:/usr/bin/dockerd}${2: --containerd=/run/containerd/containerd.sock}\n$0\n',
    );
  });

  it('completes directives of the current section, the drop-in ones first', () => {
    const { items } = complete('[Service]\nEnv$0\n');
    const env = items.find((i) => i.label === 'Environment');
    assert.ok(env);
    assert.equal(env.sortText, '0Environment');
    // One renderer: completion documentation is the hover text.
    assert.deepEqual(env.documentation, { kind: 'markdown', value: renderDirective('Service', 'Environment') });
    assert.ok(items.some((i) => i.label === 'ProtectSystem' && i.sortText === '1ProtectSystem'));
    assert.ok(!items.some((i) => i.label === 'After'), 'After= belongs to [Unit]');
    assert.equal(accept('[Service]\nEnv$0\n', 'Environment'), '[Service]\nEnvironment=\n');
    assert.equal(accept('[Unit]\n  Aft$0\n', 'After'), '[Unit]\n  After=\n');
  });

  it('offers the proxy variables as quoted skeletons inside Environment=', () => {
    assert.equal(accept('[Service]\nEnvironment=$0\n', 'HTTP_PROXY'), '[Service]\nEnvironment="HTTP_PROXY=${1:http://proxy.example.com:3128}"\n');
    assert.equal(accept('[Service]\nEnvironment=A=1 "NO$0\n', 'NO_PROXY'), '[Service]\nEnvironment=A=1 "NO_PROXY=${1:localhost,127.0.0.1,.example.com}"\n');
    assert.deepEqual(complete('[Service]\nEnvironment="HTTP_PROXY=$0\n').items, []);
  });

  it('completes the values of enum directives', () => {
    assert.equal(accept('[Service]\nRestart=on-$0\n', 'on-failure'), '[Service]\nRestart=on-failure\n');
    assert.ok(complete('[Service]\nDelegate=$0\n').items.some((i) => i.label === 'yes'));
  });

  it('offers nothing in a comment', () => {
    assert.deepEqual(complete('[Service]\n# Env$0\n').items, []);
  });
});
