import assert from 'node:assert/strict';
import { describe, it, mock } from 'node:test';
import { MemoryRelease } from '../../../server/src/memoryRelease';

/**
 * When the server asks V8 for a collection (#15): after heavy documents are closed, once
 * for a burst of closes, never for ordinary files. The end-to-end figure (resident memory
 * coming back) is test/protocol/memoryRelease.test.ts.
 */
describe('memory release after closing documents', () => {
  it('collects once, a moment after the last heavy document of a burst is closed, and never for small ones', () => {
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let collections = 0;
      const release = new MemoryRelease(1000, 500, () => collections++);
      release.closed(10);
      mock.timers.tick(1000);
      assert.equal(collections, 0, 'a small document');
      release.closed(5000);
      mock.timers.tick(300);
      release.closed(8000);
      mock.timers.tick(300);
      assert.equal(collections, 0, 'still closing');
      mock.timers.tick(300);
      assert.equal(collections, 2, 'one release (two collections) for the burst');
      release.closed(5000);
      release.dispose();
      mock.timers.tick(1000);
      assert.equal(collections, 2, 'nothing after dispose');
    } finally {
      mock.timers.reset();
    }
  });

});
