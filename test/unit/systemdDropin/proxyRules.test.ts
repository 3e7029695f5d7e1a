import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyNoProxyEntry, parseNoProxy } from '../../../server/src/modes/systemdDropin/noProxy';
import { readProxy } from '../../../server/src/modes/systemdDropin/proxyUrl';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { modeKit } from '../../util/modeKit';

const URI = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
const k = modeKit(systemdDropinMode, URI);
/** Only the diagnostics with `code`, as lines. */
const linesOf = (code: string, source: string, uri = URI) => modeKit(systemdDropinMode, uri).lines(source).filter((l) => l.split(': ')[1] === code);
const lines = (source: string, uri = URI) => modeKit(systemdDropinMode, uri).lines(source);
/** The fixture and its diagnostics. */
const validate = (source: string) => ({ f: k.parse(source), diagnostics: k.diagnostics(source) });

describe('readProxy (x/net httpproxy parseProxy)', () => {
  it('keeps http, https and socks5 URLs', () => {
    for (const v of ['http://proxy:3128', 'https://proxy.example.com:443/', 'socks5://10.0.0.1:1080', 'http://[fd00::1]:3128']) {
      const r = readProxy(v);
      assert.equal(r.error, undefined, v);
      assert.equal(r.prefixed, false, v);
    }
  });
  it('reads a bare host:port as http', () => {
    const r = readProxy('proxy.example.com:3128');
    assert.equal(r.prefixed, true);
    assert.equal(r.url?.host, 'proxy.example.com');
    assert.equal(r.url?.port, '3128');
    assert.equal(readProxy('10.0.0.1:3128').url?.host, '10.0.0.1');
  });
  it('misreads another scheme as a host name', () => {
    const r = readProxy('ftp://proxy:21');
    assert.equal(r.ignoredScheme, 'ftp');
    assert.equal(r.url?.host, 'ftp');
  });
  it('re-reads an unparsable value with http:// in front, or drops it', () => {
    const port = readProxy('http://proxy:port');
    assert.match(port.firstError ?? '', /invalid port/);
    assert.equal(port.url?.host, 'http');
    assert.match(readProxy('http://pro xy:3128').firstError ?? '', /invalid character " " in host name/);
    assert.match(readProxy('http://u:p%zz@proxy:1').error ?? '', /invalid URL escape/);
  });
});

describe('NO_PROXY entries (x/net httpproxy config.init)', () => {
  it('classifies entries like Go', () => {
    const kinds = (s: string) => classifyNoProxyEntry(s).kind;
    assert.equal(kinds('*'), 'all');
    assert.equal(kinds('10.0.0.0/8'), 'cidr');
    assert.equal(kinds('fd00::/8'), 'cidr');
    assert.equal(kinds('1.2.3.4'), 'ip');
    assert.equal(kinds('1.2.3.4:80'), 'ip');
    assert.equal(kinds('[::1]:80'), 'ip');
    assert.equal(kinds('example.com'), 'domain');
    assert.equal(kinds('.example.com'), 'domain');
    assert.equal(kinds('*.example.com'), 'domain');
    assert.equal(kinds('example.com:443'), 'domain');
    for (const bad of ['example.*', '10.0.0.0/8:80', 'foo bar', 'http://x.com', '*foo.com', ':80', 'x.com:http', '10.0.0.300']) {
      assert.equal(kinds(bad), 'nothing', bad);
    }
  });
  it('keeps offsets of trimmed entries', () => {
    const v = 'a.com, b.com ,,c.com';
    assert.deepEqual(
      parseNoProxy(v).map((e) => v.slice(e.start, e.end)),
      ['a.com', 'b.com', 'c.com'],
    );
  });
});

