import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import type { DaemonJsonFix } from '../../../server/src/modes/daemonJson/model';
import { modeContext, modeKit } from '../../util/modeKit';

/**
 * Quick fixes are descriptors that name their target by key path, resolved against the
 * parse of the text as it is when the user asks for code actions (#14): typing elsewhere
 * in between does not move them, and a target that changed is refused, never misapplied.
 */
const URI = 'file:///etc/docker/daemon.json';
const k = modeKit(daemonJsonMode, URI, 'json');

/** The fix descriptors offered for `code` in `before`, as they come back from the client (through JSON). */
function fixesFor(before: string, code: string): DaemonJsonFix[] {
  const fixes = k.problems(before).filter((p) => p.code === code).flatMap((p) => p.fixes ?? []);
  assert.ok(fixes.length > 0, `a ${code} fix in ${before}`);
  return JSON.parse(JSON.stringify(fixes)) as DaemonJsonFix[];
}

/** The text after `fix` is resolved against `now` (a later version of the document), or undefined when it is refused. */
function resolveIn(now: string, fix: DaemonJsonFix): string | undefined {
  const doc = TextDocument.create(URI, 'json', 2, now);
  const edits = daemonJsonMode.resolveFix!(doc, daemonJsonMode.parse(doc), fix, modeContext());
  return edits && TextDocument.applyEdits(doc, edits.map((e) => ({ range: { start: doc.positionAt(e.range[0]), end: doc.positionAt(e.range[1]) }, newText: e.newText })));
}

describe('daemon.json quick fixes resolved at code-action time', () => {
  it('follows its key when the user typed above it since validation', () => {
    const [fix] = fixesFor('{\n  "Debug": true\n}', 'unknown-key');
    assert.equal(resolveIn('{\n  "ipv6": true,\n  "Debug": true\n}', fix), '{\n  "ipv6": true,\n  "debug": true\n}');
    const [pool] = fixesFor('{"registry-mirrors": ["m.example"]}', 'invalid-mirror');
    assert.equal(resolveIn('{"registry-mirrors": ["https://a.example", "m.example"]}', pool), undefined, 'the item at that index changed');
    assert.equal(resolveIn('{"debug": true, "registry-mirrors": ["m.example"]}', pool), '{"debug": true, "registry-mirrors": ["https://m.example"]}');
  });

  it('is refused when its target was changed or removed', () => {
    const [rename] = fixesFor('{"Debug": true}', 'unknown-key');
    assert.equal(resolveIn('{"Debu": true}', rename), undefined);
    assert.equal(resolveIn('{}', rename), undefined);
    const [coerce] = fixesFor('{"ipv6": "true"}', 'wrong-type');
    assert.equal(resolveIn('{"ipv6": "false"}', coerce), undefined, 'the value the fix was made for is gone');
    assert.equal(resolveIn('{"ipv6": ["true"]}', coerce), undefined);
    assert.equal(resolveIn('', coerce), undefined);
    assert.equal(resolveIn('{"ipv6": "true"}', { ...coerce, path: [['ipv6', 3]] }), undefined, 'a duplicate that is not there');
    assert.equal(resolveIn('{"ipv6": "true"}', { ...coerce, path: [{} as never] }), undefined, 'foreign data');
  });

  it('removes the right one of several duplicates, also nested ones', () => {
    const text = '{"dns": ["a"], "dns": ["b"], "dns": ["c"], "log-opts": {"max-file": "1", "max-file": "2"}}';
    const fixes = fixesFor(text, 'duplicate-key');
    assert.deepEqual(
      fixes.map((f) => f.path),
      [[['dns', 0]], [['dns', 1]], ['log-opts', ['max-file', 0]]],
    );
    assert.equal(resolveIn(text, fixes[1]), '{"dns": ["a"], "dns": ["c"], "log-opts": {"max-file": "1", "max-file": "2"}}');
    assert.equal(resolveIn(text, fixes[2]), '{"dns": ["a"], "dns": ["b"], "dns": ["c"], "log-opts": {"max-file": "2"}}');
    // The first "dns" was removed by hand meanwhile: the second one is now the first duplicate.
    assert.equal(resolveIn('{"dns": ["b"], "dns": ["c"]}', fixes[1]), undefined);
    assert.equal(resolveIn('{"dns": ["b"], "dns": ["c"]}', fixes[0]), '{"dns": ["c"]}');
  });

  it('offers its only fix as the preferred one', () => {
    const [fix] = fixesFor('{"Debug": true}', 'unknown-key');
    assert.equal(fix.preferred, true);
  });
});
