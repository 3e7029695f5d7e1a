import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { cutDeepNesting } from '../../../server/src/modes/daemonJson/parse';
import { modeContext, modeKit } from '../../util/modeKit';

/**
 * Hostile daemon.json files (#15): each case here once hung, crashed or corrupted the
 * text. The assertions are about what is reported, never about time.
 */
const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

describe('daemon.json under hostile input (#15)', () => {
  it('warns once per pool when many pools are the same, instead of once per pair', () => {
    const pools = (n: number) => `{"default-address-pools": [\n${Array.from({ length: n }, () => '{"base": "10.0.0.0/8", "size": 24}').join(',\n')}\n]}`;
    const lines = k.lines(pools(300));
    assert.equal(lines.length, 299);
    assert.equal(lines[0], '3: overlapping-pools: Pool 10.0.0.0/8 overlaps pool 10.0.0.0/8; networks could get clashing subnets.');
    assert.equal(lines[298], '301: overlapping-pools: Pool 10.0.0.0/8 overlaps pool 10.0.0.0/8 and 298 more earlier pools; networks could get clashing subnets.');
    // 50,000 identical pools drove the server's heap to 4 GB: now one warning each.
    assert.equal(k.problems(pools(50_000)).length, 49_999);
  });
});

describe('daemon.json nested very deep (#15)', () => {
  const deepObjects = (n: number) => `{\n"a": ${'{"b": '.repeat(n)}1${'}'.repeat(n)}\n}`;

  it('reports nesting beyond what dockerd decodes as one error, and answers every request', () => {
    const text = deepObjects(10_000);
    assert.deepEqual(k.lines(text), [
      '2: unknown-key: "b" (inside "a", which dockerd flattens into top-level keys) matches no dockerd option in Engine 29.7: dockerd refuses to start. Remove it or check the spelling (keys are case-sensitive).',
      "2: json-too-deep: This file nests 10,001 levels deep: dockerd's JSON decoder refuses more than 10,000 and dockerd does not start (values nested deeper than 1,000 levels are not checked).",
    ]);
    const middle = text.length >> 1;
    const at = `${text.slice(0, middle)}$0${text.slice(middle)}`;
    assert.doesNotThrow(() => k.complete(at));
    assert.doesNotThrow(() => k.hover(at));
    assert.ok(k.complete('{"deb$0": 1, "x": ' + '['.repeat(20_000)).labels.includes('debug'), 'completion still works above an unclosed deep value');
  });

  it('counts only brackets that jsonc-parser sees, and keeps every offset', () => {
    const deep = '['.repeat(1200);
    for (const quiet of [`{"s": "${deep}"}`, `{"s": "\\"${deep}"}`, `{// ${deep}\n}`, `{/* ${deep} */}`, `{"s": "${'{'.repeat(600)}", "t": [${'['.repeat(600)}${']'.repeat(600)}]}`]) {
      assert.deepEqual(cutDeepNesting(quiet), { parsedText: quiet }, quiet.slice(0, 12));
    }
    // jsonc-parser ends an unclosed string at the line break: what follows counts.
    for (const loud of [`{"s": "x\n${deep}`, `{"s": "x\r${deep}`, `{/* x */ "a": ${deep}`]) {
      const cut = cutDeepNesting(loud);
      assert.equal(cut.parsedText.length, loud.length);
      assert.deepEqual(cut.tooDeep, { offset: loud.indexOf('[') + 999, depth: 1201 }, loud.slice(0, 12));
      assert.equal(cut.parsedText.slice(0, loud.indexOf('[') + 999), loud.slice(0, loud.indexOf('[') + 999));
      assert.match(cut.parsedText.slice(loud.indexOf('[') + 999), /^null +$/);
    }
  });

  it('tells that deep values below dockerd\'s limit are not checked, and still checks the rest', () => {
    assert.deepEqual(k.lines(`{\n"mtu": "1500",\n"a": ${'['.repeat(3000)}${']'.repeat(3000)}\n}`), [
      '2: wrong-type: "mtu" must be a whole number, not a string: dockerd cannot decode it and refuses to start.',
      '3: unknown-key: Unknown key "a" matches no dockerd option in Engine 29.7: dockerd refuses to start. Remove it or check the spelling (keys are case-sensitive).',
      '3: json-too-deep: This file nests 3,001 levels deep; values nested deeper than 1,000 levels are not checked.',
    ]);
    // A quick fix still moves the user's own text, not the stand-in the parse used.
    const deep = `{"a": ${'['.repeat(1500)}"x"${']'.repeat(1500)}, "http-proxy": "http://p"}`;
    assert.equal(k.applyFix(deep, 'proxy-key-top-level'), deep.replace('"http-proxy": "http://p"', '"proxies": { "http-proxy": "http://p" }'));
  });
});

describe('daemon.json completion as a new user types (#15)', () => {
  /** `{...}` with `word` typed where a key goes, in the four places a key can be typed, and the text after picking default-address-pools. */
  const places = (word: string): [string, string][] => [
    [`{\n  ${word}\n}`, '{\n  "default-address-pools": []\n}'],
    [`{\n  "ipv6": true,\n  ${word}\n}`, '{\n  "ipv6": true,\n  "default-address-pools": []\n}'],
    [`{\n  "ipv6": true\n  ${word}\n}`, '{\n  "ipv6": true\n  ,"default-address-pools": []\n}'],
    [`{\n  ${word}\n  "ipv6": true\n}`, '{\n  "default-address-pools": [],\n  "ipv6": true\n}'],
  ];

  it('replaces a partly typed key, quoted or not, from every position inside it, and adds what JSON needs', () => {
    for (const word of ['default-add', '"default-add"', '"default-add']) {
      for (const [text, want] of places(word)) {
        const at = text.indexOf(word);
        // Every cursor position after the first character of what was typed, up to its end.
        for (let cursor = at + 1; cursor <= at + word.length; cursor++) {
          const source = `${text.slice(0, cursor)}$0${text.slice(cursor)}`;
          assert.equal(k.complete(source).apply('default-address-pools'), want, source);
        }
      }
    }
  });

  it('offers only what matches the typed text, and says the list is incomplete', () => {
    const c = k.complete('{\n  default-add$0\n}');
    assert.ok(c.labels.includes('default-address-pools'));
    assert.ok(!c.labels.includes('debug') && !c.labels.includes('ipv6'), c.labels.join(', '));
    assert.deepEqual(k.complete('{"log-level": de$0}').labels, ['"debug"']);
    assert.equal(k.complete('{"log-level": de$0}').apply('"debug"'), '{"log-level": "debug"}');
    assert.equal(k.complete('{"ipv6": t$0}').apply('true'), '{"ipv6": true}');
    assert.equal(k.mode.complete!(k.parse('{"ipv6": t$0}').document, k.parse('{"ipv6": t$0}').position, k.parse('{"ipv6": t$0}').model, modeContext()).isIncomplete, true);
    assert.ok(k.complete('{\n  $0\n}').labels.length > 50, 'nothing typed, nothing left out');
  });

  it('completes an empty or blank file on one line, keeping what is around', () => {
    assert.equal(k.complete('\n\n$0\n').apply('debug'), '\n\n{\n\t"debug": true\n}\n');
    assert.equal(k.complete('// my settings\n$0').apply('debug'), '// my settings\n{\n\t"debug": true\n}');
    assert.equal(k.complete('  deb$0  ').apply('debug'), '  {\n\t"debug": true\n}  ');
    const typed = k.complete('ipv$0').labels;
    assert.ok(typed.includes('ipv6') && !typed.includes('debug'), typed.join(', '));
  });
});
