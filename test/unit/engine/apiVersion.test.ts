import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_API_VERSION, MIN_API_VERSION, compareApiVersions, negotiateApiVersion } from '../../../client/src/engine/apiVersion';
import { KNOWN_RELEASES, parseApiVersion } from '../../../server/src/shared/engineVersion';

describe('API version negotiation (moby client NegotiateAPIVersionPing)', () => {
  it('uses the server version when it is older than ours', () => {
    assert.deepEqual(negotiateApiVersion('1.41'), { ok: true, version: '1.41' });
  });
  it('caps at our newest version', () => {
    assert.deepEqual(negotiateApiVersion('1.99'), { ok: true, version: MAX_API_VERSION });
    assert.ok(compareApiVersions(MAX_API_VERSION, '1.52') >= 0, MAX_API_VERSION);
  });
  it('compares numerically, not as text (1.9 < 1.41)', () => {
    assert.ok(compareApiVersions('1.9', '1.41') < 0);
  });
  it('refuses a server older than our minimum', () => {
    const r = negotiateApiVersion('1.12');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', new RegExp(`older than ${MIN_API_VERSION}`));
  });
  it('falls back to our newest without a header; DOCKER_API_VERSION fixes it', () => {
    assert.deepEqual(negotiateApiVersion(undefined), { ok: true, version: MAX_API_VERSION });
    assert.deepEqual(negotiateApiVersion('1.41', '1.40'), { ok: true, version: '1.40' });
  });
  it('our newest is the newest API of the release data (schemas/engine-releases.json)', () => {
    const apis = KNOWN_RELEASES.map((r) => r.api);
    assert.ok(apis.includes(MAX_API_VERSION));
    for (const api of apis) assert.ok(compareApiVersions(api, MAX_API_VERSION) <= 0, api);
  });
});

describe('API versions parsed by the shared parser (#14: one version parser, server/src/shared/engineVersion.ts)', () => {
  it('reads exactly MAJOR.MINOR, with an optional v and blanks', () => {
    assert.deepEqual(parseApiVersion('1.41'), { major: 1, minor: 41 });
    assert.deepEqual(parseApiVersion(' v1.9 '), { major: 1, minor: 9 });
  });
  it('refuses what an Engine release may carry but an API version may not (a patch or suffix)', () => {
    for (const text of ['1.41.2', '1.41-rc1', '1', 'latest', '', undefined, null]) assert.equal(parseApiVersion(text), undefined, String(text));
  });
  it('so a DOCKER_API_VERSION that is not an API version does not fix the version', () => {
    assert.deepEqual(negotiateApiVersion('1.41', '1.41.2'), { ok: true, version: '1.41' });
    assert.deepEqual(negotiateApiVersion('1.41', 'v1.40'), { ok: true, version: '1.40' });
  });
});
