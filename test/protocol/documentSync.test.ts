import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient } from '../util/lspClient';

type Position = { line: number; character: number };

/**
 * The server's copy of a document must not drift from the client's (#15 item 4): after
 * each edit below, the diagnostics of the edited document equal those of a fresh open of
 * the text the client expects. Diagnostics carry positions the server computes from its
 * line table, so a wrong table shows as shifted or out-of-range diagnostics.
 */
describe('document sync with ranges past the end and \\r\\n joined by an edit', () => {
  let client: LspClient;
  let fresh = 0;
  before(async () => {
    client = new LspClient({ settings: { validationDelay: 0 } });
    await client.initialize();
  });
  after(async () => {
    if (client.process.exitCode === null) await client.shutdown();
  });

  /** Diagnostics of `text` freshly opened under another daemon.json. */
  async function freshDiagnostics(text: string): Promise<Diagnostic[]> {
    const uri = `file:///fresh/${++fresh}/daemon.json`;
    client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    client.close(uri);
    return diags;
  }

  /** Applies the edits one by one, each checked against a fresh open of the text as the client has it. */
  async function check(start: string, edits: { range: { start: Position; end: Position }; text: string; expected: string }[]): Promise<void> {
    const uri = `file:///edited/${++fresh}/daemon.json`;
    client.open(uri, start);
    await client.diagnosticsFor(uri, 1);
    for (const e of edits) {
      const version = client.edit(uri, e.range, e.text);
      const diags = await client.diagnosticsFor(uri, version);
      assert.deepEqual(diags, await freshDiagnostics(e.expected), `after ${JSON.stringify(e.text)} at ${JSON.stringify(e.range)}`);
      assert.ok(diags.length > 0, 'the fixture keeps a finding, so positions are compared');
    }
    client.close(uri);
  }

  const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

  it('clamps a change whose range lies past the end of the document, and later edits land where they should', async () => {
    const text = '{\n  "mtu": "x"\n}';
    await check(text, [
      { range: { start: { line: 10, character: 0 }, end: { line: 11, character: 4 } }, text: '\n', expected: `${text}\n` },
      { range: at(0, 1), text: '\n  "bip": "bad",', expected: '{\n  "bip": "bad",\n  "mtu": "x"\n}\n' },
      { range: at(1, 99), text: ' ', expected: '{\n  "bip": "bad", \n  "mtu": "x"\n}\n' },
      { range: at(2, 0), text: '  "ipv6": 1,\n', expected: '{\n  "bip": "bad", \n  "ipv6": 1,\n  "mtu": "x"\n}\n' },
    ]);
  });

  it('sees one line break where an edit joins a \\r with a \\n', async () => {
    // A lone \r is a line break of its own in LSP; with a \n right after it, the two are one.
    await check('{\n  "mtu": "x",\rX\n  "bip": "bad"\n}', [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, text: '', expected: '{\n  "mtu": "x",\r\n  "bip": "bad"\n}' },
    ]);
    await check('{\n  "mtu": "x",\n  "bip": "bad"\n}', [
      { range: at(1, 13), text: '\r', expected: '{\n  "mtu": "x",\r\n  "bip": "bad"\n}' },
      { range: at(2, 14), text: '\r', expected: '{\n  "mtu": "x",\r\n  "bip": "bad"\r\n}' },
    ]);
    await check('{\r  "mtu": "x",\r  "bip": "bad"\n}', [
      { range: at(1, 0), text: '\n', expected: '{\r\n  "mtu": "x",\r  "bip": "bad"\n}' },
      { range: at(2, 0), text: '\n  "ipv6": 1,', expected: '{\r\n  "mtu": "x",\r\n  "ipv6": 1,  "bip": "bad"\n}' },
    ]);
  });
});

describe('request positions past the end', () => {
  it('are taken as the end of the line or document, so every range returned is inside the text (#15 item 6)', async () => {
    const client = new LspClient({ settings: { validationDelay: 0 } });
    try {
      await client.initialize();
      const docs = [
        ['file:///etc/systemd/system/docker.service.d/http-proxy.conf', '[Service]\nEnv'],
        ['file:///etc/docker/daemon.json', '{\n  "deb'],
        ['file:///srv/app/compose.yaml', 'services:\n  web:\n    netw'],
      ];
      for (const [uri, text] of docs) {
        client.open(uri, text);
        await client.diagnosticsFor(uri, 1);
        const lines = text.split('\n');
        for (const position of [{ line: 40, character: 3 }, { line: lines.length - 1, character: 500 }]) {
          const list = await client.request<{ items: { label: string; textEdit?: { range: { start: Position; end: Position } } }[] }>('textDocument/completion', { textDocument: { uri }, position });
          assert.ok(list.items.length > 0, `${uri} at ${JSON.stringify(position)}: completion answers`);
          for (const item of list.items) {
            const r = item.textEdit?.range;
            if (!r) continue;
            for (const p of [r.start, r.end]) {
              assert.ok(p.line < lines.length && p.character <= lines[p.line].length, `${uri}: "${item.label}" has ${JSON.stringify(r)} outside the text`);
            }
          }
        }
      }
    } finally {
      await client.shutdown();
    }
  });
});
