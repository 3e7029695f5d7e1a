import assert from 'node:assert/strict';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { readJsonLines } from '../../../client/src/engine/jsonLines';
import { fixtureText } from './replayEngine';

/** Feeds the chunks one by one into a stream read by readJsonLines and collects what it reports. */
async function read(chunks: Array<string | Uint8Array>): Promise<{ objects: unknown[]; invalid: string[] }> {
  const objects: unknown[] = [];
  const invalid: string[] = [];
  const input = new PassThrough();
  const lines = readJsonLines(
    input,
    (v) => objects.push(v),
    (t, e) => invalid.push(`${t} (${e})`),
  );
  const closed = once(lines, 'close');
  for (const c of chunks) input.write(c);
  input.end();
  await closed;
  return { objects, invalid };
}

describe('readJsonLines (GET /events stream, #14 item 7)', () => {
  const recorded = fixtureText('1.41', 'events.jsonl');
  const expected = recorded.trim().split('\n').map((l) => JSON.parse(l) as unknown);

  it('reads the recorded 20.10 event stream in one piece', async () => {
    const r = await read([recorded]);
    assert.deepEqual(r.objects, expected);
    assert.deepEqual(r.invalid, []);
  });

  it('reads it byte by byte, including multi-byte UTF-8 split across chunks', async () => {
    const text = recorded + '{"Type":"network","Action":"create","Actor":{"ID":"x","Attributes":{"name":"réseau-😀"}}}\n';
    const bytes = Buffer.from(text, 'utf8');
    const r = await read([...bytes].map((b) => Uint8Array.of(b)));
    assert.equal(r.objects.length, expected.length + 1);
    assert.equal((r.objects.at(-1) as { Actor: { Attributes: { name: string } } }).Actor.Attributes.name, 'réseau-😀');
    assert.deepEqual(r.invalid, []);
  });

  it('reads braces, quotes and escaped newlines inside strings as part of the event', async () => {
    const r = await read(['{"a":"}{\\"\\n","b":[1,{"c":"]"}]}\r\n', '\n', '{"d":1}\n']);
    assert.deepEqual(r.objects, [{ a: '}{"\n', b: [1, { c: ']' }] }, { d: 1 }]);
    assert.deepEqual(r.invalid, []);
  });

  it('reports malformed lines and goes on with the next line', async () => {
    const r = await read(['not json\n{"Type":"network"}\n{"broken": tru\n42\n{"ok":1}\n']);
    assert.deepEqual(r.objects, [{ Type: 'network' }, { ok: 1 }]);
    assert.equal(r.invalid.length, 3);
    assert.match(r.invalid[0], /^not json \(/);
    assert.match(r.invalid[1], /^\{"broken": tru \(/);
    assert.equal(r.invalid[2], '42 (not a JSON object)');
  });

  it('one JSON.parse per line: two events on one line are one unreadable line, not two events', async () => {
    const r = await read(['{"a":1}{"b":2}\n{"c":3}\n']);
    assert.deepEqual(r.objects, [{ c: 3 }]);
    assert.equal(r.invalid.length, 1);
  });

  it('reports an event cut off by the end of the stream', async () => {
    const r = await read(['{"Type":"network"}\n{"Type":"netw']);
    assert.deepEqual(r.objects, [{ Type: 'network' }]);
    assert.equal(r.invalid.length, 1);
    assert.match(r.invalid[0], /^\{"Type":"netw \(/);
  });

  it('reads a last complete event that lacks its newline', async () => {
    const r = await read(['{"a":1}\n{"b":', '2}']);
    assert.deepEqual(r.objects, [{ a: 1 }, { b: 2 }]);
    assert.deepEqual(r.invalid, []);
  });
});
