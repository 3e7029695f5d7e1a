import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DropinModel } from '../../../server/src/modes/systemdDropin/dropinModel';
import type { Span } from '../../../server/src/modes/systemdDropin/parseDropin';
import { DOCUMENT_RULES, LINE_RULES } from '../../../server/src/modes/systemdDropin/rules/allRules';
import { systemdDropinMode as mode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { REPO_ROOT } from '../../util/lspClient';
import { prng } from '../../util/prng';
import { randomEdit } from '../../util/randomEdit';
import { CTX, DROPIN_URI } from './dropinTestKit';

/**
 * The drop-in mode re-parses only the lines an edit touched and keeps the verdicts of
 * the others (parseDropin.ts, validateDropin.ts; #8). Whatever the edits, the result
 * must be exactly what a parse from scratch gives.
 */

const VERIFY_DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'systemdDropin', 'verify');
const FIXTURES = readdirSync(VERIFY_DIR)
  .filter((f) => f.endsWith('.conf'))
  .map((f) => readFileSync(path.join(VERIFY_DIR, f), 'utf8'));

/** What an edit may insert: single characters that change how a line parses, and whole lines. */
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
  ' \\\n',
  '\n[Service]\n',
  '\n[Unit]\n',
  '\n[Service\n',
  '\nEnvironment="HTTP_PROXY=http://u:p@proxy:3128" http_proxy=http://other:1\n',
  '\nEnvironment=NO_PROXY=localhost,*.x,10.0.0.0/33 HTTPS_PROXY=%H:1\n',
  '\nExecStart=\nExecStart=/usr/bin/dockerd\n',
  '\nExecStart=-relative\n',
  '\nEnvironment=\n',
  '\nTimeoutStartSec=5 min\n',
];

/** The parts of a model a feature can see, as plain data. */
function snapshot(m: DropinModel): unknown {
  const s = (x: Span) => [x.start, x.end];
  return {
    headers: m.doc.headers.map((h) => [h.name, s(h.span), s(h.nameSpan), h.line]),
    assignments: m.doc.assignments.map((a) => [a.section?.line, a.key, s(a.keySpan), a.value.text, a.value.offsets.toArray(), s(a.span), a.firstLine, a.lastLine]),
    problems: m.doc.problems.map((p) => [p.kind, p.text, s(p.span), p.firstLine, p.lastLine]),
    stopsAt: m.doc.stopsAt,
    commentLines: m.doc.commentLines,
    effective: m.effective.map((a) => [a.section.name, a.key, a.firstLine]),
    environment: m.environment.map((l) => [
      l.reset,
      l.split.error ? [l.split.error.kind, s(l.split.error.span), s(l.split.error.dropped)] : null,
      l.words.map((w) => [
        w.name,
        w.value,
        w.problem ?? null,
        w.badSpecifier,
        s(w.nameSpan),
        s(w.valueSpan),
        s(w.word.span),
        w.valueOffsets.toArray(),
        w.resolved.uses.map((u) => [u.letter, u.known, s(u.span)]),
      ]),
    ]),
    variables: m.variables.map((w) => [w.name, w.nameSpan.start]),
    notRead: m.notRead,
  };
}

const RULES = [...LINE_RULES, ...DOCUMENT_RULES];

function sorted(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => JSON.stringify(d)).sort();
}

const MIX = { insert: 0.6, remove: 0.9 };

describe('incremental drop-in parse', () => {
  it('gives the model, diagnostics, outline and hover of a parse from scratch after every edit', () => {
    const rand = prng(8);
    let checked = 0;
    for (const [n, start] of FIXTURES.entries()) {
      let text = start;
      let doc = TextDocument.create(DROPIN_URI, 'plaintext', 1, text);
      let model = mode.parse(doc);
      mode.doValidation!(doc, model, CTX);
      for (let step = 0; step < 40; step++) {
        text = randomEdit(text, rand, INSERTS, MIX);
        doc = TextDocument.create(DROPIN_URI, 'plaintext', doc.version + 1, text);
        const incremental = mode.parse(doc, model);
        const fresh = mode.parse(TextDocument.create(DROPIN_URI, 'plaintext', doc.version, text));
        const where = `fixture ${n}, step ${step}: ${JSON.stringify(text)}`;
        assert.deepEqual(snapshot(incremental), snapshot(fresh), where);
        const diagnostics = mode.doValidation!(doc, incremental, CTX);
        assert.deepEqual(diagnostics, mode.doValidation!(doc, fresh, CTX), where);
        // And the kept verdicts are what every rule says when simply run on the whole file.
        assert.deepEqual(sorted(diagnostics), sorted(RULES.flatMap((rule) => rule({ document: doc, model: fresh }))), where);
        assert.deepEqual(mode.findDocumentSymbols!(doc, incremental, CTX), mode.findDocumentSymbols!(doc, fresh, CTX), where);
        const position = doc.positionAt(Math.floor(rand() * (text.length + 1)));
        assert.deepEqual(mode.doHover!(doc, position, incremental, CTX), mode.doHover!(doc, position, fresh, CTX), where);
        model = incremental;
        checked++;
      }
    }
    assert.equal(checked, FIXTURES.length * 40);
  });

  it('takes over every line but the edited one when a character is typed, and shares their verdicts', () => {
    const text = FIXTURES.find((t) => t.includes('Environment='))!;
    const before = TextDocument.create(DROPIN_URI, 'plaintext', 1, text);
    const model = mode.parse(before);
    const diagnostics = mode.doValidation!(before, model, CTX);
    const envLine = model.doc.assignments.find((a) => a.key === 'Environment')!.firstLine;
    const after = TextDocument.update(before, [{ range: { start: { line: envLine, character: 0 }, end: { line: envLine, character: 0 } }, text: ' ' }], 2);
    const next = mode.parse(after, model);
    const changed = next.doc.lines.filter((r) => !model.doc.lines.includes(r));
    assert.deepEqual(
      changed.map((r) => r.firstLine),
      [envLine],
    );
    const again = mode.doValidation!(after, next, CTX);
    // Verdicts on other lines are the very objects computed before.
    const elsewhere = again.filter((d) => d.range.start.line !== envLine);
    assert.ok(elsewhere.every((d) => diagnostics.includes(d)));
  });
});
