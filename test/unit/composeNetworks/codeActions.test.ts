import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../util/fixture';
import { compose, ctx, mode } from './helpers';

/** Runs validation, asks for the fixes of the diagnostics with `code`, returns title → resulting text. */
function fixes(source: string, code: string): Map<string, string> {
  const f = compose(source);
  const diags = mode.doValidation!(f.document, f.model, ctx()).filter((d) => d.code === code);
  assert.ok(diags.length > 0, `no ${code} diagnostic`);
  const actions: CodeAction[] = mode.getCodeActions!(f.document, diags[0].range, [diags[0]], f.model, ctx());
  return new Map(actions.map((a) => [a.title, applyEdits(f.document, a.edit!.changes![f.document.uri] as TextEdit[])]));
}

describe('compose networks: quick fixes', () => {
  it('declares a missing network, plainly or as external', () => {
    const src = `services:\n  web:\n    networks: [front, back]\nnetworks:\n    front:\n      driver: bridge\n`;
    const out = fixes(src, 'undefined-network');
    assert.equal(out.get('Declare network `back`'), `services:\n  web:\n    networks: [front, back]\nnetworks:\n    front:\n      driver: bridge\n    back:\n`);
    assert.equal(
      out.get('Declare `back` as an existing (external) network'),
      `services:\n  web:\n    networks: [front, back]\nnetworks:\n    front:\n      driver: bridge\n    back:\n      external: true\n`,
    );
    const fresh = fixes(`services:\n  web:\n    networks: [front]`, 'undefined-network');
    assert.equal(fresh.get('Declare network `front`'), `services:\n  web:\n    networks: [front]\n\nnetworks:\n  front:\n`);
    const empty = fixes(`services:\n  web:\n    networks: [front]\nnetworks:\nvolumes: {}\n`, 'undefined-network');
    assert.equal(empty.get('Declare network `front`'), `services:\n  web:\n    networks: [front]\nnetworks:\n  front:\nvolumes: {}\n`);
  });

  it('replaces an overlapping subnet by a free one', () => {
    const src = `services:\n  web:\n    networks: [a, b]\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n  b:\n    ipam:\n      config:\n        - subnet: 172.18.0.0/16\n`;
    const out = fixes(src, 'subnet-overlap');
    assert.equal(out.get('Use the free subnet 172.19.0.0/16'), src.replace('172.18.0.0/16', '172.19.0.0/16'));
    const after = compose(out.get('Use the free subnet 172.19.0.0/16')!);
    assert.deepEqual(mode.doValidation!(after.document, after.model, ctx()), []);
  });

  it('drops network_mode or networks', () => {
    const src = `services:\n  web:\n    network_mode: host\n    image: x\n    networks:\n      - front\n      # the front end\n      - back\n    ports: []\nnetworks:\n  front:\n  back:\n`;
    const out = fixes(src, 'network-mode-with-networks');
    assert.equal(out.get('Remove `network_mode`'), src.replace('    network_mode: host\n', ''));
    assert.equal(out.get('Remove `networks`'), `services:\n  web:\n    network_mode: host\n    image: x\n    ports: []\nnetworks:\n  front:\n  back:\n`);
  });

  it('writes the suggested value for host bits and YAML 1.1 booleans', () => {
    const src = `services:\n  web:\n    networks: [a]\nnetworks:\n  a:\n    internal: yes\n    ipam:\n      config:\n        - subnet: 172.28.1.0/16\n`;
    assert.equal(fixes(src, 'subnet-host-bits').get('Write 172.28.0.0/16'), src.replace('172.28.1.0/16', '172.28.0.0/16'));
    assert.equal(fixes(src, 'yaml11-boolean').get('Write `true`'), src.replace('yes', 'true'));
  });
});
