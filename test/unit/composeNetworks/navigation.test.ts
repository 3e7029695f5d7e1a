import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../util/fixture';
import { compose, ctx, mode } from './helpers';

const SRC = `x-common: &common
  networks:
    - back
services:
  web:
    networks:
      front:
      "back":
  api:
    <<: *common
  db:
    network_mode: service:api
  side:
    network_mode: "service:api"
networks:
  front:
  back:
    ipam:
      config:
        - subnet: 172.28.0.0/16
`;

/** `LINE:COL-COL` (1-based line) of ranges, sorted, for compact comparison. */
function spans(ranges: Range[]): string[] {
  return ranges
    .map((r) => `${r.start.line + 1}:${r.start.character}-${r.end.line === r.start.line ? '' : `${r.end.line + 1}:`}${r.end.character}`)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

function at(marker: string) {
  // Put the cursor on the n-th occurrence by writing `$0` into SRC.
  const [needle, nth] = marker.split('#');
  let i = -1;
  for (let k = 0; k <= Number(nth ?? 0); k++) i = SRC.indexOf(needle, i + 1);
  return compose(SRC.slice(0, i + 1) + '$0' + SRC.slice(i + 1));
}

describe('compose networks: navigation', () => {
  it('goes from a reference to the declaration', () => {
    const f = at('front#0');
    assert.deepEqual(spans(mode.findDefinition!(f.document, f.position, f.model, ctx()).map((l) => l.range)), ['16:2-7']);
    const g = at('service:api#0');
    assert.deepEqual(spans(mode.findDefinition!(g.document, g.position, g.model, ctx()).map((l) => l.range)), []);
    const h = at('api#1');
    assert.deepEqual(spans(mode.findDefinition!(h.document, h.position, h.model, ctx()).map((l) => l.range)), ['9:2-5']);
  });

  it('finds references across list, map, quoted and anchored forms, once each', () => {
    const f = at('back#2');
    assert.deepEqual(spans(mode.findReferences!(f.document, f.position, f.model, ctx()).map((l) => l.range)), ['3:6-10', '8:6-12', '17:2-6']);
    const hl = mode.findDocumentHighlights!(f.document, f.position, f.model, ctx());
    assert.deepEqual(hl.map((h) => h.kind).sort(), [2, 2, 3]);
  });

  it('renames a network everywhere, keeping quotes', () => {
    const f = at('front#1');
    const prep = mode.prepareRename!(f.document, f.position, f.model, ctx());
    assert.equal(prep?.placeholder, 'front');
    const edit = mode.doRename!(f.document, f.position, 'public', f.model, ctx())!;
    const text = applyEdits(f.document, edit.changes![f.document.uri] as TextEdit[]);
    assert.equal((text.match(/public/g) ?? []).length, 2);
    assert.ok(!text.includes('front'));
    const b = at('back#0');
    const t2 = applyEdits(b.document, mode.doRename!(b.document, b.position, 'private', b.model, ctx())!.changes![b.document.uri] as TextEdit[]);
    assert.ok(t2.includes('- private\n') && t2.includes('"private":') && t2.includes('  private:\n    ipam'));
    assert.equal(mode.doRename!(b.document, b.position, 'bad name', b.model, ctx()), null);
  });

  it('renames a service and its service:NAME references', () => {
    const f = at('api:\n');
    const edit = mode.doRename!(f.document, f.position, 'backend', f.model, ctx())!;
    const text = applyEdits(f.document, edit.changes![f.document.uri] as TextEdit[]);
    assert.ok(text.includes('  backend:\n    <<: *common'));
    assert.ok(text.includes('network_mode: service:backend\n') && text.includes('network_mode: "service:backend"'));
  });

  it('lists networks as document symbols', () => {
    const f = compose(SRC);
    const symbols = mode.findDocumentSymbols!(f.document, f.model, ctx());
    assert.deepEqual(symbols.map((s) => `${s.name} ${s.detail}`), ['front bridge', 'back bridge 172.28.0.0/16']);
    assert.deepEqual(spans([symbols[1].range]), ['17:2-20:31']);
  });

  it('answers nothing away from names', () => {
    const f = at('ipam');
    assert.deepEqual(mode.findReferences!(f.document, f.position, f.model, ctx()), []);
    assert.equal(mode.prepareRename!(f.document, f.position, f.model, ctx()), null);
  });
});
