import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { daemonJsonMode as mode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { properties } from '../../../server/src/modes/daemonJson/parseDaemonJson';
import { ruleContext } from '../../../server/src/modes/daemonJson/ruleContext';
import { DAEMON_JSON_RULES } from '../../../server/src/modes/daemonJson/rules';
import { REPO_ROOT } from '../../util/lspClient';
import { prng } from '../../util/prng';
import { randomEdit } from '../../util/randomEdit';
import { context } from './daemonJsonTestUtil';

/**
 * Validation takes over the verdicts of property and keys rules whose input did not
 * change (runRules.ts; #8). Whatever the edits, the diagnostics must be exactly those of
 * a validation from scratch.
 */

const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'daemonJson', 'dockerd');
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(path.join(DIR, f), 'utf8'))
  // And one with a finding from every rule that reads several keys.
  .concat(
    [
      '{',
      '  "bip": "198.18.0.1/16",',
      '  "default-address-pools": [{"base": "198.18.0.0/16", "size": 24}, {"base": "198.18.4.0/24", "size": 8}],',
      '  "runtimes": {"r": {"path": "/bin/r"}},',
      '  "default-runtime": "nope",',
      '  "labels": ["a=b", "a=c"], "dns": ["x"], "exec-opts": ["isolation=process"],',
      '  "dns-search": ["-bad-"], "node-generic-resources": ["x"], "ip": "nope", "default-gateway": "10.9.9.9",',
      '  "fixed-cidr": "10.0.0.0/24", "fixed-cidr-v6": "fd00::/64", "bip6": "198.18.0.1/24",',
      '  "hosts": ["tcp://0.0.0.0:99999"], "default-ulimits": {"nofile": {"Name": "x", "Soft": 2, "Hard": 1}},',
      '  "storage-driver": "nope", "features": {"containerd-snapshotter": false}, "storage-opts": ["overlay2.override_kernel_check=1"],',
      '  "log-driver": "nope", "log-opts": {"max-size": "1q"},',
      '  "default-gateway-v6": "198.18.0.1", "host-gateway-ip": "x", "host-gateway-ips": ["198.18.0.1", "198.18.0.2"],',
      '  "insecure-registries": ["http://r.example"],',
      '  "registry-mirrors": ["m.example"]',
      '}',
      '',
    ].join('\n'),
  );
const URI = 'file:///etc/docker/daemon.json';

/** What an edit may insert: characters that change how JSON parses, and whole properties. */
const INSERTS = [
  'x',
  '1',
  ' ',
  '"',
  ',',
  ':',
  '{',
  '}',
  '[',
  ']',
  '\\',
  '\n',
  '\r\n',
  '/',
  '// c\n',
  '\n  "labels": ["a=b", "a=c", "com.docker.x=1"],\n',
  '\n  "dns": ["1.1.1.1", "nope"],\n',
  '\n  "default-address-pools": [{"base": "198.18.0.0/16", "size": 24}, {"base": "198.18.4.0/24", "size": 8}],\n',
  '\n  "bip": "198.18.0.1/16",\n',
  '\n  "runtimes": {"runc": {"path": "x"}, "r": {"runtimeArgs": ["a"]}},\n',
  '\n  "default-runtime": "nope",\n',
  '\n  "registry-mirrors": ["mirror.example", "https://u:p@m.example"],\n',
  '\n  "insecure-registries": ["http://r.example", "-bad"],\n',
  '\n  "log-opts": {"max-size": 10, "max-size": "1m"},\n',
  '\n  "mtu": "1500",\n',
];

const MIX = { indent: 0.15, insert: 0.6, remove: 0.85 };

