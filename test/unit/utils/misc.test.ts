import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindOf } from '../../../server/src/fileKindOf';
import { normalizeSettings, DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { atLeast, NEWEST_KNOWN, parseEngineVersion, resolveEngineVersion } from '../../../server/src/shared/engineVersion';
import { LanguageModelCache } from '../../../server/src/utils/languageModelCache';
import { runSafe } from '../../../server/src/utils/runner';
import { didYouMean } from '../../../server/src/modes/suggest';

describe('fileKindOf picks a mode by path, whatever the language id', () => {
  const cases: [string, string | undefined][] = [
    ['file:///etc/docker/daemon.json', 'daemonJson'],
    ['file:///home/u/.config/docker/daemon.json', 'daemonJson'],
    ['file:///srv/app/compose.yaml', 'compose'],
    ['file:///srv/app/compose.yml', 'compose'],
    ['file:///srv/app/docker-compose.yml', 'compose'],
    ['file:///srv/app/compose.override.yaml', 'compose'],
    ['file:///srv/app/docker-compose.prod.yml', 'compose'],
    ['file:///etc/systemd/system/docker.service.d/http-proxy.conf', 'systemdDropin'],
    ['file:///etc/systemd/system/docker.service.d/override.conf', 'systemdDropin'],
    ['file:///etc/systemd/system/docker.service.d/proxy.txt', 'systemdDropin'],
    ['file:///tmp/http-proxy.conf', 'systemdDropin'],
    ['file:///c%3A/Users/u/docker/daemon.json', 'daemonJson'],
    ['file:///srv/app/composer.yaml', undefined],
    ['file:///srv/app/compose.json', undefined],
    ['file:///srv/app/daemon.json.bak', undefined],
    ['untitled:Untitled-1', undefined],
  ];
  for (const [uri, kind] of cases) it(`${uri} → ${kind}`, () => assert.equal(fileKindOf(uri), kind));
  it('adds user patterns per kind', () => {
    assert.equal(fileKindOf('file:///srv/stack/prod.yml'), undefined);
    assert.equal(fileKindOf('file:///srv/stack/prod.yml', { compose: ['**/stack/*.yml'] }), 'compose');
    assert.equal(fileKindOf('file:///etc/docker/daemon.dev.json', { daemonJson: ['daemon.*.json'] }), 'daemonJson');
  });
});

describe('settings', () => {
  it('fills defaults for anything a client may send', () => {
    for (const raw of [undefined, null, 42, 'x', [], {}]) assert.deepEqual(normalizeSettings(raw), DEFAULT_SETTINGS);
  });
  it('keeps valid values and drops invalid ones', () => {
    const s = normalizeSettings({ engineVersion: '20.10', validationDelay: -5, files: { compose: ['a.yml', 3, ''] }, compose: { hover: false, validate: 'no' } });
    assert.equal(s.engineVersion, '20.10');
    assert.equal(s.validationDelay, 0);
    assert.deepEqual(s.files.compose, ['a.yml']);
    assert.equal(s.compose.hover, false);
    assert.equal(s.compose.validate, true);
  });
});

describe('engine versions', () => {
  it('parses releases as MAJOR.MINOR', () => {
    assert.deepEqual(parseEngineVersion('20.10.24+dfsg1'), { major: 20, minor: 10 });
    assert.deepEqual(parseEngineVersion('v29.7.2-rc.1'), { major: 29, minor: 7 });
    assert.equal(parseEngineVersion('latest'), undefined);
  });
  it('compares so that 20.10 < 23.0', () => {
    assert.equal(atLeast({ major: 20, minor: 10 }, '23.0'), false);
    assert.equal(atLeast({ major: 23, minor: 0 }, '20.10'), true);
  });
  it('resolves setting, then connected Engine, then newest known', () => {
    assert.deepEqual(resolveEngineVersion('24.0', '20.10.24'), { major: 24, minor: 0 });
    assert.deepEqual(resolveEngineVersion('auto', '20.10.24'), { major: 20, minor: 10 });
    assert.deepEqual(resolveEngineVersion('auto', undefined), NEWEST_KNOWN);
    assert.deepEqual(resolveEngineVersion('bogus', undefined), NEWEST_KNOWN);
  });
});

describe('didYouMean', () => {
  it('suggests close names and case fixes, not far ones', () => {
    assert.equal(didYouMean('Debug', ['debug', 'data-root']), 'debug');
    assert.equal(didYouMean('registry-mirror', ['registry-mirrors', 'insecure-registries']), 'registry-mirrors');
    assert.equal(didYouMean('Enviroment', ['Environment', 'EnvironmentFile']), 'Environment');
    assert.equal(didYouMean('zzzzzz', ['debug', 'labels']), undefined);
  });
});

describe('LanguageModelCache', () => {
  it('parses once per document version and evicts the least recently used', () => {
    let parses = 0;
    const cache = new LanguageModelCache<string>((d) => {
      parses++;
      return d.getText();
    }, 2);
    const a1 = TextDocument.create('file:///a', 'json', 1, 'a');
    assert.equal(cache.get(a1), 'a');
    assert.equal(cache.get(a1), 'a');
    assert.equal(parses, 1);
    assert.equal(cache.get(TextDocument.update(a1, [{ text: 'A' }], 2)), 'A');
    assert.equal(parses, 2);
    cache.get(TextDocument.create('file:///b', 'json', 1, 'b'));
    cache.get(TextDocument.create('file:///c', 'json', 1, 'c'));
    assert.equal(cache.size, 2);
  });
  it('drops entries unused for too long', () => {
    let now = 0;
    const cache = new LanguageModelCache<string>((d) => d.getText(), 10, 1000, () => now);
    cache.get(TextDocument.create('file:///a', 'json', 1, 'a'));
    now = 5000;
    cache.cleanup();
    assert.equal(cache.size, 0);
  });
});

describe('runSafe', () => {
  it('logs an exception and answers the empty result', () => {
    const errors: string[] = [];
    const logger = { error: (m: string) => errors.push(m), warn: () => undefined, info: () => undefined };
    const result = runSafe(logger, 'testing', 'empty', undefined, () => {
      throw new Error('boom');
    });
    assert.equal(result, 'empty');
    assert.match(errors[0], /Error while testing: boom/);
    assert.equal(runSafe(logger, 'x', 'empty', { isCancellationRequested: true }, () => 'full'), 'empty');
  });
});
