import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ModeContext, WorkspaceFiles } from '../../server/src/modes/languageMode';
import { memoByReads, readsMemo } from '../../server/src/modes/readsMemo';
import { modeContext } from '../util/modeKit';

/**
 * Computations kept while the workspace answers what they asked the same (readsMemo.ts,
 * #16): Compose projects, kept per parse; nested ones let the outer one see what the inner
 * one read.
 */
function workspace(files: Record<string, string>): WorkspaceFiles {
  return { list: () => Object.keys(files), read: (uri) => files[uri] };
}

/** A computation that reads file `a`, its memo and key, and how often it ran. */
function readingA() {
  const runs = { count: 0 };
  const compute = (c: ModeContext) => {
    runs.count++;
    return c.workspace!.read('a');
  };
  return { memo: readsMemo(), key: {}, runs, compute };
}

/**
 * An inner computation that reads file `a`, kept first (so the outer computation's first
 * run gets it from the memo), and an outer one around it, through a middle one or not.
 */
function outerAroundKeptInner(ctx: ModeContext, middle: boolean) {
  const [inner, mid, outer] = [readsMemo(), readsMemo(), readsMemo()];
  const [innerKey, midKey, outerKey] = [{}, {}, {}];
  const runs = { outer: 0 };
  const readA = (c: ModeContext) => memoByReads(inner, innerKey, c, (d) => d.workspace!.read('a'));
  assert.equal(readA(ctx), 'one');
  const value = () =>
    memoByReads(outer, outerKey, ctx, (c) => {
      runs.outer++;
      return `outer of ${middle ? memoByReads(mid, midKey, c, (d) => readA(d)) : readA(c)}`;
    });
  return { value, runs };
}

describe('memoByReads', () => {
  it('computes again exactly when an answer it read changed', () => {
    const files: Record<string, string> = { a: 'one', b: 'two' };
    const ctx: ModeContext = { ...modeContext(), workspace: workspace(files) };
    const { memo, key, runs, compute } = readingA();
    assert.equal(memoByReads(memo, key, ctx, compute), 'one');
    files.b = 'changed, but not read';
    assert.equal(memoByReads(memo, key, ctx, compute), 'one');
    assert.equal(runs.count, 1);
    files.a = 'three';
    assert.equal(memoByReads(memo, key, ctx, compute), 'three');
    assert.equal(runs.count, 2);
    files.c = 'a new file changes the list, which this computation never asked for';
    assert.equal(memoByReads(memo, key, ctx, compute), 'three');
    assert.equal(runs.count, 2);
    assert.equal(memoByReads(memo, key, { ...ctx, settings: { ...ctx.settings } }, compute), 'three');
    assert.equal(runs.count, 3, 'other settings: computed again');
  });

  it('lets an outer computation see what a kept inner one read', () => {
    const files: Record<string, string> = { a: 'one' };
    const ctx: ModeContext = { ...modeContext(), workspace: workspace(files) };
    const { value, runs } = outerAroundKeptInner(ctx, false);
    assert.equal(value(), 'outer of one');
    assert.equal(value(), 'outer of one');
    assert.equal(runs.outer, 1);
    files.a = 'two';
    assert.equal(value(), 'outer of two', 'the inner read is the outer one’s too');
    assert.equal(runs.outer, 2);
  });

  describe('with a workspace that gives its revision (the CLI, #21)', () => {
    /** A workspace counting what it is asked, whose revision the test moves. */
    function revised(files: Record<string, string>) {
      const state = { revision: 0, asked: 0 };
      const ws: WorkspaceFiles = {
        list: () => Object.keys(files),
        read: (uri) => {
          state.asked++;
          return files[uri];
        },
        revision: () => state.revision,
      };
      return { ws, state };
    }

    it('trusts what it read while the revision stays, and asks again once it moves', () => {
      const files: Record<string, string> = { a: 'one' };
      const { ws, state } = revised(files);
      const ctx: ModeContext = { ...modeContext(), workspace: ws };
      const { memo, key, runs, compute } = readingA();
      assert.equal(memoByReads(memo, key, ctx, compute), 'one');
      const asked = state.asked;
      assert.equal(memoByReads(memo, key, ctx, compute), 'one');
      assert.equal(state.asked, asked, 'not asked again');
      state.revision++;
      assert.equal(memoByReads(memo, key, ctx, compute), 'one');
      assert.equal(state.asked, asked + 1, 'asked again after a change');
      assert.equal(runs.count, 1, 'the same answer: not computed again');
      files.a = 'two';
      state.revision++;
      assert.equal(memoByReads(memo, key, ctx, compute), 'two');
      assert.equal(runs.count, 2);
    });

    it('lets an outer computation record what a kept inner one read, though nothing was asked', () => {
      const files: Record<string, string> = { a: 'one' };
      const { ws, state } = revised(files);
      const ctx: ModeContext = { ...modeContext(), workspace: ws };
      // Two levels around the kept inner value, which answers from its memo without asking.
      const { value, runs } = outerAroundKeptInner(ctx, true);
      assert.equal(value(), 'outer of one');
      assert.equal(runs.outer, 1);
      files.a = 'two';
      state.revision++;
      assert.equal(value(), 'outer of two', 'the inner read is the outer ones’ too');
      assert.equal(runs.outer, 2);
    });
  });
});