describe('proxy rules', () => {
  it('proxy-url-scheme on the scheme', () => {
    const { f, diagnostics } = validate('[Service]\nEnvironment="HTTPS_PROXY=$0socks5h$0://proxy:1080"\n');
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}: ${d.message}`),
      [
        'proxy-url-scheme: dockerd does not support the proxy scheme "socks5h" (only http, https and socks5): Go reads this value as http://socks5h://proxy:1080 and tries a proxy host named "socks5h". Use http://, https:// or socks5://.',
      ],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
  });

  it('proxy-url-invalid on the value', () => {
    assert.deepEqual(linesOf('proxy-url-invalid', '[Service]\nEnvironment=HTTP_PROXY=http://proxy:port\n'), [
      '2: proxy-url-invalid: Go cannot parse this HTTP_PROXY (invalid port ":port" after host); dockerd then reads it as http://http://proxy:port and tries a proxy host named "http". Write it as http://host:port.',
    ]);
    assert.deepEqual(linesOf('proxy-url-invalid', '[Service]\nEnvironment=HTTPS_PROXY=http://u:p%%zz@proxy:1\n'), [
      '2: proxy-url-invalid: dockerd cannot parse this HTTPS_PROXY (invalid URL escape "%zz") and silently uses no proxy. Write it as http://host:port.',
    ]);
    assert.deepEqual(lines('[Service]\nEnvironment=HTTP_PROXY=proxy.example.com:3128 https_proxy=http://[fd00::1]:3128\n'), []);
  });

  it('proxy-url-needs-encoding on the character, with the doubled-% fix', () => {
    const { f, diagnostics } = validate('[Service]\nEnvironment="HTTP_PROXY=http://user:pa$0#$0ss@proxy:3128"\n');
    const d = diagnostics.find((x) => x.code === 'proxy-url-needs-encoding');
    assert.ok(d);
    assert.deepEqual(d.range, f.range);
    assert.match(d.message, /write %%23/);
  });

  it('proxy-credentials on the user info; a doubled %% is fine', () => {
    const { f, diagnostics } = validate('[Service]\nEnvironment="HTTPS_PROXY=http://$0domain%%5Cuser:complex%%23pass$0@proxy.example.com:3128/"\n');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['proxy-credentials'],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
    assert.match(diagnostics[0].message, /systemctl show --property=Environment docker/);
  });

  it('proxy-specifier-in-url: a known specifier that swallows a percent-encoding', () => {
    assert.deepEqual(linesOf('proxy-specifier-in-url', '[Service]\nEnvironment="HTTP_PROXY=http://u:p%C3%A9@proxy:3128"\n'), [
      '2: proxy-specifier-in-url: systemd replaces %C with a specifier value, so dockerd never sees the percent-encoding %C3. Write %%C3.',
      '2: proxy-specifier-in-url: systemd replaces %A with a specifier value, so dockerd never sees the percent-encoding %A9. Write %%A9.',
    ]);
  });

  it('no-proxy-entry-ignored on each entry that matches nothing', () => {
    const { f, diagnostics } = validate('[Service]\nEnvironment="NO_PROXY=localhost,$0example.*$0,*.docker.io,10.0.0.0/8,10.0.0.0/8:80"\n');
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}: ${d.message}`),
      [
        'no-proxy-entry-ignored: This NO_PROXY entry matches nothing: a `*` only works alone or as a leading `*.`; there are no other wildcards.',
        'no-proxy-entry-ignored: This NO_PROXY entry matches nothing: a CIDR range cannot have a port.',
      ],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
  });

  it('no-proxy-duplicate on an entry that matches the same hosts as an earlier one, with its removal (#20)', () => {
    const src = '[Service]\nEnvironment="NO_PROXY=.corp,localhost,*.corp,10.0.0.0/8,LOCALHOST,10.0.0.1/8,corp"\n';
    assert.deepEqual(linesOf('no-proxy-duplicate', src), [
      '2: no-proxy-duplicate: `*.corp` matches the same hosts as `.corp` earlier in NO_PROXY; it changes nothing. Remove it.',
      '2: no-proxy-duplicate: `LOCALHOST` matches the same hosts as `localhost` earlier in NO_PROXY; it changes nothing. Remove it.',
      '2: no-proxy-duplicate: `10.0.0.1/8` matches the same hosts as `10.0.0.0/8` earlier in NO_PROXY; it changes nothing. Remove it.',
    ], '`corp` (the domain itself too) is not `.corp`');
    assert.equal(k.applyFix(src, 'no-proxy-duplicate', 'Remove `*.corp`'), src.replace(',*.corp', ''));
    // The fix follows its variable when lines are added above, and is refused once the text changed.
    const [fix] = k.problems(src).filter((p) => p.code === 'no-proxy-duplicate').flatMap((p) => p.fixes ?? []);
    const moved = src.replace('[Service]\n', '[Service]\nEnvironment="HTTP_PROXY=http://p:3128"\n');
    const f = k.parse(moved);
    const edits = systemdDropinMode.resolveFix!(f.document, f.model, JSON.parse(JSON.stringify(fix)), {} as never);
    assert.ok(edits && edits.length === 1 && moved.slice(edits[0].range[0], edits[0].range[1]) === ',*.corp');
    const g = k.parse(src.replace('*.corp', '*.corq'));
    assert.equal(systemdDropinMode.resolveFix!(g.document, g.model, JSON.parse(JSON.stringify(fix)), {} as never), undefined);
  });

  it('duplicate-variable on the earlier assignment; an empty Environment= resets', () => {
    const { f, diagnostics } = validate('[Service]\nEnvironment="$0HTTP_PROXY$0=http://a:1"\nEnvironment="HTTP_PROXY=http://b:1"\n');
    assert.deepEqual(
      diagnostics.map((d) => `${d.code}: ${d.message}`),
      ['duplicate-variable: HTTP_PROXY is set again on line 3; the later value wins and this one has no effect. Remove one of them.'],
    );
    assert.deepEqual(diagnostics[0].range, f.range);
    assert.deepEqual(lines('[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=A=2\n'), []);
  });

  it('proxy-case-conflict on the lower-case name when the values differ', () => {
    assert.deepEqual(lines('[Service]\nEnvironment=HTTP_PROXY=http://a:1 http_proxy=http://b:1\n'), [
      '2: proxy-case-conflict: http_proxy differs from HTTP_PROXY: dockerd reads HTTP_PROXY first and ignores this value. Give both the same value, or keep only HTTP_PROXY.',
    ]);
    assert.deepEqual(lines('[Service]\nEnvironment=NO_PROXY=a.com no_proxy=a.com\n'), []);
  });

  it('proxy-name-lookalike and proxy-variable-unused', () => {
    assert.deepEqual(
      linesOf('proxy-name-lookalike', '[Service]\nEnvironment=HTTP-PROXY=x HTTPPROXY=x Https_Proxy=x no_proxi=x HTTP_PROXY=x MY_PROXY_HOST=x\n'),
      [
        '2: proxy-name-lookalike: dockerd does not read "HTTP-PROXY": the proxy variables are spelled HTTP_PROXY or http_proxy.',
        '2: proxy-name-lookalike: dockerd does not read "HTTPPROXY": the proxy variables are spelled HTTP_PROXY or http_proxy.',
        '2: proxy-name-lookalike: dockerd does not read "Https_Proxy": the proxy variables are spelled HTTPS_PROXY or https_proxy.',
        '2: proxy-name-lookalike: dockerd does not read "no_proxi": the proxy variables are spelled NO_PROXY or no_proxy.',
      ],
    );
    assert.deepEqual(linesOf('proxy-variable-unused', '[Service]\nEnvironment=ALL_PROXY=socks5://p:1\n').length, 1);
  });
});
