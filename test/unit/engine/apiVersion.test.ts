import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_API_VERSION, MIN_API_VERSION, compareApiVersions, negotiateApiVersion } from '../../../client/src/engine/apiVersion';

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
});
