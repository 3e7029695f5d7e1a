import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minimatch } from 'minimatch';
import { compileMatcher, fileKindOf } from '../../../server/src/fileKindOf';
import { anchorPattern, DEFAULT_PATTERNS, ENV_FILE_PATTERNS } from '../../../server/src/shared/fileKinds';

/**
 * compileMatcher tests a pattern's regular expression instead of calling minimatch's
 * `match` (#21): the two must agree, on our patterns and on the kinds of patterns users
 * put in `dockerNetworking.files`.
 */
describe('compileMatcher', () => {
  // Ours, whose regular expressions judge as match() does; and user-style ones, which stay with match().
  const ours = [...Object.values(DEFAULT_PATTERNS).flat()].map(anchorPattern);
  const users = [
    ...ENV_FILE_PATTERNS,
    'compose/*.yaml',
    'deploy/**/docker-compose.*.yml',
    '/etc/docker/daemon.json',
    '*.json',
    'daemon*.json',
    '{a,b}/x.conf',
    '[abc]*.yaml',
    '!(x).yaml',
    'a?c/*.yml',
    'x/**/y/*.conf',
    '*.service.d/**',
    '@(a|b).yaml',
    '[!a]*.json',
    '\\*.yaml',
    // Where minimatch's regular expressions and match() differ (found by review, #21).
    'compose/**',
    '/srv/**',
    'infra/**/compose/**',
    'a[!b]c.yaml',
    'docker.service.d/**',
  ].map(anchorPattern);
  const paths = [
    '/a/b/compose.yaml', '/a/.hidden/compose.yml', '/c:/Users/x/compose.yaml', '/a/b/docker.service.d/http-proxy.conf',
    '/x/foo.service.d/a', '/a/compose.prod.yaml', '/a//b/compose.yaml', '/a/b/compose.yaml/', '/etc/docker/daemon.json',
    '/daemon.json', 'daemon.json', '/a/.env', '/a/.env.prod', '/a/x.env', '/a/b/c/d/e/f/compose.override.yml', '/a/compose/x.yaml',
    '/deploy/a/b/docker-compose.prod.yml', 'deploy/a/docker-compose.x.yml', '/a/b/x.conf', '/a/a/x.conf', '/a/bcd.yaml',
    '/a/x.yaml', '/a/abc/z.yml', '/p/x/q/y/z.conf', '/p/x/y/z.conf', '/s.service.d/a/b', '/a/b.json', '/a/.b.json', '/a/*.yaml',
    '/a/\\*.yaml', '/a/%20/compose.yaml', '/a/é/compose.yaml', '/a/b/COMPOSE.YAML', '/a/b/compose.yaml.bak',
    '/a/docker-compose..yaml', '/.service.d/x', '/a/.service.d/x',
    '/srv/composer.json', '/srvx/a', '/srv/infra/prod/compose/web.yaml', '/x/a/c.yaml', '/e/docker.service.d.bak/x.conf', '/e/docker.service.dx',
    '/a\nb/daemon.json', '/a\rb/compose.yaml', '/a\u2028b/docker.service.d/x.conf', '/a\u2029/http-proxy.conf',
  ];

  it("agrees with minimatch's match on every pattern and path", () => {
    const differ: string[] = [];
    for (const [list, regex] of [[ours, true], [users, false]] as const) {
      for (const pattern of list) {
        const mm = new minimatch.Minimatch(pattern, { dot: true, nocase: false });
        const test = compileMatcher(pattern, regex);
        for (const p of paths) if (test(p) !== mm.match(p)) differ.push(`${pattern} on ${JSON.stringify(p)}: match ${mm.match(p)}`);
      }
    }
    assert.deepEqual(differ, []);
  });

  it('still chooses the kinds by name', () => {
    assert.equal(fileKindOf('file:///srv/app/compose.prod.yaml'), 'compose');
    assert.equal(fileKindOf('file:///etc/systemd/system/docker.service.d/http-proxy.conf'), 'systemdDropin');
    assert.equal(fileKindOf('file:///etc/docker/daemon.json'), 'daemonJson');
    assert.equal(fileKindOf('file:///etc/docker/daemon.json.bak'), undefined);
    assert.equal(fileKindOf('file:///srv/app/infra.yaml', { compose: ['infra.yaml'] }), 'compose');
    assert.equal(fileKindOf('file:///srv/composer.json', { compose: ['compose/**'] }), undefined, "a user's trailing /** matches below its folder only");
    assert.equal(fileKindOf('file:///a%0Ab/daemon.json'), 'daemonJson', 'a line break in a folder name');
  });
});
