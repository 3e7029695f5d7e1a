import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as jsonc from 'jsonc-parser';
import type { Node } from 'jsonc-parser';
import { locationAt } from '../../../server/src/modes/daemonJson/locationAt';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { nodeAt } from '../../../server/src/modes/daemonJson/model';
import { parse as parseDaemonJson } from '../../../server/src/modes/daemonJson/parse';
import { firstOverlaps } from '../../../server/src/modes/daemonJson/rules/addressPools';
import { reservedNamespace } from '../../../server/src/modes/daemonJson/rules/listValues';
import { overlaps, parseCidr, type ParsedCidr } from '../../../server/src/shared/cidr';
import { daemonJsonInput } from '../../bench/inputs';
import { fixture } from '../../util/fixture';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

/**
 * The shortcuts of the performance pass must give exactly what the straightforward
 * code gave: the network look-ups the same first overlap and count as comparing every
 * pair, the tree look-ups the same location as jsonc-parser's getLocation and the same
 * node as findNodeAtOffset, the one-pass parse the same tree, comments and trailing
 * commas as parseTree plus a token scan.
 */
const parse = (text: string) => parseDaemonJson(fixture(text).document);

/** For each block, the first earlier block it overlaps and how many, by comparing every pair. */
function bruteForce(blocks: ParsedCidr[]): { first: number; count: number }[] {
  return blocks.map((b, i) => {
    const earlier = blocks.slice(0, i).flatMap((x, j) => (overlaps(x, b) ? [j] : []));
    return { first: earlier.length ? earlier[0] : -1, count: earlier.length };
  });
}

/** A tree without parent links, for deepEqual. */
function plain(n: Node | undefined): unknown {
  return n && { type: n.type, offset: n.offset, length: n.length, value: n.value, colonOffset: n.colonOffset, children: n.children?.map(plain) };
}

const TEXTS = [
  '{}',
  '{\n  "bip": "10.0.0.1/24", // bridge, with a comma\n  "dns": [ "1.1.1.1", /* x, y */ "8.8.8.8" ],\n  "log-opts": {"max-size": "1m", "max-file": "3",},\n  "default-address-pools": [{"base": "10.1.0.0/16", "size": 24}, {}, [ ], {"a": {"b": [1, {"c": 2,}, ]}}],\n}\n',
  '[1, {"a": {}}, [{}, [ ]], {"b": [ {} ]}]',
  daemonJsonInput(100).text,
];

describe('daemon.json fast paths', () => {
  it('finds the same first overlapping pool and count by network look-ups as by comparing every pair', () => {
    const texts = ['10.0.0.0/8', '10.1.0.0/16', '10.1.0.0/16', '172.16.0.0/12', '10.1.2.0/24', 'fd00::/8', 'fd00:1::/32', '0.0.0.0/0', '192.168.0.0/24', '10.1.2.128/25', '::/0', '172.16.5.0/24', '10.1.0.0/16', 'fd00:1::/48', '10.1.2.0/24'];
    const blocks = texts.map((t) => parseCidr(t)!);
    assert.deepEqual(firstOverlaps(blocks), bruteForce(blocks));
    // Every order of a smaller set.
    const small = blocks.slice(0, 7);
    for (let k = 0; k < 7; k++) {
      const rotated = [...small.slice(k), ...small.slice(0, k)].reverse();
      assert.deepEqual(firstOverlaps(rotated), bruteForce(rotated));
    }
    assert.deepEqual(firstOverlaps([]), []);
  });

  it('reports each overlapping pool once, naming the first earlier pool it overlaps and counting the others (#15)', () => {
    assert.deepEqual(
      k.lines('{"default-address-pools": [\n{"base": "10.0.0.0/8", "size": 24},\n{"base": "10.1.0.0/16", "size": 8},\n{"base": "10.1.0.0/16", "size": 24}\n]}'),
      [
        '3: overlapping-pools: Pool 10.1.0.0/16 overlaps pool 10.0.0.0/8; networks could get clashing subnets.',
        '3: invalid-pool-size: size 8 is shorter than the base\'s prefix /16: dockerd refuses to start. Use a size of 16 or more.',
        '4: overlapping-pools: Pool 10.1.0.0/16 overlaps pool 10.0.0.0/8 and 1 more earlier pool; networks could get clashing subnets.',
      ],
    );
  });

  it('locates every offset as jsonc-parser getLocation does', () => {
    for (const text of TEXTS) {
      const parsed = parse(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const want = jsonc.getLocation(text, offset);
        const got = locationAt(parsed, offset);
        const shape = (l: typeof got) => ({ path: l.path, isAtPropertyKey: l.isAtPropertyKey, prev: l.previousNode && { type: l.previousNode.type, value: l.previousNode.value as unknown, offset: l.previousNode.offset, length: l.previousNode.length, colonOffset: l.previousNode.colonOffset } });
        assert.deepEqual(shape(got), shape(want), `offset ${offset} of ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
  });

  it('finds the node under every offset as jsonc-parser findNodeAtOffset does', () => {
    for (const text of TEXTS) {
      const root = parse(text).root;
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.equal(nodeAt(root, offset), root && jsonc.findNodeAtOffset(root, offset, false), `offset ${offset} of ${JSON.stringify(text.slice(0, 40))}`);
      }
    }
  });

  it('builds the tree of parseTree and finds comments and trailing commas in the same pass', () => {
    for (const text of TEXTS) assert.deepEqual(plain(parse(text).root), plain(jsonc.parseTree(text, [], { allowTrailingComma: true })));
    const p = parse('{"a": [1,], /* c, */ "b": {"c": 2,}, // x\n}');
    assert.deepEqual(p.comments, [{ offset: 12, length: 8 }, { offset: 37, length: 4 }]);
    assert.deepEqual(p.trailingCommas, [8, 33, 35]);
    // Broken text: the same facts from a token scan.
    const broken = parse('{"a": 1,, /* c */ "b" }');
    assert.deepEqual(broken.comments, [{ offset: 10, length: 7 }]);
    assert.equal(broken.syntaxErrors.length > 0, true);
    assert.deepEqual(parse('{"a": 1} x').trailingDataOffset, 9);
  });

  it('matches reserved label namespaces case-insensitively, also past non-ASCII letters', () => {
    assert.equal(reservedNamespace('com.docker.x'), 'com.docker.');
    assert.equal(reservedNamespace('IO.Docker.x'), 'io.docker.');
    assert.equal(reservedNamespace('com.example.x'), undefined);
    assert.equal(reservedNamespace('com.docker'), undefined);
    // KELVIN SIGN lower-cases to "k" (String.prototype.toLowerCase): the slow path.
    assert.equal(reservedNamespace('com.doc\u212Aer.x'), 'com.docker.');
  });

  it('checks insecure registries with and without ports for hyphens', () => {
    assert.deepEqual(k.codes('{"insecure-registries": ["-r:5000", "r-:5000", "r:5000-", ":5000", "a-b:5000", "r-"]}'), [
      '1: invalid-insecure-registry',
      '1: invalid-insecure-registry',
      '1: invalid-insecure-registry',
      '1: invalid-insecure-registry',
    ]);
  });
});
