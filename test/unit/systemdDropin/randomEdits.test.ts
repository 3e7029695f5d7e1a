import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../../server/src/diagnostics';
import type { OffsetRange } from '../../../server/src/modes/languageMode';
import { systemdDropinMode as mode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { REPO_ROOT } from '../../util/lspClient';
import { modeContext } from '../../util/modeKit';
import { prng } from '../../util/prng';
import { randomEdit } from '../../util/randomEdit';

/**
 * The drop-in parse is pure and whole-file (#14): whatever the edits before, the
 * diagnostics of a text are those of a fresh parse of that text, and every range lies
 * inside the document. (It replaces the test of the former incremental parser, which
 * passed with no fixtures at all, #14; hence the guards on what was checked.)
 */

const URI = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
/** A new file of the same name and folder kind for each check: nothing a parse might keep per URI can reach it. */
const freshUri = (n: number) => `file:///srv/fresh-${n}/docker.service.d/http-proxy.conf`;
const VERIFY_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'systemdDropin', 'verify');
const FIXTURES = readdirSync(VERIFY_DIR)
  .filter((f) => f.endsWith('.conf'))
  .map((f) => readFileSync(path.join(VERIFY_DIR, f), 'utf8'));

/** What an edit may insert: characters that change how a line parses (line breaks of every kind among them), and whole lines. */
const INSERTS = [
  'x',
  ' ',
  '=',
  '"',
  "'",
  '\\',
  '%',
  '#',
  '[',
  ']',
  '\n',
  '\r\n',
  '\r',
  ' \\\n',
  ' \\\r',
  '\n[Service]\n',
  '\n[Unit]\n',
  '\n[Service\n',
  '\nEnvironment="HTTP_PROXY=http://u:p@proxy:3128" http_proxy=http://other:1\n',
  '\nEnvironment=NO_PROXY=localhost,*.x,10.0.0.0/33 HTTPS_PROXY=%H:1 B=%Q\n',
  '\nExecStart=\nExecStart=/usr/bin/dockerd\n',
  '\nExecStart=-relative\n',
  '\nEnvironment=\n',
  '\nTimeoutStartSec=5 min\n',
  '\nEnviroment=A=1 #c\n',
];

const MIX = { insert: 0.6, remove: 0.9 };
const STEPS = 40;

function inside(text: string, [start, end]: OffsetRange, where: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length, `range [${start}, ${end}] outside 0…${text.length}: ${where}`);
}

function insideDocument(document: TextDocument, range: Range, where: string): void {
  for (const p of [range.start, range.end]) assert.deepEqual(document.positionAt(document.offsetAt(p)), p, `position ${JSON.stringify(p)} outside the document: ${where}`);
}

function symbolRanges(symbols: readonly DocumentSymbol[]): Range[] {
  return symbols.flatMap((s) => [s.range, s.selectionRange, ...symbolRanges(s.children ?? [])]);
}

describe('drop-in mode under random edits', () => {
  it('has fixtures to edit', () => assert.ok(FIXTURES.length >= 10, `only ${FIXTURES.length} fixtures in ${VERIFY_DIR}`));

  it('keeps every range inside the document and gives the diagnostics of a fresh parse after every edit', () => {
    const rand = prng(14);
    const ctx = modeContext();
    let checked = 0;
    let problems = 0;
    let fixes = 0;
    for (const [n, start] of FIXTURES.entries()) {
      let text = start;
      for (let step = 0; step < STEPS; step++) {
        text = randomEdit(text, rand, INSERTS, MIX);
        const where = `fixture ${n}, step ${step}: ${JSON.stringify(text)}`;
        const document = TextDocument.create(URI, 'plaintext', step + 2, text);
        const model = mode.parse(document);
        const found = mode.validate!(model, ctx);
        for (const p of found) {
          inside(text, p.range, `${p.code}, ${where}`);
          for (const r of p.related ?? []) inside(text, r.range, `${p.code} related, ${where}`);
          for (const fix of p.fixes ?? []) {
            // Every fix offered resolves on the text it was made for, inside the document.
            const edits = mode.resolveFix!(document, model, JSON.parse(JSON.stringify(fix)), ctx);
            assert.ok(edits, `${p.code}: fix "${fix.title}" does not resolve on its own text: ${where}`);
            for (const e of edits) inside(text, e.range, `${p.code} fix, ${where}`);
            fixes++;
          }
        }
        problems += found.length;
        const fresh = TextDocument.create(freshUri(checked), 'plaintext', 1, text);
        assert.deepEqual(toDiagnostics(document, found), toDiagnostics(fresh, mode.validate!(mode.parse(fresh), ctx)), where);
        for (const r of symbolRanges(mode.findDocumentSymbols!(document, model, ctx))) insideDocument(document, r, `symbol, ${where}`);
        const position = document.positionAt(Math.floor(rand() * (text.length + 1)));
        const hover = mode.hover!(document, position, model, ctx);
        if (hover?.range) insideDocument(document, hover.range, `hover, ${where}`);
        for (const item of mode.complete!(document, position, model, ctx).items) {
          const edit = item.textEdit;
          if (edit) insideDocument(document, 'range' in edit ? edit.range : edit.replace, `completion ${item.label}, ${where}`);
        }
        checked++;
      }
    }
    assert.equal(checked, FIXTURES.length * STEPS);
    // The edits produced something to check.
    assert.ok(problems > checked, `only ${problems} problems in ${checked} texts`);
    assert.ok(fixes > 50, `only ${fixes} fixes`);
  });
});
