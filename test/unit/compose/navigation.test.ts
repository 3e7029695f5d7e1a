import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../util/fixture';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

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
  return k.parse(SRC.slice(0, i + 1) + '$0' + SRC.slice(i + 1));
}

describe('compose networks: navigation', () => {
  it('goes from a reference to the declaration', () => {
    const f = at('front#0');
    assert.deepEqual(spans(composeMode.findDefinition!(f.document, f.position, f.model, modeContext()).map((l) => l.range)), ['16:2-7']);
    const g = at('service:api#0');
    assert.deepEqual(spans(composeMode.findDefinition!(g.document, g.position, g.model, modeContext()).map((l) => l.range)), []);
    const h = at('api#1');
    assert.deepEqual(spans(composeMode.findDefinition!(h.document, h.position, h.model, modeContext()).map((l) => l.range)), ['9:2-5']);
  });

  it('finds references across list, map, quoted and anchored forms, once each', () => {
    const f = at('back#2');
    assert.deepEqual(spans(composeMode.findReferences!(f.document, f.position, f.model, modeContext()).map((l) => l.range)), ['3:6-10', '8:6-12', '17:2-6']);
    const hl = composeMode.findDocumentHighlights!(f.document, f.position, f.model, modeContext());
    assert.deepEqual(hl.map((h) => h.kind).sort(), [2, 2, 3]);
  });

  it('renames a network everywhere, keeping quotes', () => {
    const f = at('front#1');
    const prep = composeMode.prepareRename!(f.document, f.position, f.model, modeContext());
    assert.equal(prep?.placeholder, 'front');
    const edit = composeMode.doRename!(f.document, f.position, 'public', f.model, modeContext())!;
    const text = applyEdits(f.document, edit.changes![f.document.uri] as TextEdit[]);
    assert.equal((text.match(/public/g) ?? []).length, 2);
    assert.ok(!text.includes('front'));
    const b = at('back#0');
    const t2 = applyEdits(b.document, composeMode.doRename!(b.document, b.position, 'private', b.model, modeContext())!.changes![b.document.uri] as TextEdit[]);
    assert.ok(t2.includes('- private\n') && t2.includes('"private":') && t2.includes('  private:\n    ipam'));
    assert.equal(composeMode.doRename!(b.document, b.position, 'bad name', b.model, modeContext()), null);
  });

  it('renames a service and its service:NAME references', () => {
    const f = at('api:\n');
    const edit = composeMode.doRename!(f.document, f.position, 'backend', f.model, modeContext())!;
    const text = applyEdits(f.document, edit.changes![f.document.uri] as TextEdit[]);
    assert.ok(text.includes('  backend:\n    <<: *common'));
    assert.ok(text.includes('network_mode: service:backend\n') && text.includes('network_mode: "service:backend"'));
  });

  it('lists networks as document symbols', () => {
    const f = k.parse(SRC);
    const symbols = composeMode.findDocumentSymbols!(f.document, f.model, modeContext());
    assert.deepEqual(symbols.map((s) => `${s.name} ${s.detail}`), ['front bridge', 'back bridge 172.28.0.0/16']);
    assert.deepEqual(spans([symbols[1].range]), ['17:2-20:31']);
  });

  it('answers nothing away from names', () => {
    const f = at('ipam');
    assert.deepEqual(composeMode.findReferences!(f.document, f.position, f.model, modeContext()), []);
    assert.equal(composeMode.prepareRename!(f.document, f.position, f.model, modeContext()), null);
  });
});
