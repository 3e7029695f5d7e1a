import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastAtOrBefore } from '../../../server/src/modes/lastAtOrBefore';

describe('lastAtOrBefore', () => {
  const starts = [0, 4, 4, 9];
  const at = (offset: number) => lastAtOrBefore(starts, offset, (s) => s);
  it('finds the last item whose key is at or before the offset, -1 before the first', () => {
    assert.deepEqual([-1, 0, 3, 4, 8, 9, 100].map(at), [-1, 0, 0, 2, 2, 3, 3]);
    assert.equal(lastAtOrBefore([], 5, (s: number) => s), -1);
  });
});
