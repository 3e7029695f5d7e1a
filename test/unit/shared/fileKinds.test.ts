import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorPattern, DEFAULT_PATTERNS, patternsOf } from '../../../server/src/shared/fileKinds';
import { normalizeSettings } from '../../../server/src/shared/settings';

/**
 * The client builds its document selector with patternsOf over the raw configuration, the
 * server matches with the normalized settings: one filter serves both (#14), so both sides
 * keep the same patterns.
 */
describe('file patterns, shared by the client selector and the server (#14)', () => {
  const raw = ['stack/*.yml', '', '   ', 3, null, '/abs/compose.yaml'];

  it('patternsOf: the built-in patterns first, then the usable user patterns', () => {
    assert.deepEqual(patternsOf('compose', { compose: raw as string[] }), [...DEFAULT_PATTERNS.compose, 'stack/*.yml', '/abs/compose.yaml']);
    assert.deepEqual(patternsOf('daemonJson', { compose: ['x'] }), [...DEFAULT_PATTERNS.daemonJson]);
    assert.deepEqual(patternsOf('systemdDropin', { systemdDropin: 'not a list' as unknown as string[] }), [...DEFAULT_PATTERNS.systemdDropin]);
  });

  it('the client (raw configuration) and the server (normalized settings) keep the same user patterns', () => {
    const server = normalizeSettings({ files: { compose: raw } }).files;
    assert.deepEqual(patternsOf('compose', server), patternsOf('compose', { compose: raw as string[] }));
  });

  it('anchorPattern: a relative pattern matches at any depth, an absolute or ** one is kept', () => {
    assert.equal(anchorPattern('stack/*.yml'), '**/stack/*.yml');
    assert.equal(anchorPattern('/abs/compose.yaml'), '/abs/compose.yaml');
    assert.equal(anchorPattern('**/daemon.json'), '**/daemon.json');
  });
});
