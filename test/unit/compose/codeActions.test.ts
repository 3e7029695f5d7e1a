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

  // The `ipv6-not-enabled` message says to set `enable_ipv6: true` (compose-spec 06-networks.md: a boolean).
  describe('enables IPv6 on the network of an ipv6_address', () => {
    const TITLE = 'Enable IPv6 on network `front`';
    const svc = `services:\n  web:\n    networks:\n      front:\n        ipv6_address: fd00:1::10\n`;
    const v6 = `    ipam:\n      config:\n        - subnet: fd00:1::/64\n`;
    /** The text after the fix, checked to validate without `ipv6-not-enabled` (and without any problem when `clean`). */
    const enabled = (src: string, clean = true): string => {
      assert.deepEqual(k.fixTitles(src, 'ipv6-not-enabled'), [TITLE]);
      const out = k.applyFix(src, 'ipv6-not-enabled', TITLE);
      assert.ok(!k.codes(out).some((c) => c.endsWith('ipv6-not-enabled')), out);
      if (clean) assert.deepEqual(k.lines(out), [], out);
      return out;
    };

    it('as a new last key of a block mapping, at the column of its keys', () => {
      const src = `${svc}networks:\n  front:\n    driver: bridge\n${v6}    # its note\nvolumes:\n  data:\n`;
      assert.equal(enabled(src), `${svc}networks:\n  front:\n    driver: bridge\n${v6}    enable_ipv6: true\n    # its note\nvolumes:\n  data:\n`);
      // Deeper indentation and no newline at the end of the file.
      const deep = `${svc}networks:\n      front:\n          driver: bridge`;
      assert.equal(enabled(deep, false), `${svc}networks:\n      front:\n          driver: bridge\n          enable_ipv6: true\n`);
      // CRLF line ends stay CRLF.
      const crlf = (t: string): string => t.replace(/\n/g, '\r\n');
      assert.equal(enabled(crlf(`${svc}networks:\n  front:\n${v6}`)), crlf(`${svc}networks:\n  front:\n${v6}    enable_ipv6: true\n`));
      assert.equal(enabled(crlf(`${svc}networks:\n  front: ~\n  back:\n`), false), crlf(`${svc}networks:\n  front:\n    enable_ipv6: true\n  back:\n`));
    });

    it('by rewriting `enable_ipv6: false` or a YAML 1.1 `no`', () => {
      const src = `${svc}networks:\n  front:\n    enable_ipv6: false # not yet\n${v6}`;
      assert.equal(enabled(src), src.replace('false', 'true'));
      assert.equal(enabled(src.replace('false', '"no"')), src.replace('false', 'true'));
    });

    it('by giving an empty declaration a block, indented by the file\'s step', () => {
      const net = (value: string, step = '  '): string => `${svc}networks:\n${step}front:${value}\n${step}back:\n`;
      assert.equal(enabled(net(''), false), `${svc}networks:\n  front:\n    enable_ipv6: true\n  back:\n`);
      assert.equal(enabled(net(' ~ # later'), false), `${svc}networks:\n  front: # later\n    enable_ipv6: true\n  back:\n`);
      assert.equal(enabled(net(' {}', '    '), false), `${svc}networks:\n    front:\n        enable_ipv6: true\n    back:\n`);
    });

    it('through a merge key: the own key overrides the merged `enable_ipv6: false`', () => {
      const src = `x-base: &base\n  enable_ipv6: false\n${svc}networks:\n  front:\n    <<: *base\n${v6}`;
      assert.equal(enabled(src), `x-base: &base\n  enable_ipv6: false\n${svc}networks:\n  front:\n    <<: *base\n${v6}    enable_ipv6: true\n`);
    });

    it('is not offered where writing it could change more than this network or break the YAML', () => {
      const none = (src: string): void => {
        assert.ok(k.codes(src).some((c) => c.endsWith('ipv6-not-enabled')), src);
        assert.deepEqual(k.fixTitles(src, 'ipv6-not-enabled'), [], src);
      };
      // The declaration through an alias, or an anchor other places may read.
      none(`x-net: &net\n  driver: bridge\n${svc}networks:\n  front: *net\n`);
      none(`${svc}networks:\n  front: &net\n    driver: bridge\n  other: *net\n`);
      none(`${svc}networks:\n  front: &net\n`);
      // `networks:` itself through an alias or anchored.
      none(`x-nets: &nets\n  front:\n    driver: bridge\n${svc}networks: *nets\n`);
      none(`${svc}networks: &nets\n  front:\n    driver: bridge\n`);
      // Flow mappings.
      none(`${svc}networks: {front: {driver: bridge}}\n`);
      none(`${svc}networks:\n  front: {driver: bridge}\n`);
      // An `enable_ipv6` from a variable or an alias: the user's switch.
      none(`${svc}networks:\n  front:\n    enable_ipv6: \${V6:-false}\n`);
      none(`x-off: &off false\n${svc}networks:\n  front:\n    enable_ipv6: *off\n`);
    });

    it('follows its network when lines are inserted above, and is refused once IPv6 is on or the network is gone', () => {
      const src = `${svc}networks:\n  front:\n    driver: bridge\n${v6}`;
      const head = `# added after validation\nx-note: &note\n  a: 1\n`;
      assert.equal(resolveOn(src, 'ipv6-not-enabled', TITLE, head + src), `${head}${src}    enable_ipv6: true\n`);
      assert.equal(resolveOn(src, 'ipv6-not-enabled', TITLE, `${src}    enable_ipv6: true\n`), undefined);
      assert.equal(resolveOn(src, 'ipv6-not-enabled', TITLE, src.replace('networks:\n  front:', 'networks:\n  back:')), undefined);
      // No service asks for an IPv6 address on it any more.
      assert.equal(resolveOn(src, 'ipv6-not-enabled', TITLE, src.replace('        ipv6_address: fd00:1::10\n', '        aliases: [www]\n')), undefined);
      // Not applied unseen by `check --fix`: the Engine then creates the network with IPv6.
      assert.ok(!k.problems(src).find((p) => p.code === 'ipv6-not-enabled')!.fixes![0].safe);
    });
  });

  // #20: the messages of ports-with-host-network and mac-address-mismatch name the key to remove.
  it('removes `ports` ignored with network_mode: host', () => {
    const src = `services:\n  web:\n    image: x\n    network_mode: host\n    ports:\n      - "8080:80"\n    # the web port\n    restart: always\n`;
    assert.equal(k.applyFix(src, 'ports-with-host-network', 'Remove `ports`'), `services:\n  web:\n    image: x\n    network_mode: host\n    restart: always\n`);
    assert.deepEqual(k.lines(k.applyFix(src, 'ports-with-host-network')), []);
    // Merged in from an anchor other services share: refused, the anchor stays as it is.
    const merged = `x-web: &web\n  ports: ["8080:80"]\nservices:\n  web:\n    <<: *web\n    network_mode: host\n`;
    assert.equal(resolveOn(merged, 'ports-with-host-network', 'Remove `ports`', merged), undefined);
  });

  it('removes the service-level mac_address that differs from the per-network one', () => {
    const src = `services:\n  web:\n    image: x\n    mac_address: 02:42:ac:11:00:02\n    networks:\n      front:\n        mac_address: 02:42:ac:11:00:03\nnetworks:\n  front:\n`;
    const title = 'Remove the service-level `mac_address`';
    assert.deepEqual(k.fixTitles(src, 'mac-address-mismatch'), [title]);
    const out = k.applyFix(src, 'mac-address-mismatch', title);
    assert.equal(out, src.replace('    mac_address: 02:42:ac:11:00:02\n', ''));
    assert.deepEqual(k.lines(out), []);
    // Already removed by hand: refused.
    assert.equal(resolveOn(src, 'mac-address-mismatch', title, out), undefined);
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
