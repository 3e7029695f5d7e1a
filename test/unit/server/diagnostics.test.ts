import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { MAX_DIAGNOSTICS, toDiagnostics } from '../../../server/src/diagnostics';
import type { Problem } from '../../../server/src/modes/languageMode';

const doc = TextDocument.create('file:///etc/docker/daemon.json', 'json', 1, 'x'.repeat(5000) + '\n');
const problem = (i: number, code = 'c'): Problem => ({ range: [i, i + 1], severity: 'warning', code, message: `m${i}` });

describe('problems to diagnostics', () => {
  it('converts offsets, severity, tags, related locations and fixes', () => {
    const [d] = toDiagnostics(doc, [
      { range: [1, 3], severity: 'hint', code: 'x', message: 'm', tags: ['deprecated'], related: [{ range: [4, 5], message: 'here' }], fixes: [{ title: 'Fix it' }] },
    ]);
    assert.deepEqual(d.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } });
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(d.tags, [2]);
    assert.equal(d.relatedInformation?.[0].location.range.start.character, 4);
    assert.deepEqual(d.data, { fixes: [{ title: 'Fix it' }] });
  });

  it('reports a place once when a rule reports it twice (a YAML anchor merged into two services)', () => {
    assert.equal(toDiagnostics(doc, [problem(1), problem(1), problem(1, 'other')]).length, 2);
  });

  it(`lists at most ${MAX_DIAGNOSTICS}, then says how many more there are (#15)`, () => {
    const out = toDiagnostics(doc, Array.from({ length: 4000 }, (_, i) => problem(i)));
    assert.equal(out.length, MAX_DIAGNOSTICS + 1);
    const last = out[out.length - 1];
    assert.equal(last.code, 'too-many-problems');
    assert.equal(last.severity, DiagnosticSeverity.Information);
    assert.match(last.message, /^3000 more problems are not shown/);
    assert.equal(last.range.start.character, MAX_DIAGNOSTICS);
    assert.equal(toDiagnostics(doc, Array.from({ length: MAX_DIAGNOSTICS }, (_, i) => problem(i))).length, MAX_DIAGNOSTICS);
  });
});
