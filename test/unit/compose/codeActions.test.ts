import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import type { ComposeFix } from '../../../server/src/modes/compose/model';
import { applyEdits } from '../../util/fixture';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

/** title → the text after that fix of the first `code` problem, resolved as the server does at code-action time. */
function fixes(source: string, code: string): Map<string, string> {
  const titles = k.fixTitles(source, code);
  assert.ok(titles.length > 0, `no fix for ${code}`);
  return new Map(titles.map((t) => [t, k.applyFix(source, code, t)]));
}

/**
 * The fix titled `title` of the first `code` problem of `source`, resolved against
 * `edited` as the text is when the user asks for code actions (#14 item 5): the text
 * after it, or undefined when the fix is refused.
 */
function resolveOn(source: string, code: string, title: string, edited: string): string | undefined {
  const fix = k.problems(source).find((p) => p.code === code)?.fixes?.find((x) => x.title === title);
  assert.ok(fix, `no fix ${title} for ${code}`);
  const f = k.parse(edited);
  // Through JSON, as the descriptor travels in Diagnostic.data.
  const edits = composeMode.resolveFix!(f.document, f.model, JSON.parse(JSON.stringify(fix)) as ComposeFix, modeContext());
  if (!edits) return undefined;
  return applyEdits(f.document, edits.map((e) => ({ range: { start: f.document.positionAt(e.range[0]), end: f.document.positionAt(e.range[1]) }, newText: e.newText })));
}

describe('compose networks: quick fixes', () => {
  it('removes a network no service uses, with its block; `networks:` too when it was the only one; never in a flow mapping', () => {
    const two = `services:\n  web:\n    networks: [front]\nnetworks:\n  front:\n  spare:\n    driver: bridge\n    # its note\nvolumes:\n  data:\n`;
    assert.equal(k.applyFix(two, 'unused-network'), `services:\n  web:\n    networks: [front]\nnetworks:\n  front:\nvolumes:\n  data:\n`);
    const only = `services:\n  web:\n    image: busybox\n    network_mode: host\nnetworks:\n  spare:\n    driver: bridge\nvolumes:\n  data:\n`;
    assert.equal(k.applyFix(only, 'unused-network'), `services:\n  web:\n    image: busybox\n    network_mode: host\nvolumes:\n  data:\n`);
    const flow = `services:\n  web:\n    networks: [front]\nnetworks: {front: {}, spare: {}}\n`;
    assert.equal(resolveOn(flow, 'unused-network', 'Remove network `spare`', flow), undefined);
    // Refused once the network is gone (removed by hand meanwhile).
    assert.equal(resolveOn(two, 'unused-network', 'Remove network `spare`', `services:\n  web:\n    networks: [front]\nnetworks:\n  front:\n`), undefined);
  });

  it('declares a missing network, plainly or as external', () => {
    const src = `services:\n  web:\n    networks: [front, back]\nnetworks:\n    front:\n      driver: bridge\n`;
    const out = fixes(src, 'undefined-network');
    assert.equal(out.get('Declare network `back`'), `services:\n  web:\n    networks: [front, back]\nnetworks:\n    front:\n      driver: bridge\n    back:\n`);
    assert.equal(
      out.get('Declare `back` as an existing (external) network'),
      `services:\n  web:\n    networks: [front, back]\nnetworks:\n    front:\n      driver: bridge\n    back:\n      external: true\n`,
    );
    const fresh = fixes(`services:\n  web:\n    networks: [front]`, 'undefined-network');
    assert.equal(fresh.get('Declare network `front`'), `services:\n  web:\n    networks: [front]\n\nnetworks:\n  front:\n`);
    const empty = fixes(`services:\n  web:\n    networks: [front]\nnetworks:\nvolumes: {}\n`, 'undefined-network');
    assert.equal(empty.get('Declare network `front`'), `services:\n  web:\n    networks: [front]\nnetworks:\n  front:\nvolumes: {}\n`);
  });

  it('replaces an overlapping subnet by a free one', () => {
    const src = `services:\n  web:\n    networks: [a, b]\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n  b:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n`;
    const out = fixes(src, 'subnet-overlap');
    assert.equal(out.get('Use the free subnet 172.19.0.0/16'), src.replace('172.18.0.0/16', '172.19.0.0/16'));
    assert.deepEqual(k.lines(out.get('Use the free subnet 172.19.0.0/16')!), []);
  });

  it('drops network_mode or networks', () => {
    const src = `services:\n  web:\n    network_mode: host\n    image: x\n    networks:\n      - front\n      # the front end\n      - back\n    ports: []\nnetworks:\n  front:\n  back:\n`;
    const out = fixes(src, 'network-mode-with-networks');
    assert.deepEqual([...out.keys()], ['Remove `network_mode`', 'Remove `networks`']);
    assert.equal(out.get('Remove `network_mode`'), src.replace('    network_mode: host\n', ''));
    assert.equal(out.get('Remove `networks`'), `services:\n  web:\n    network_mode: host\n    image: x\n    ports: []\nnetworks:\n  front:\n  back:\n`);
  });

  it('writes the suggested value for host bits and YAML 1.1 booleans', () => {
    const src = `services:\n  web:\n    networks: [a]\nnetworks:\n  a:\n    internal: yes\n    ipam:\n      config:\n        - subnet: 172.28.1.0/16\n`;
    assert.equal(fixes(src, 'subnet-host-bits').get('Write 172.28.0.0/16'), src.replace('172.28.1.0/16', '172.28.0.0/16'));
    assert.equal(fixes(src, 'yaml11-boolean').get('Write `true`'), src.replace('yes', 'true'));
    // The same rule inside a service's attachment and a list of objects: the path leads there.
    const att = `services:\n  web:\n    networks:\n      a:\n        aliases: [x]\n        gw_priority: 1\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 10.0.0.0/24\n        - subnet: 10.1.0.5/24\n    attachable: on\n`;
    assert.equal(fixes(att, 'subnet-host-bits').get('Write 10.1.0.0/24'), att.replace('10.1.0.5/24', '10.1.0.0/24'));
    assert.equal(fixes(att, 'yaml11-boolean').get('Write `true`'), att.replace('attachable: on', 'attachable: true'));
  });
});

