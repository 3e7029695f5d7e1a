import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { lineStartsOf, parseSyntax } from '../../../server/src/modes/systemdDropin/parse';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { REPO_ROOT } from '../../util/lspClient';
import { modeContext, modeKit } from '../../util/modeKit';

const URI = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
const k = modeKit(systemdDropinMode, URI);

describe('drop-in parse', () => {
  it('reads sections, assignments and comments with offsets', () => {
    const f = k.parse('# comment\n; other\n[Service]\n  Environment = $0A=1$0  \n[Unit]\nAfter=x\n');
    const doc = f.model;
    assert.deepEqual(
      doc.headers.map((h) => [h.name, f.document.positionAt(h.span.start).line]),
      [
        ['Service', 2],
        ['Unit', 4],
      ],
    );
    // Comments are no logical lines.
    assert.deepEqual(
      doc.lines.map((l) => f.text.slice(l.span.start, l.span.end)),
      ['[Service]', 'Environment = A=1', '[Unit]', 'After=x'],
    );
    const env = doc.assignments[0];
    assert.equal(env.key, 'Environment');
    assert.equal(env.section?.name, 'Service');
    assert.equal(env.value.text, 'A=1');
    assert.deepEqual(env.value.offsets, [f.offsets[0], f.offsets[0] + 1, f.offsets[0] + 2, f.offsets[1]]);
    assert.equal(doc.assignments[1].section?.name, 'Unit');
  });

  it('joins continuation lines with a space, skips comment lines inside them, and keeps offsets', () => {
    const f = k.parse('[Service]\n$0Environment=A=1 \\\n# inside\n  $0B$0=2\n');
    const doc = f.model;
    assert.equal(doc.assignments.length, 1);
    const a = doc.assignments[0];
    assert.equal(a.value.text, 'A=1    B=2');
    assert.equal(a.lineStart, f.offsets[0]);
    const b = a.value.text.indexOf('B');
    assert.equal(a.value.offsets[b], f.offsets[1]);
    assert.equal(a.span.end, f.offsets[2] + 2);
  });

  it('does not continue after an escaped backslash, and parses a continuation at the end of the file', () => {
    assert.equal(parseSyntax('[Service]\nEnvironment=A=x\\\\\nB=2\n').assignments.length, 2);
    const end = parseSyntax('[Service]\nEnvironment=A=x\\');
    assert.equal(end.assignments[0].value.text, 'A=x');
  });

  it('stops at an invalid section header, as systemd does', () => {
    const doc = parseSyntax('[Service]\nEnvironment=A=1\n[Service\nEnvironment=B=2\n');
    assert.equal(doc.assignments.length, 1);
    assert.equal(doc.problems[0].kind, 'invalid-section-header');
    assert.equal(doc.problems[0].text, '[Service');
    assert.equal(doc.stopsAt, '[Service]\nEnvironment=A=1\n'.length);
  });

  it('reports lines without = or without a key, and assignments outside a section', () => {
    const doc = parseSyntax('A=1\n[Service]\nJustAWord\n=x\r\n');
    assert.equal(doc.assignments[0].section, undefined);
    assert.deepEqual(
      doc.problems.map((p) => [p.kind, p.text]),
      [
        ['missing-equals', 'JustAWord'],
        ['missing-key', '=x'],
      ],
    );
  });

  it('skips a byte-order mark at the start', () => {
    const doc = parseSyntax('\ufeff[Service]\nA=1\n');
    assert.deepEqual(
      doc.headers.map((h) => [h.name, h.span.start]),
      [['Service', 1]],
    );
  });
});

describe('drop-in line breaks are LSP line breaks (#15 item 5)', () => {
  it('breaks lines where the TextDocument does: \\n, \\r\\n and a lone \\r', () => {
    for (const text of ['a\rb\r\nc\nd', '\r\r\n\n', 'x\r', '', '\n\r']) {
      const doc = TextDocument.create(URI, 'plaintext', 1, text);
      const expected = Array.from({ length: doc.lineCount }, (_, line) => doc.offsetAt({ line, character: 0 }));
      assert.deepEqual(lineStartsOf(text), expected, JSON.stringify(text));
    }
  });

  it('places everything after a lone \\r where the editor shows it', () => {
    // Before #15 the parser broke lines only at \n: this whole text was one line for it,
    // and every range after the first \r pointed into the wrong place.
    const f = k.parse('[Service]\r$0Enviroment$0=A=1\rExecStart=/usr/bin/dockerd\r');
    assert.deepEqual(k.codes(f.text), ['2: unknown-directive', '3: execstart-not-reset']);
    const d = k.diagnostics(f.text).find((x) => x.code === 'unknown-directive')!;
    assert.deepEqual(d.range, f.range);
    assert.equal(k.applyFix(f.text, 'unknown-directive'), '[Service]\rEnvironment=A=1\rExecStart=/usr/bin/dockerd\r');
    assert.equal(k.applyFix(f.text, 'execstart-not-reset'), '[Service]\rEnviroment=A=1\rExecStart=\nExecStart=/usr/bin/dockerd\r');
    const symbols = systemdDropinMode.findDocumentSymbols!(f.document, f.model, modeContext());
    const lines = (s: DocumentSymbol): string[] => [`${s.name}@${s.selectionRange.start.line}:${s.selectionRange.start.character}`, ...(s.children ?? []).flatMap(lines)];
    assert.deepEqual(symbols.flatMap(lines), ['[Service]@0:0', 'Enviroment@1:0', 'ExecStart@2:0']);
    assert.match(k.hoverText('[Service]\rEnvironment=A=1\rExec$0Start=/usr/bin/dockerd\r'), /ExecStart=/);
    assert.equal(k.complete('[Service]\rEnvironment=A=1\rEnv$0').apply('Environment'), '[Service]\rEnvironment=A=1\rEnvironment=');
  });

  it('gives every verify fixture the same diagnostics with \\n, \\r\\n or \\r line breaks', () => {
    const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'systemdDropin', 'verify');
    const files = readdirSync(dir).filter((f) => f.endsWith('.conf'));
    assert.ok(files.length >= 10, 'fixtures missing');
    let some = 0;
    for (const name of files) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const expected = k.lines(text);
      if (expected.length > 0) some++;
      for (const eol of ['\r\n', '\r']) assert.deepEqual(k.lines(text.replace(/\n/g, eol)), expected, `${name} with ${JSON.stringify(eol)}`);
    }
    assert.ok(some >= 10, 'the fixtures have diagnostics to compare');
  });
});
