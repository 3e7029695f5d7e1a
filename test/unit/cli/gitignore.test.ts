import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { Gitignore } from '../../../server/src/cli/gitignore';
import { makeTree } from '../../util/cliProcess';

/** The subset of gitignore(5) the CLI supports (server/src/cli/gitignore.ts, #21), each case as git decides it. */
describe('Gitignore', () => {
  const root = makeTree(
    {
      '.gitignore': [
        '# a comment, then a blank line',
        '',
        '*.bak   ',
        '/top-only.yaml',
        'build/',
        'docs/*.yaml',
        'generated',
        '!generated/keep.yaml',
        'vendor/',
        '!vendor/compose.yaml',
        '\\#literal.yaml',
        'deep/**/x.yaml',
      ].join('\n'),
      'sub/.gitignore': 'local.yaml\n!top-only.yaml\n/only-here.yaml\nnested/*.yml\n',
    },
    'dn-gitignore-',
  );
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  const gi = new Gitignore(root);
  const ignored = (rel: string) => gi.ignores(path.join(root, rel));

  it('matches a pattern without a slash at any depth, and trims trailing blanks', () => {
    assert.equal(ignored('a.bak'), true);
    assert.equal(ignored('x/y/a.bak'), true);
    assert.equal(ignored('a.baker'), false);
  });
  it('anchors a pattern with a slash to its own folder', () => {
    assert.equal(ignored('top-only.yaml'), true);
    assert.equal(ignored('x/top-only.yaml'), false);
    assert.equal(ignored('docs/compose.yaml'), true);
    assert.equal(ignored('docs/sub/compose.yaml'), false, '* does not cross /');
    assert.equal(ignored('deep/a/b/x.yaml'), true, '** crosses folders');
    assert.equal(ignored('deep/x.yaml'), true);
  });
  it('a trailing slash matches folders only', () => {
    assert.equal(ignored('build/compose.yaml'), true);
    assert.equal(ignored('x/build/compose.yaml'), true);
    fs.writeFileSync(path.join(root, 'build'), '');
    assert.equal(ignored('build'), false, 'a file named build is not a folder');
  });
  it('! re-includes a file, but not below an ignored folder', () => {
    assert.equal(ignored('generated/other.yaml'), true);
    assert.equal(ignored('generated'), true);
    assert.equal(ignored('generated/keep.yaml'), true, 'generated (a folder here) is ignored as a whole, as in git');
    assert.equal(ignored('vendor/compose.yaml'), true);
  });
  it('reads the .gitignore of each folder, relative to it, deeper files winning', () => {
    assert.equal(ignored('sub/local.yaml'), true);
    assert.equal(ignored('local.yaml'), false);
    assert.equal(ignored('sub/x/local.yaml'), true);
    // Anchored patterns of a deeper .gitignore start at that folder, not at the root.
    assert.equal(ignored('sub/only-here.yaml'), true);
    assert.equal(ignored('sub/x/only-here.yaml'), false);
    assert.equal(ignored('only-here.yaml'), false);
    assert.equal(ignored('sub/nested/compose.yml'), true);
    assert.equal(ignored('nested/compose.yml'), false);
  });
  it('takes \\# as a literal #, and never ignores paths outside its root', () => {
    assert.equal(ignored('#literal.yaml'), true);
    assert.equal(gi.ignores(path.join(path.dirname(root), 'a.bak')), false);
  });
});
