import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OffsetMap, OffsetMapBuilder } from '../../../server/src/modes/systemdDropin/offsetMap';
import { parseDropin } from '../../../server/src/modes/systemdDropin/parseDropin';
import { splitWords } from '../../../server/src/modes/systemdDropin/splitWords';
import { dropin, locsOf } from './dropinTestKit';

/** The offsets a plain per-character array would hold, built the slow way. */
function naive(runs: Array<[number, number]>): number[] {
  const out: number[] = [];
  for (const [start, count] of runs) for (let k = 0; k < count; k++) out.push(start + k);
  return out;
}

describe('OffsetMap (run-length locs)', () => {
  it('answers like an array, undefined outside the valid indices', () => {
    const b = new OffsetMapBuilder();
    b.pushRange(10, 3);
    b.push(20);
    b.push(20);
    b.pushRange(21, 2);
    b.pushRange(40, 1);
    const m = b.build();
    const expected = [10, 11, 12, 20, 20, 21, 22, 40];
    assert.deepEqual(m.toArray(), expected);
    for (const i of [-1, 8, 1.5, NaN]) assert.equal(m.get(i), expected[i]);
  });

  it('slices like Array.prototype.slice, for one run and for several', () => {
    const one = OffsetMap.contiguous(5, 6);
    const many = new OffsetMapBuilder();
    for (const [s, c] of [[3, 2], [9, 3], [9, 1], [30, 2]] as Array<[number, number]>) many.pushRange(s, c);
    for (const m of [one, many.build()]) {
      const arr = m.toArray();
      for (let a = 0; a <= arr.length; a++) {
        for (let b = a; b <= arr.length + 1; b++) assert.deepEqual(m.slice(a, b).toArray(), arr.slice(a, b), `slice(${a}, ${b})`);
      }
    }
    assert.deepEqual(naive([[3, 2], [9, 3]]), [3, 4, 9, 10, 11]);
  });

  it('maps the characters of a continued line and of unquoted, unescaped words to their source', () => {
    const f = dropin('[Service]\nEnvironment="A=$0x\\x41" \\\n  B=$0y\n');
    const value = parseDropin(f.text).assignments[0].value;
    const words = splitWords(value).words;
    assert.equal(words[0].offsets.get(words[0].text.indexOf('x')), locsOf(f)[0]);
    // The escape \x41 decodes to one character placed at its backslash.
    assert.equal(words[0].offsets.get(words[0].text.indexOf('A', 1)), locsOf(f)[0] + 1);
    assert.equal(words[1].offsets.get(words[1].text.indexOf('y')), locsOf(f)[1]);
    assert.equal(words[1].offsets.get(words[1].text.length), locsOf(f)[1] + 1);
  });
});
