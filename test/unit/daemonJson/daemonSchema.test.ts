import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { availability, DAEMON_SCHEMA, mainType, REJECTED_KEYS, SINGULAR_KEYS, type SchemaNode, TOP_LEVEL } from '../../../server/src/modes/daemonJson/daemonSchema';
import { parseEngineVersion } from '../../../server/src/shared/engineVersion';

const VERSION_FIELDS = ['x-since', 'x-deprecated', 'x-removed', 'x-ignoredSince', 'x-supersededIn'] as const;

/** Every described node below a key, with its path. */
function nested(node: SchemaNode, path: string, out: [string, SchemaNode][]): [string, SchemaNode][] {
  for (const [k, v] of Object.entries(node.properties ?? {})) {
    out.push([`${path}.${k}`, v]);
    nested(v, `${path}.${k}`, out);
  }
  if (node.items && node.items.properties) nested(node.items, `${path}[]`, out);
  if (typeof node.additionalProperties === 'object' && node.additionalProperties.properties) nested(node.additionalProperties, `${path}.*`, out);
  return out;
}

describe('schemas/daemon.schema.json', () => {
  it('is a JSON Schema that closes the top level', () => {
    assert.equal(DAEMON_SCHEMA.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(DAEMON_SCHEMA.type, 'object');
    assert.equal(DAEMON_SCHEMA.additionalProperties, false);
  });

  it('gives every key a type, a description, a markdown description with example and link, and a version', () => {
    const problems: string[] = [];
    for (const [key, e] of Object.entries(TOP_LEVEL)) {
      if (!mainType(e)) problems.push(`${key}: no type`);
      if (!e.description) problems.push(`${key}: no description`);
      if (!e.markdownDescription?.includes('```json') || !e.markdownDescription.includes('](https://')) problems.push(`${key}: markdownDescription lacks example or link`);
      if (!e['x-since']) problems.push(`${key}: no x-since`);
      if (!e['x-platforms']?.length) problems.push(`${key}: no x-platforms`);
      if (typeof e['x-reload'] !== 'boolean') problems.push(`${key}: no x-reload`);
      for (const f of VERSION_FIELDS) if (e[f] !== undefined && !parseEngineVersion(e[f])) problems.push(`${key}: bad ${f} ${e[f]}`);
      if (e['x-removed'] && e['x-since'] && parseEngineVersion(e['x-removed'])!.major < parseEngineVersion(e['x-since'])!.major) problems.push(`${key}: removed before added`);
      for (const [path, n] of nested(e, key, [])) {
        if (!mainType(n)) problems.push(`${path}: no type`);
        if (!n.description) problems.push(`${path}: no description`);
      }
      for (const [v, info] of Object.entries(e['x-values'] ?? {})) {
        if (!info.description) problems.push(`${key}=${v}: no description`);
        for (const f of VERSION_FIELDS) {
          const x = (info as Record<string, string | undefined>)[f];
          if (x !== undefined && !parseEngineVersion(x)) problems.push(`${key}=${v}: bad ${f}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('lists singular, rejected and replacement keys that point at real keys', () => {
    for (const [s, plural] of Object.entries(SINGULAR_KEYS)) assert.ok(TOP_LEVEL[plural], `${s} → ${plural}`);
    for (const [k, r] of Object.entries(REJECTED_KEYS)) {
      assert.ok(!TOP_LEVEL[k], k);
      if (r.replacement) assert.ok(TOP_LEVEL[r.replacement], `${k} → ${r.replacement}`);
    }
    for (const [k, e] of Object.entries(TOP_LEVEL)) if (e['x-replacement']) assert.ok(TOP_LEVEL[e['x-replacement']], `${k} → ${e['x-replacement']}`);
  });

  it('knows the keys of the facts table with their versions', () => {
    assert.equal(TOP_LEVEL.proxies['x-since'], '23.0');
    assert.equal(TOP_LEVEL['default-network-opts']['x-since'], '24.0');
    assert.equal(TOP_LEVEL.graph['x-removed'], '23.0');
    assert.equal(TOP_LEVEL.graph['x-replacement'], 'data-root');
    assert.deepEqual(TOP_LEVEL.bip['x-platforms'], ['linux']);
    assert.equal(TOP_LEVEL.debug['x-reload'], true);
    assert.equal(TOP_LEVEL.bip['x-reload'], false);
  });

  it('agrees with what runs of real releases confirmed (x-confirmed, #18)', () => {
    // A key a release started with is available there; one it refused by name is not yet
    // there or already removed. The marks come from test/integration/daemonJsonDockerd.test.ts.
    const problems: string[] = [];
    let marks = 0;
    for (const [key, e] of Object.entries(TOP_LEVEL)) {
      const confirmed = (e as { 'x-confirmed'?: Record<string, 'starts' | 'unknown'> })['x-confirmed'] ?? {};
      for (const [release, seen] of Object.entries(confirmed)) {
        marks++;
        const state = availability(e, parseEngineVersion(release)!, 'linux').state;
        const available = state !== 'notYet' && state !== 'removed' && state !== 'platform';
        if ((seen === 'starts') !== available) problems.push(`${key}: dockerd ${release} showed "${seen}", the schema says ${state}`);
      }
    }
    assert.ok(marks > 50, `marks: ${marks}`);
    assert.deepEqual(problems, []);
  });
});
