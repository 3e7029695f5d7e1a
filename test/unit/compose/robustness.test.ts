import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../util/lspClient';
import { prng } from '../../util/prng';
import { toDiagnostics } from '../../../server/src/diagnostics';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

const REALISTIC = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'compose', 'realistic.yaml'), 'utf8');

/** Runs every feature of the mode at a few positions; none may throw. */
function exercise(text: string, rand: () => number): number {
  const f = k.parse(text.replace(/\$0/g, '$ 0'));
  const c = modeContext({ engine: rand() < 0.5 ? '20.10' : '29.7' });
  const problems = composeMode.validate!(f.model, c);
  const diags = toDiagnostics(f.document, problems);
  for (const d of diags) {
    assert.equal(d.source, 'docker-networking');
    assert.match(String(d.code), /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(f.document.offsetAt(d.range.end) - f.document.offsetAt(d.range.start) < 200, `narrow range for ${d.code}`);
  }
  composeMode.findDocumentSymbols!(f.document, f.model, c);
  // Every fix resolves against the text it was offered for to edits inside it, or is refused.
  let resolved = 0;
  for (const fix of problems.flatMap((p) => p.fixes ?? [])) {
    const edits = composeMode.resolveFix!(f.document, f.model, JSON.parse(JSON.stringify(fix)), c);
    if (edits) resolved++;
    for (const e of edits ?? []) {
      assert.ok(0 <= e.range[0] && e.range[0] <= e.range[1] && e.range[1] <= f.text.length, `edit of ${fix.title} inside the text`);
    }
  }
  for (let i = 0; i < 8; i++) {
    const pos = f.document.positionAt(Math.floor(rand() * (text.length + 1)));
    composeMode.complete!(f.document, pos, f.model, c);
    composeMode.hover!(f.document, pos, f.model, c);
    composeMode.findDefinition!(f.document, pos, f.model, c);
    composeMode.findReferences!(f.document, pos, f.model, c);
    composeMode.findDocumentHighlights!(f.document, pos, f.model, c);
    composeMode.prepareRename!(f.document, pos, f.model, c);
    composeMode.doRename!(f.document, pos, 'renamed', f.model, c);
  }
  return resolved;
}

describe('compose networks: robustness', () => {
  it('survives odd but valid YAML', () => {
    const rand = prng(1);
    for (const text of [
      '',
      '---\n---\n',
      'networks: 5\nservices: [a, b]\n',
      'services:\n  web:\n    networks: 7\n    network_mode: {a: 1}\n',
      '? [complex, key]\n: value\nnetworks:\n  ? {a: 1}\n  : x\n',
      'services:\n  a: &a\n    networks: [*a]\n',
      'networks:\n  n: &n\n    ipam: &i\n      config: [*i]\n',
      'services:\n  web:\n    <<: [*missing]\n',
      'networks:\n  "quoted net":\n  \'single\':\nservices:\n  s:\n    networks: ["quoted net", single]\n',
      'services:\n  s:\n    network_mode: "service:"\n',
      '\uFEFFnetworks:\r\n  crlf:\r\n    driver: bridge\r\n',
    ]) {
      exercise(text, rand);
    }
  });

  it('survives random damage to a realistic file', () => {
    const rand = prng(42);
    for (let round = 0; round < 40; round++) {
      const chars = [...REALISTIC];
      for (let k = 0; k < 1 + Math.floor(rand() * 20); k++) {
        const at = Math.floor(rand() * chars.length);
        const op = rand();
        if (op < 0.4) chars.splice(at, 1 + Math.floor(rand() * 5));
        else if (op < 0.8) chars.splice(at, 0, ' :-[]{}&*!#"\'\n\t$'[Math.floor(rand() * 16)]);
        else chars[at] = String.fromCharCode(Math.floor(rand() * 0x3000));
      }
      exercise(chars.join(''), rand);
    }
  });

  it('resolves the quick fixes of the Engine fixtures, intact and damaged, to edits inside the text', () => {
    const rand = prng(3);
    const dir = path.join(REPO_ROOT, 'test', 'fixtures', 'compose', 'engine');
    let resolved = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      resolved += exercise(text, rand);
      for (let round = 0; round < 10; round++) {
        const at = Math.floor(rand() * text.length);
        resolved += exercise(text.slice(0, at) + text.slice(at + Math.floor(rand() * 8)), rand);
      }
    }
    // The fixtures have overlaps, host bits and the like: fixes were offered and resolved.
    assert.ok(resolved > 20, String(resolved));
  });

  it('survives random bytes', () => {
    const rand = prng(7);
    for (let round = 0; round < 10; round++) {
      exercise(Array.from({ length: 2000 }, () => String.fromCharCode(Math.floor(rand() * 256))).join(''), rand);
    }
  });
});
