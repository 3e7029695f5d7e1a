import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { prng } from '../../util/prng';
import { exercise } from '../../fuzz/fuzzModes';
import { describeFailure, runFuzz } from '../../fuzz/fuzzRunner';

/**
 * The modes under generated input (#15), bounded for `npm test`: a few thousand documents
 * from a fixed seed. `npm run fuzz -- --seed N --docs K` runs longer and other seeds.
 */
describe('fuzzing the modes', () => {
  it('3,000 generated documents: no hang, no throw, every range inside, every edit applies, the parse is pure', async () => {
    const result = await runFuzz(2026, 3000);
    assert.equal(result.failure, undefined, describeFailure(result));
    assert.equal(result.docs, 3000);
  });

  // What the fuzzer found, kept as regressions (each failed before its fix).
  const found: Array<[kind: 'daemonJson' | 'compose' | 'systemdDropin', text: string]> = [
    ['daemonJson', '/*'], // jsonc-parser reads an unterminated block comment past the end
    ['daemonJson', '{/*'],
    ['daemonJson', '[/*\r\n'],
    ['daemonJson', '\n'], // completion over the whole text spanned several lines
    ['compose', '\n '], // completion walked back forever above the first key
    ['systemdDropin', '[]\nLimitNOFILE=\rM'], // a lone \r was no line break
    ['systemdDropin', '[Service]\nExecStartPre=\r+'],
  ];
  for (const [kind, text] of found) {
    it(`${kind} ${JSON.stringify(text)}`, () => {
      for (let seed = 0; seed < 20; seed++) exercise(kind, text, prng(seed), 20);
    });
  }
});