describe('daemon.json validation across edits', () => {
  it('gives the diagnostics of a validation from scratch after every edit, whatever the target', () => {
    const rand = prng(3);
    let checked = 0;
    let kept = 0;
    // Short walks from each start: long ones soon break the JSON beyond any rule's reach.
    // The last start, which every keys rule has findings in, gets many more.
    for (const [n, start] of FIXTURES.entries()) {
      const walks = n === FIXTURES.length - 1 ? 60 : 3;
      for (let walk = 0; walk < walks; walk++) {
        let text = start;
        let doc = TextDocument.create(URI, 'json', 1, text);
        let parsed = mode.parse(doc);
        mode.doValidation!(doc, parsed, context());
        for (let step = 0; step < 4; step++) {
          text = randomEdit(text, rand, INSERTS, MIX);
          doc = TextDocument.create(URI, 'json', doc.version + 1, text);
          parsed = mode.parse(doc, parsed);
          // Now and then another target Engine or platform: nothing of the old verdicts may stay.
          const ctx = rand() < 0.2 ? context('20.10', rand() < 0.5 ? 'windows' : 'linux') : context();
          const fresh = mode.parse(TextDocument.create(URI, 'json', doc.version, text));
          const where = `fixture ${n}, walk ${walk}, step ${step}: ${JSON.stringify(text)}`;
          if (parsed.ruleMemo.memo) kept++;
          const diagnostics = mode.doValidation!(doc, parsed, ctx);
          assert.deepEqual(diagnostics, mode.doValidation!(doc, fresh, ctx), where);
          // And what every rule says when simply run on the whole document, seeing every
          // key: a keys rule that reads a key it does not name would differ here.
          const rc = ruleContext(doc, fresh, ctx);
          const direct = DAEMON_JSON_RULES.flatMap((rule) =>
            typeof rule === 'function' ? rule(rc) : 'perProperty' in rule ? rc.topProperties.flatMap((p) => rule.perProperty(rc, p)) : rule.run(rc),
          );
          assert.deepEqual(diagnostics, direct, where);
          // The parser's own count of lines agrees with the document's.
          for (const p of properties(parsed.object)) assert.deepEqual(parsed.propertyStarts.get(p.prop), doc.positionAt(p.prop.offset), where);
          checked++;
        }
      }
    }
    assert.equal(checked, ((FIXTURES.length - 1) * 3 + 60) * 4);
    assert.equal(FIXTURES.length, 114);
    assert.ok(kept > checked / 2, 'most steps had verdicts to take over');
  });

  it('moves kept verdicts with the lines above them, and judges again only what changed', () => {
    const text = '{\n  "dns": ["nope"],\n  "labels": ["a=b", "a=c"],\n  "mtu": "1500"\n}\n';
    const doc1 = TextDocument.create(URI, 'json', 1, text);
    const parsed1 = mode.parse(doc1);
    const before = mode.doValidation!(doc1, parsed1, context());
    assert.deepEqual(before.map((d) => d.code).sort(), ['conflicting-label', 'invalid-ip', 'wrong-type']);
    const memo1 = parsed1.ruleMemo.memo!;

    // Two lines above everything: the verdicts move down by two lines.
    const doc2 = TextDocument.create(URI, 'json', 2, `\n\n${text}`);
    const parsed2 = mode.parse(doc2, parsed1);
    const after = mode.doValidation!(doc2, parsed2, context());
    assert.deepEqual(
      after.map((d) => [d.code, d.range.start.line, d.range.start.character]),
      before.map((d) => [d.code, d.range.start.line + 2, d.range.start.character]),
    );
    assert.deepEqual(after, mode.doValidation!(doc2, mode.parse(doc2), context()));
    const memo2 = parsed2.ruleMemo.memo!;

    // A label changes: the mtu's verdict is the very same object, the labels are judged again.
    const doc3 = TextDocument.create(URI, 'json', 3, `\n\n${text.replace('a=c', 'a=b')}`);
    const parsed3 = mode.parse(doc3, parsed2);
    const third = mode.doValidation!(doc3, parsed3, context());
    assert.deepEqual(third.map((d) => d.code).sort(), ['invalid-ip', 'wrong-type']);
    assert.equal(parsed3.ruleMemo, parsed2.ruleMemo, 'every version shares one holder');
    const memo3 = parsed3.ruleMemo.memo!;
    assert.notEqual(memo3, memo1);
    const propertyRules = DAEMON_JSON_RULES.filter((r) => typeof r !== 'function' && 'perProperty' in r);
    const valueTypes = propertyRules.findIndex((r) => r.name === 'valueTypes');
    const listValues = DAEMON_JSON_RULES.find((r) => typeof r !== 'function' && r.name === 'listValues')!;
    const mtuVerdict = (m: typeof memo3) => m.properties.get('"mtu": "1500"')![0].byRule[valueTypes];
    assert.equal(mtuVerdict(memo3)[0].code, 'wrong-type');
    assert.equal(mtuVerdict(memo3), mtuVerdict(memo2));
    assert.notEqual(memo3.keys.get(listValues as never)!.diagnostics, memo2.keys.get(listValues as never)!.diagnostics);
  });
});
