import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDropin, spanOf } from '../../../server/src/modes/systemdDropin/parseDropin';
import { dropin, locsOf } from './dropinTestKit';

describe('parseDropin', () => {
  it('reads sections, assignments and comments with positions', () => {
    const f = dropin('# comment\n; other\n[Service]\n  Environment = $0A=1$0  \n[Unit]\nAfter=x\n');
    const doc = parseDropin(f.text);
    assert.deepEqual(
      doc.headers.map((h) => [h.name, h.line]),
      [
        ['Service', 2],
        ['Unit', 4],
      ],
    );
    assert.deepEqual(doc.commentLines, [0, 1]);
    const env = doc.assignments[0];
    assert.equal(env.key, 'Environment');
    assert.equal(env.section?.name, 'Service');
    assert.equal(env.value.text, 'A=1');
    assert.deepEqual(spanOf(env.value), { start: locsOf(f)[0], end: locsOf(f)[1] });
    assert.equal(doc.assignments[1].section?.name, 'Unit');
  });

  it('joins continuation lines with a space, skips comment lines inside them, and keeps offsets', () => {
    const f = dropin('[Service]\nEnvironment=A=1 \\\n# inside\n  $0B$0=2\n');
    const doc = parseDropin(f.text);
    assert.equal(doc.assignments.length, 1);
    const a = doc.assignments[0];
    assert.equal(a.value.text, 'A=1    B=2');
    assert.equal(a.firstLine, 1);
    assert.equal(a.lastLine, 3);
    const b = a.value.text.indexOf('B');
    assert.equal(a.value.offsets.get(b), locsOf(f)[0]);
  });

  it('does not continue after an escaped backslash, and parses a continuation at the end of the file', () => {
    assert.equal(parseDropin('[Service]\nEnvironment=A=x\\\\\nB=2\n').assignments.length, 2);
    const end = parseDropin('[Service]\nEnvironment=A=x\\');
    assert.equal(end.assignments[0].value.text, 'A=x');
  });

  it('stops at an invalid section header, as systemd does', () => {
    const doc = parseDropin('[Service]\nEnvironment=A=1\n[Service\nEnvironment=B=2\n');
    assert.equal(doc.assignments.length, 1);
    assert.equal(doc.problems[0].kind, 'invalid-section-header');
    assert.equal(doc.problems[0].text, '[Service');
  });

  it('reports lines without = or without a key, and assignments outside a section', () => {
    const doc = parseDropin('A=1\n[Service]\nJustAWord\n=x\r\n');
    assert.equal(doc.assignments[0].section, undefined);
    assert.deepEqual(
      doc.problems.map((p) => [p.kind, p.text]),
      [
        ['missing-equals', 'JustAWord'],
        ['missing-key', '=x'],
      ],
    );
  });
});
