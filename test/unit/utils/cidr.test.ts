import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { containsCidr, containsIp, describeRange, findFreeSubnet, groupDigits, overlaps, parseCidr, parseIp } from '../../../server/src/shared/cidr';

describe('parseIp follows Go netip.ParseAddr', () => {
  it('accepts canonical IPv4 and IPv6', () => {
    assert.equal(parseIp('10.0.0.1')?.family, 4);
    assert.equal(parseIp('2001:db8::1')?.family, 6);
    assert.equal(parseIp('2001:0db8:0000::0001')?.text, '2001:db8::1');
    assert.equal(parseIp('::ffff:10.0.0.1')?.family, 6);
  });
  it('rejects what Go rejects', () => {
    for (const bad of ['', '10.0.0', '10.0.0.256', '010.0.0.1', '1.2.3.4.5', 'fe80::1%eth0', '10.0.0.1/24', 'abc', ' 10.0.0.1', '::ffff:010.0.0.1']) {
      assert.equal(parseIp(bad), undefined, bad);
    }
  });
});

describe('parseCidr follows Go netip.ParsePrefix', () => {
  it('parses and reports host bits', () => {
    const c = parseCidr('172.17.0.1/16')!;
    assert.equal(c.prefix, 16);
    assert.equal(c.hostBitsSet, true);
    assert.equal(c.network, '172.17.0.0/16');
    assert.equal(parseCidr('10.0.0.0/8')!.hostBitsSet, false);
    assert.equal(parseCidr('fd00:1::/64')!.network, 'fd00:1::/64');
  });
  it('rejects a missing, oversized or malformed prefix', () => {
    for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/', '10.0.0.0/08', 'fd00::/129', '10.0.0.0/8/8', '/8', '10.0.0.0/-1']) {
      assert.equal(parseCidr(bad), undefined, bad);
    }
  });
});

describe('containment and overlap', () => {
  const net = parseCidr('198.18.0.0/24')!;
  it('contains addresses of its own family only', () => {
    assert.equal(containsIp(net, parseIp('198.18.0.255')!), true);
    assert.equal(containsIp(net, parseIp('198.18.1.0')!), false);
    assert.equal(containsIp(parseCidr('::/0')!, parseIp('198.18.0.1')!), false);
  });
  it('relates blocks', () => {
    assert.equal(containsCidr(parseCidr('198.18.0.0/16')!, net), true);
    assert.equal(containsCidr(net, parseCidr('198.18.0.0/16')!), false);
    assert.equal(overlaps(net, parseCidr('198.18.0.128/25')!), true);
    assert.equal(overlaps(net, parseCidr('198.18.1.0/24')!), false);
  });
  it('describes a range', () => {
    assert.equal(describeRange(net), '198.18.0.0 – 198.18.0.255 (256 addresses)');
    assert.equal(describeRange(parseCidr('10.0.0.1/32')!), '10.0.0.1 – 10.0.0.1 (1 address)');
    assert.match(describeRange(parseCidr('fd00::/64')!), /2\^64 addresses/);
  });
});

describe('findFreeSubnet', () => {
  it('skips taken blocks and respects the pool', () => {
    const taken = [parseCidr('198.18.0.0/24')!, parseCidr('198.18.1.0/25')!];
    assert.equal(findFreeSubnet(['198.18.0.0/22'], 24, taken), '198.18.2.0/24');
    assert.equal(findFreeSubnet(['198.18.0.0/24'], 24, taken), undefined);
    assert.equal(findFreeSubnet(['bogus', '198.18.4.0/24'], 26, taken), '198.18.4.0/26');
  });
});

describe('parse memo', () => {
  it('hands out one frozen result per text, so callers cannot change what others see', () => {
    const a = parseCidr('198.18.64.0/20')!;
    assert.equal(parseCidr('198.18.64.0/20'), a);
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.address));
    assert.throws(() => {
      (a as { prefix: number }).prefix = 8;
    }, TypeError);
    assert.equal(parseIp('198.18.64.1'), parseIp('198.18.64.1'));
  });
  it('stays correct past its bound and remembers invalid texts as invalid', () => {
    for (let i = 0; i < 5000; i++) assert.equal(parseIp(`198.18.${i >> 8}.${i & 255}`)?.text, `198.18.${i >> 8}.${i & 255}`);
    assert.equal(parseIp('198.18.0.7')?.value, (198n << 24n) | (18n << 16n) | 7n);
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('10.0.0.0/33'), undefined);
    assert.equal(parseCidr('10.0.0.0/8' + ' '.repeat(80)), undefined);
  });
});

describe('groupDigits', () => {
  it('writes what toLocaleString("en-US") writes', () => {
    for (const n of [0n, 7n, 999n, 1000n, 65536n, 16777216n, 4294967296n, 999999999999n, -1234567n]) assert.equal(groupDigits(n), n.toLocaleString('en-US'), String(n));
    assert.equal(describeRange(parseCidr('10.0.0.0/8')!), '10.0.0.0 – 10.255.255.255 (16,777,216 addresses)');
  });
});