describe('compose networks: quick fixes resolved against the text as it is now (#14)', () => {
  const HEAD = `# added after validation\nx-note: &note\n  a: 1\n`;

  it('follows its target when lines are inserted above it', () => {
    const overlap = `services:\n  web:\n    networks: [a, b]\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n  b:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n`;
    assert.equal(resolveOn(overlap, 'subnet-overlap', 'Use the free subnet 172.19.0.0/16', HEAD + overlap), HEAD + overlap.replace('172.18.0.0/16', '172.19.0.0/16'));

    const both = `services:\n  web:\n    network_mode: host\n    networks: [front]\nnetworks:\n  front:\n`;
    assert.equal(resolveOn(both, 'network-mode-with-networks', 'Remove `networks`', HEAD + both), HEAD + both.replace('    networks: [front]\n', ''));
    // Another service inserted before it: still this service's key.
    const moved = both.replace('services:\n', 'services:\n  db:\n    network_mode: none\n');
    assert.equal(resolveOn(both, 'network-mode-with-networks', 'Remove `network_mode`', moved), moved.replace('    network_mode: host\n', ''));

    const bool = `networks:\n  a:\n    internal: yes\n`;
    assert.equal(resolveOn(bool, 'yaml11-boolean', 'Write `true`', HEAD + bool), HEAD + bool.replace('yes', 'true'));

    const undeclared = `services:\n  web:\n    networks: [front]\nnetworks:\n  back:\n`;
    assert.equal(resolveOn(undeclared, 'undefined-network', 'Declare network `front`', HEAD + undeclared), HEAD + undeclared + '  front:\n');
  });

  it('is refused when its target is gone or reads differently', () => {
    const overlap = `services:\n  web:\n    networks: [a, b]\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n  b:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n`;
    // The user already typed another subnet there.
    assert.equal(resolveOn(overlap, 'subnet-overlap', 'Use the free subnet 172.19.0.0/16', overlap.replace('172.18.0.0/16', '10.9.0.0/16')), undefined);
    // The network is gone.
    assert.equal(resolveOn(overlap, 'subnet-overlap', 'Use the free subnet 172.19.0.0/16', overlap.replace('  a:\n', '  c:\n')), undefined);

    const both = `services:\n  web:\n    network_mode: host\n    networks: [front]\nnetworks:\n  front:\n`;
    assert.equal(resolveOn(both, 'network-mode-with-networks', 'Remove `network_mode`', both.replace('    network_mode: host\n', '')), undefined);

    const bool = `networks:\n  a:\n    internal: yes\n`;
    assert.equal(resolveOn(bool, 'yaml11-boolean', 'Write `true`', bool.replace('yes', 'no')), undefined);
    assert.equal(resolveOn(bool, 'yaml11-boolean', 'Write `true`', bool.replace('internal: yes\n', 'driver: bridge\n')), undefined);

    const undeclared = `services:\n  web:\n    networks: [front]\nnetworks:\n  back:\n`;
    // Declared meanwhile, or no longer used.
    assert.equal(resolveOn(undeclared, 'undefined-network', 'Declare network `front`', undeclared + '  front:\n'), undefined);
    assert.equal(resolveOn(undeclared, 'undefined-network', 'Declare network `front`', undeclared.replace('[front]', '[back]')), undefined);
  });

  // #20: "Did you mean `db`?" names its fix.
  it('changes network_mode service:dbb to the service it likely means', () => {
    const src = 'services:\n  db:\n    image: x\n  web:\n    image: x\n    network_mode: service:dbb\n';
    assert.deepEqual([...fixes(src, 'undefined-service')], [['Change to `service:db`', src.replace('service:dbb', 'service:db')]]);
    const quoted = src.replace('service:dbb', '"service:dbb"');
    assert.equal(k.applyFix(quoted, 'undefined-service'), src.replace('service:dbb', 'service:db'));
    // Typed above since: it follows; the value changed: refused.
    const title = 'Change to `service:db`';
    assert.equal(resolveOn(src, 'undefined-service', title, src.replace('services:\n', 'services:\n  cache:\n    image: x\n')), src.replace('services:\n', 'services:\n  cache:\n    image: x\n').replace('service:dbb', 'service:db'));
    assert.equal(resolveOn(src, 'undefined-service', title, src.replace('service:dbb', 'service:dbx')), undefined);
    // No guess, or a name from a variable: no fix.
    assert.deepEqual(k.problems(src.replace('service:dbb', 'service:zzzzzz')).flatMap((p) => p.fixes ?? []), []);
    assert.deepEqual(k.problems(src.replace('service:dbb', 'service:${DBB:-dbb}')).flatMap((p) => p.fixes ?? []), []);
  });
});
