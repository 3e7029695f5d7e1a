import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { actionEdits, useServer } from '../util/lspClient';

/**
 * Quick fixes are resolved when the user asks for them, against the text as it is then,
 * and sent as edits of that version (#14): typing between validation and the light bulb
 * must never make a fix land in the wrong place. Each case opens a file with a fixable
 * problem, keeps the published diagnostic, edits the document, and asks for code actions
 * with the OLD diagnostic, as VS Code does while the new diagnostics are still on their way.
 */
interface Case {
  name: string;
  uri: string;
  text: string;
  code: string;
  /** The text as the fix should leave it, for any text that still holds the problem. */
  fixed: (text: string) => string;
  /** An edit that moves the problem (lines inserted above it). */
  moved: { at: { line: number; character: number }; insert: string };
  /** Whole new text in which the problem is gone. */
  gone: string;
}

const CASES: Case[] = [
  {
    name: 'daemon.json singular-key',
    uri: 'file:///etc/docker/daemon.json',
    text: '{\n  "debug": true,\n  "label": ["a=b"]\n}\n',
    code: 'singular-key',
    fixed: (t) => t.replace('"label"', '"labels"'),
    moved: { at: { line: 1, character: 0 }, insert: '  "mtu": 1400,\n  "ipv6": false,\n' },
    gone: '{\n  "debug": true,\n  "labels": ["a=b"]\n}\n',
  },
  {
    name: 'drop-in misspelt directive',
    uri: 'file:///etc/systemd/system/docker.service.d/http-proxy.conf',
    text: '[Service]\nEnviroment=A=1\n',
    code: 'unknown-directive',
    fixed: (t) => t.replace('Enviroment=', 'Environment='),
    moved: { at: { line: 1, character: 0 }, insert: 'Environment=B=2\nEnvironment=C=3\n' },
    gone: '[Service]\nEnvironment=A=1\n',
  },
];

describe('quick fixes asked for after the text changed (#14)', () => {
  const server = useServer();

  async function codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return server().request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
  }

  /** Every action edits the document's current version, and applied to the current text gives `expected`. */
  function assertActionsFit(c: Case, actions: CodeAction[], version: number, current: string, expected: string): void {
    for (const action of actions) {
      const { version: editVersion, edits } = actionEdits(action, c.uri);
      assert.equal(editVersion, version, `"${action.title}" edits version ${editVersion}, the document is at ${version}`);
      const applied = TextDocument.applyEdits(TextDocument.create(c.uri, 'plaintext', version, current), edits);
      assert.equal(applied, expected, `"${action.title}" applied to version ${version}`);
    }
  }

  for (const c of CASES) {
    it(`${c.name}: offered on the validated text, right or refused after lines are inserted above, refused once the problem is gone`, async () => {
      server().open(c.uri, c.text);
      const old = (await server().diagnosticsFor(c.uri, 1)).find((d) => d.code === c.code);
      assert.ok(old, `a ${c.code} diagnostic`);

      // Nothing changed: the fix is offered, for version 1.
      const first = await codeActions(c.uri, old);
      assert.ok(first.length > 0, 'a fix is offered while the text is as validated');
      assertActionsFit(c, first, 1, c.text, c.fixed(c.text));

      // Lines typed above the problem; the request carries the diagnostic of version 1.
      // didChange is a notification the server handles before the request that follows it.
      const movedText = TextDocument.applyEdits(TextDocument.create(c.uri, 'plaintext', 1, c.text), [
        { range: { start: c.moved.at, end: c.moved.at }, newText: c.moved.insert },
      ]);
      const v2 = server().edit(c.uri, { start: c.moved.at, end: c.moved.at }, c.moved.insert);
      // A mode may refuse a fix whose text moved, or re-find its target: either way no
      // offered edit may land anywhere but on the problem in the current text.
      assertActionsFit(c, await codeActions(c.uri, old), v2, movedText, c.fixed(movedText));

      // The problem fixed by hand: the old diagnostic's fix has nothing left to do.
      const v3 = server().change(c.uri, c.gone);
      const stale = await codeActions(c.uri, old);
      assert.deepEqual(
        stale.map((a) => a.title),
        [],
        `nothing is offered for version ${v3}, where the problem is gone`,
      );
      server().close(c.uri);
    });
  }
});
