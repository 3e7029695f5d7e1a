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
    assert.equal(resolveIn('{"ipv6": "true"}', { ...coerce, path: [['ipv6', 3]] } as DaemonJsonFix), undefined, 'a duplicate that is not there');
    assert.equal(resolveIn('{"ipv6": "true"}', { ...coerce, path: [{} as never] } as DaemonJsonFix), undefined, 'foreign data');
  });

  it('removes the right one of several duplicates, also nested ones', () => {
    const text = '{"dns": ["a"], "dns": ["b"], "dns": ["c"], "log-opts": {"max-file": "1", "max-file": "2"}}';
    const fixes = fixesFor(text, 'duplicate-key');
    assert.deepEqual(
      fixes.map((f) => ('path' in f ? f.path : undefined)),
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

  // #20: the strict-JSON messages name their fix ("Remove the comment", "Remove this comma", "Write {}").
  it('removes a comment: a line of its own goes whole, one after a value leaves the value', () => {
    const text = '{\n  // note\n  "debug": true, // why\n  "ipv6": false\n}';
    assert.equal(k.applyFix(text, 'json-comment', 'Remove the comment'), '{\n  "debug": true, // why\n  "ipv6": false\n}');
    const fixes = fixesFor(text, 'json-comment');
    assert.equal(resolveIn(text, fixes[1]), '{\n  // note\n  "debug": true,\n  "ipv6": false\n}');
    assert.equal(resolveIn('{ /* a */ "debug": true }', fixesFor('{ /* a */ "debug": true }', 'json-comment')[0]), '{ "debug": true }');
    // The user typed a line above: the comment is found by its text, not its offset.
    assert.equal(resolveIn('{\n  "mtu": 1500,\n  // note\n  "debug": true, // why\n  "ipv6": false\n}', fixes[0]), '{\n  "mtu": 1500,\n  "debug": true, // why\n  "ipv6": false\n}');
    assert.equal(resolveIn('{\n  "debug": true\n}', fixes[0]), undefined, 'the comment is gone');
  });

  it('removes two equal comments one at a time, each by its occurrence', () => {
    const text = '{\n  // x\n  "debug": true,\n  // x\n  "ipv6": false\n}';
    const fixes = fixesFor(text, 'json-comment');
    assert.equal(resolveIn(text, fixes[1]), '{\n  // x\n  "debug": true,\n  "ipv6": false\n}');
    assert.equal(resolveIn('{\n  "debug": true,\n  // x\n  "ipv6": false\n}', fixes[1]), undefined, 'only one is left');
  });

  it('removes a trailing comma, at the top level and nested, and follows it', () => {
    assert.equal(k.applyFix('{\n  "debug": true,\n}', 'json-trailing-comma', 'Remove the trailing comma'), '{\n  "debug": true\n}');
    const nested = '{\n  "dns": ["1.1.1.1", ],\n  "log-opts": { "max-size": "10m", }\n}';
    const fixes = fixesFor(nested, 'json-trailing-comma');
    assert.equal(fixes.length, 2);
    assert.equal(resolveIn(nested, fixes[0]), '{\n  "dns": ["1.1.1.1" ],\n  "log-opts": { "max-size": "10m", }\n}');
    assert.equal(resolveIn(nested, fixes[1]), '{\n  "dns": ["1.1.1.1", ],\n  "log-opts": { "max-size": "10m" }\n}');
    assert.equal(resolveIn('{\n  "mtu": 1500,\n  "dns": ["1.1.1.1", ],\n  "log-opts": {}\n}', fixes[0]), '{\n  "mtu": 1500,\n  "dns": ["1.1.1.1" ],\n  "log-opts": {}\n}');
    assert.equal(resolveIn('{\n  "dns": ["1.1.1.1"],\n  "log-opts": {}\n}', fixes[0]), undefined, 'the comma is gone');
    assert.equal(fixes[0].safe, true);
  });

  it('writes {} into an empty daemon.json, and only while it is empty', () => {
    assert.equal(k.applyFix('', 'json-empty', 'Write {}', { engine: '20.10' }), '{}\n');
    assert.equal(k.applyFix('\n  \n', 'json-empty', 'Write {}', { engine: '20.10' }), '{}\n');
    const [fix] = k.problems('', { engine: '20.10' }).filter((p) => p.code === 'json-empty').flatMap((p) => p.fixes ?? []);
    assert.equal(resolveIn('{"debug": true', fix as DaemonJsonFix), undefined);
  });

  it('adds the prefix length to a bare bip, and gives a network address its first host', () => {
    assert.equal(k.applyFix('{\n  "bip": "172.26.0.1"\n}', 'invalid-cidr', 'Add the prefix length: "172.26.0.1/24"'), '{\n  "bip": "172.26.0.1/24"\n}');
    assert.equal(k.applyFix('{"bip6": "fd00::1"}', 'invalid-cidr', 'Add the prefix length: "fd00::1/64"'), '{"bip6": "fd00::1/64"}');
    assert.equal(k.applyFix('{"bip": "10.20.0.0/16"}', 'bip-network-address', 'Use the bridge address "10.20.0.1/16"'), '{"bip": "10.20.0.1/16"}');
    const [fix] = fixesFor('{"bip": "172.26.0.1"}', 'invalid-cidr');
    assert.equal(fix.safe, undefined, 'the prefix length is a guess');
    assert.equal(resolveIn('{"bip": "172.26.0.9"}', fix), undefined, 'the value changed since');
    assert.deepEqual(k.problems('{"bip": "not an address"}').flatMap((p) => p.fixes ?? []), [], 'no fix without an address');
  });

  it('"Remove it": an unknown key with no near name, a removed key with no replacement', () => {
    assert.equal(k.applyFix('{\n  "debug": true,\n  "zzqx": 1\n}', 'unknown-key', 'Remove "zzqx"'), '{\n  "debug": true\n}');
    assert.equal(k.applyFix('{"api-cors-header": "*", "debug": true}', 'key-removed', 'Remove "api-cors-header"'), '{"debug": true}');
    // With a replacement, the fix is the rename, not the removal.
    assert.deepEqual(k.fixTitles('{"Debug": true}', 'unknown-key'), ['Change to "debug"']);
  });

  it('raises a pool size shorter than its base to the base\'s prefix', () => {
    const text = '{"default-address-pools": [{"base": "10.10.0.0/24", "size": 16}]}';
    assert.equal(k.applyFix(text, 'invalid-pool-size', 'Use size 24'), text.replace('"size": 16', '"size": 24'));
    assert.equal(resolveIn(text.replace('"size": 16', '"size": 20'), fixesFor(text, 'invalid-pool-size')[0]), undefined, 'the size changed since');
  });

  // #20: "Remove it" (a query or fragment) and "Remove the path" name their edit.
  it('cuts a mirror\'s query, fragment or refused path, keeping what the user wrote before it', () => {
    const query = '{"registry-mirrors": ["https://Mirror.example:443/v2?x=1#top"]}';
    const noQuery = k.applyFix(query, 'invalid-mirror', 'Change to "https://Mirror.example:443/v2"', { engine: '29.7' });
    assert.equal(noQuery, '{"registry-mirrors": ["https://Mirror.example:443/v2"]}');
    assert.deepEqual(k.lines(noQuery, { engine: '29.7' }), []);
    assert.equal(k.applyFix('{"registry-mirrors": ["https://m.example#"]}', 'invalid-mirror'), '{"registry-mirrors": ["https://m.example"]}');
    // An Engine that refuses a path: the path goes too (the query first, then the path).
    const path = '{"registry-mirrors": ["https://m.example:5000/some/path/"]}';
    const noPath = k.applyFix(path, 'invalid-mirror', 'Change to "https://m.example:5000"', { engine: '20.10' });
    assert.equal(noPath, '{"registry-mirrors": ["https://m.example:5000"]}');
    assert.deepEqual(k.lines(noPath, { engine: '20.10' }), []);
    assert.equal(resolveIn(query.replace('x=1', 'x=2'), fixesFor(query, 'invalid-mirror')[0]), undefined, 'the mirror changed since');
    // No fix where the message names none (credentials: use docker login).
    assert.deepEqual(k.fixTitles('{"registry-mirrors": ["https://u:p@m.example"]}', 'invalid-mirror'), []);
  });
});
