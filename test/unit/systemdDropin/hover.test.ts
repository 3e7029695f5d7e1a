import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { renderDirective } from '../../../server/src/modes/systemdDropin/renderDocs';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(systemdDropinMode, 'file:///etc/systemd/system/docker.service.d/http-proxy.conf');

function hover(source: string) {
  const h = k.hover(source);
  return { text: h ? (h.contents as MarkupContent).value : '', range: h?.range, f: k.parse(source) };
}

describe('drop-in hover', () => {
  it('renders a directive from the schema, the same text completion shows', () => {
    const h = hover('[Service]\nEnvi$0ronment="A=1"\n');
    assert.equal(h.text, renderDirective('Service', 'Environment'));
    assert.match(h.text, /\[systemd\.exec\(5\)\]\(https:\/\/www\.freedesktop\.org\/software\/systemd\/man\/systemd\.exec\.html#Environment=\)/);
    assert.match(hover('[Service]\nProtect$0System=full\n').text, /\[Service\] directive of systemd 252/);
  });

  it('explains a proxy variable: what dockerd uses it for, precedence, how to apply and check', () => {
    const { text } = hover('[Service]\nEnvironment="HTTPS$0_PROXY=http://p:3128"\n');
    for (const part of [
      'pull',
      'build',
      '~/.docker/config.json',
      '23.0',
      'systemctl daemon-reload',
      'systemctl restart docker',
      'systemctl show --property=Environment docker',
      'docker info',
    ]) {
      assert.ok(text.includes(part), `missing "${part}"`);
    }
  });

  it('on NO_PROXY lists what every entry of this file matches', () => {
    const { text } = hover('[Service]\nEnvironment="NO$0_PROXY=localhost,10.0.0.0/8,.corp.example,example.*"\nEnvironment=no_proxy=registry.local:5000\n');
    assert.ok(text.includes('`10.0.0.0/8`: IP addresses 10.0.0.0 – 10.255.255.255'), text);
    assert.ok(text.includes('`.corp.example`: subdomains of `corp.example`'));
    assert.ok(text.includes('`example.*`: matches nothing'));
    assert.ok(text.includes('`registry.local:5000`: `registry.local` and all its subdomains, only on port 5000'));
  });

  it('on one NO_PROXY entry explains that entry, with its range', () => {
    const { text, range, f } = hover('[Service]\nEnvironment="NO_PROXY=localhost,$0*.exa$0mple.com"\n');
    assert.match(text, /`\*\.example\.com` bypasses the proxy for subdomains of `example\.com`/);
    assert.deepEqual(range, { start: f.range.start, end: f.document.positionAt(f.offsets[0] + '*.example.com'.length) });
  });

  it('on a proxy URL says what dockerd connects to', () => {
    assert.match(
      hover('[Service]\nEnvironment="HTTP_PROXY=proxy.exa$0mple.com:3128"\n').text,
      /\*\*proxy\.example\.com\*\* on port \*\*3128\*\* using \*\*http\*\*/,
    );
  });

  it('on a proxy URL shows how Go splits it: scheme, user, whether a password is given (never its value), host, port (#20)', () => {
    const { text } = hover('[Service]\nEnvironment="HTTP_PROXY=http://user:p@ss@pro$0xy:3128"\n');
    assert.match(text, /- scheme: `http`\n- user: `user`\n- password: given \(not shown\)\n- host: `proxy`\n- port: `3128`/);
    assert.doesNotMatch(text, /p@ss|ss@/, 'the password is never shown');
    const bare = hover('[Service]\nEnvironment="HTTPS_PROXY=pro$0xy.corp"\n').text;
    assert.match(bare, /- scheme: `http` \(none written: Go puts `http:\/\/` in front\)/);
    assert.match(bare, /- port: `80` \(the default of the scheme\)/);
    assert.doesNotMatch(bare, /user:|password:/);
    assert.match(hover('[Service]\nEnvironment="HTTP_PROXY=http://alice@pro$0xy:8080"\n').text, /- user: `alice`\n- password: none/);
  });

  it('on a section header and on a specifier', () => {
    assert.match(hover('[Ser$0vice]\n').text, /^\*\*\[Service\]\*\*/);
    assert.match(hover('[Service]\nEnvironment=HOST=%$0H\n').text, /\*\*%H\*\*: host name/);
  });
});
