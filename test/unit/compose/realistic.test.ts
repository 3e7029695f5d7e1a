import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../util/lspClient';
import { composeMode } from '../../../server/src/modes/compose/composeMode';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(composeMode, 'file:///srv/app/compose.yaml', 'dockercompose');

const REALISTIC = readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'compose', 'realistic.yaml'), 'utf8');

describe('compose networks: a realistic 300-line file', () => {
  it('is at least 300 lines with five networks, IPAM and static addresses', () => {
    assert.ok(REALISTIC.split('\n').length >= 300);
    const f = k.parse(REALISTIC);
    assert.equal(f.model.networks.length, 5);
    assert.ok(f.model.refs.filter((r) => r.configEntries.some((e) => e.key === 'ipv4_address')).length >= 15);
  });

  it('gets zero diagnostics on Engines that support what it uses', () => {
    for (const engine of ['28.1', '29.0', '29.7']) assert.deepEqual(k.lines(REALISTIC, { engine }), [], engine);
  });

  it('on Engine 20.10 reports only the properties that Engine is too old for', () => {
    assert.deepEqual(
      k.lines(REALISTIC, { engine: '20.10' }).map((l) => l.split(': ').slice(0, 2).join(': ')),
      ['66: needs-newer-engine', '204: needs-newer-engine'],
    );
  });

  it('still reports a mistake introduced into it, where it is', () => {
    assert.deepEqual(
      k.lines(REALISTIC.replace('ipv4_address: 10.77.64.6', 'ipv4_address: 10.77.65.6')).map((l) => l.split(': ').slice(0, 2).join(': ')),
      [`${REALISTIC.split('\n').findIndex((l) => l.includes('10.77.64.6')) + 1}: static-ip-outside-subnet`],
    );
  });

  it('answers hover and completion on it', () => {
    const src = REALISTIC.replace('    networks:\n      storage:\n        ipv4_address: 10.77.64.6', '    networks:\n      storage:\n        ipv4_address: $0');
    const f = k.parse(src);
    assert.deepEqual(composeMode.complete!(f.document, f.position, f.model, modeContext()).items.map((i) => i.label), ['10.77.64.2']);
  });
});
