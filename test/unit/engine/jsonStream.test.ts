import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonObjectSplitter } from '../../../client/src/engine/jsonStream';
import { fixtureText } from './replayEngine';

function split(chunks: Array<string | Uint8Array>): { objects: unknown[]; garbage: string[]; rest: string } {
  const objects: unknown[] = [];
  const garbage: string[] = [];
  const s = new JsonObjectSplitter(
    (v) => objects.push(v),
    (t, e) => garbage.push(`${t} (${e})`),
  );
  for (const c of chunks) s.write(c);
  return { objects, garbage, rest: s.end() };
}

describe('JsonObjectSplitter (GET /events stream)', () => {
  const recorded = fixtureText('1.41', 'events.jsonl');
  const expected = recorded.trim().split('\n').map((l) => JSON.parse(l) as unknown);

  it('reads the recorded 20.10 event stream in one piece', () => {
    const r = split([recorded]);
    assert.deepEqual(r.objects, expected);
    assert.deepEqual(r.garbage, []);
    assert.equal(r.rest, '');
  });

  it('reads it byte by byte, including multi-byte UTF-8 split across chunks', () => {
    const text = recorded + '{"Type":"network","Action":"create","Actor":{"ID":"x","Attributes":{"name":"réseau-😀"}}}\n';
    const bytes = Buffer.from(text, 'utf8');
    const r = split([...bytes].map((b) => Uint8Array.of(b)));
    assert.equal(r.objects.length, expected.length + 1);
    assert.equal((r.objects.at(-1) as { Actor: { Attributes: { name: string } } }).Actor.Attributes.name, 'réseau-😀');
  });

  it('handles braces and quotes inside strings', () => {
    const r = split(['{"a":"}{\\"","b":[1,{"c":"]"}]}{"d":1}']);
    assert.deepEqual(r.objects, [{ a: '}{"', b: [1, { c: ']' }] }, { d: 1 }]);
  });

  it('skips malformed text and goes on with the next line', () => {
    const r = split(['not json\n{"Type":"network"}\n{"broken": tru\n{"ok":1}\n']);
    assert.deepEqual(r.objects, [{ Type: 'network' }, { ok: 1 }]);
    assert.equal(r.garbage.length, 2);
  });

  it('returns an object cut off by the end of the stream', () => {
    const r = split(['{"Type":"network"}\n{"Type":"netw']);
    assert.deepEqual(r.objects, [{ Type: 'network' }]);
    assert.equal(r.rest, '{"Type":"netw');
  });
});
