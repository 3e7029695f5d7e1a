import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../util/fixture';
import { renderDirective } from '../../../server/src/modes/systemdDropin/renderDocs';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(systemdDropinMode, 'file:///etc/systemd/system/docker.service.d/http-proxy.conf');
const complete = (source: string) => k.complete(source);

/** Applies the completion item labelled `label` as VS Code does and returns the new text. */
function accept(source: string, label: string): string {
  // The snippet's text as written: the kit's apply() fills in the placeholders.
  const item = k.complete(source).items.find((i) => i.label === label);
  assert.ok(item?.textEdit && 'range' in item.textEdit, `no item ${label} with a range`);
  const f = k.parse(source);
  return applyEdits(f.document, [item.textEdit]);
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

describe('drop-in completion ranges', () => {
  it('stay inside the document for a position past the end (#15 item 6)', () => {
    const document = TextDocument.create('file:///etc/systemd/system/docker.service.d/x.conf', 'plaintext', 1, '[Service]\nEnv');
    const list = systemdDropinMode.complete!(document, { line: 7, character: 40 }, systemdDropinMode.parse(document), modeContext());
    assert.ok(list.items.some((i) => i.label === 'Environment'));
    for (const item of list.items) {
      const edit = item.textEdit!;
      const range = 'range' in edit ? edit.range : edit.replace;
      for (const p of [range.start, range.end]) assert.deepEqual(document.positionAt(document.offsetAt(p)), p, `${item.label}: ${JSON.stringify(p)}`);
    }
  });
});
