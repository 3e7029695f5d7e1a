import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSyntax } from '../../../server/src/modes/systemdDropin/parse';
import { splitQuoted, splitWords, type Word } from '../../../server/src/modes/systemdDropin/splitWords';
import { fixture } from '../../util/fixture';

const dropin = (source: string) => fixture(source, 'file:///etc/systemd/system/docker.service.d/http-proxy.conf', 'plaintext');

function split(value: string) {
  return splitWords(parseSyntax(`[Service]\nEnvironment=${value}\n`).assignments[0].value);
}

describe('splitWords (Environment= words)', () => {
  it('removes quotes anywhere in a word, as systemd 252 does', () => {
    assert.deepEqual(
      split(`'SQ=a b' "DQ=c d" PLAIN=e TRAIL="x"y A"B=1"`).words.map((w) => w.text),
      ['SQ=a b', 'DQ=c d', 'PLAIN=e', 'TRAIL=xy', 'AB=1'],
    );
  });

  it('decodes C escapes', () => {
    assert.deepEqual(
      split(String.raw`"A=x\x41\s\u00e9\101\\\""`).words.map((w) => w.text),
      ['A=xA é' + 'A\\"'],
    );
  });

  it('keeps the words before a syntax error and points at the error', () => {
    const f = dropin('[Service]\nEnvironment=A=1 ESC="a$0\\q$0b" C=3\n');
    const r = splitWords(parseSyntax(f.text).assignments[0].value);
    assert.deepEqual(
      r.words.map((w) => w.text),
      ['A=1'],
    );
    assert.equal(r.error?.kind, 'unknown-escape');
    assert.deepEqual(r.error?.span, { start: f.offsets[0], end: f.offsets[1] });
  });

  it('reports an unterminated quote at the quote, and a trailing backslash', () => {
    const f = dropin('[Service]\nEnvironment=$0"$0UNTERMINATED=abc\n');
    const r = splitWords(parseSyntax(f.text).assignments[0].value);
    assert.equal(r.error?.kind, 'unterminated-quote');
    assert.deepEqual(r.error?.span, { start: f.offsets[0], end: f.offsets[1] });
    assert.equal(split('Z=1 A=x\\ ').error?.kind, 'trailing-backslash');
  });

  it('maps every character back to the document', () => {
    const f = dropin('[Service]\nEnvironment="A=$0x y"\n');
    const w = splitWords(parseSyntax(f.text).assignments[0].value).words[0];
    assert.equal(w.offsets[w.text.indexOf('x')], f.offsets[0]);
    assert.equal(f.text.slice(w.span.start, w.span.end), '"A=x y"');
  });

  it('maps the characters of a continued line and of unquoted, unescaped words to their source', () => {
    const f = dropin('[Service]\nEnvironment="A=$0x\\x41" \\\n  B=$0y\n');
    const words = splitWords(parseSyntax(f.text).assignments[0].value).words;
    assert.equal(words[0].offsets[words[0].text.indexOf('x')], f.offsets[0]);
    // The escape \x41 decodes to one character placed at its backslash.
    assert.equal(words[0].offsets[words[0].text.indexOf('A', 1)], f.offsets[0] + 1);
    assert.equal(words[1].offsets[words[1].text.indexOf('y')], f.offsets[1]);
    assert.equal(words[1].offsets[words[1].text.length], f.offsets[1] + 1);
  });

  it('takes the fast path for plain and simply quoted words, with the same words, offsets and errors as the full splitter', () => {
    // A small deterministic generator: plain words, quoted words, %-specifiers,
    // blanks, continuation lines (CRLF too, so offsets come in several runs), and
    // what the fast path must hand over: escapes, quotes inside words, open quotes.
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const pieces = [
      'A=1',
      'NO_PROXY=a,b',
      'x',
      '%H',
      '100%',
      ' ',
      '  ',
      '\t',
      ' \\\n  ',
      ' \\\r\n',
      'é=ü',
      '"A=x y"',
      "'B=it''s'",
      '""',
      "''",
      '"C=a\'b"',
      'D"E=1"',
      '"F=1"G',
      '"open',
      "'open",
      '\\x41',
      '"H=\\t"',
      '\\',
    ];
    const plain = (w: Word) => ({ text: w.text, span: w.span, quoted: w.quoted, offsets: w.offsets });
    const same = (r: ReturnType<typeof splitWords>) => ({ words: r.words.map(plain), error: r.error });
    let fast = 0;
    for (let i = 0; i < 600; i++) {
      let value = '';
      for (let k = 1 + rnd(8); k > 0; k--) value += pieces[rnd(pieces.length)];
      const text = `[Service]\nEnvironment=${value}\n`;
      const assignment = parseSyntax(text).assignments[0];
      if (!assignment) continue;
      assert.deepEqual(same(splitWords(assignment.value)), same(splitQuoted(assignment.value)), JSON.stringify(value));
      if (!/\\|\w"|"\w/.test(assignment.value.text)) fast++;
    }
    assert.ok(fast > 50, 'the generator reaches the fast path');
  });
});
