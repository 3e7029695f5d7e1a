import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { modeContext, modeKit } from '../../util/modeKit';

const k = modeKit(systemdDropinMode, 'file:///etc/systemd/system/docker.service.d/http-proxy.conf');

function outline(symbols: DocumentSymbol[] | undefined, depth = 0): string[] {
  return (symbols ?? []).flatMap((s) => [`${'  '.repeat(depth)}${s.name} @${s.selectionRange.start.line + 1}`, ...outline(s.children, depth + 1)]);
}

describe('drop-in outline', () => {
  it('lists sections, directives and the variables of Environment=', () => {
    const f = k.parse('[Service]\nEnvironment="HTTP_PROXY=http://p:1" NO_PROXY=x\nExecStart=\n[Unit]\nAfter=network-online.target\n');
    const symbols = systemdDropinMode.findDocumentSymbols!(f.document, f.model, modeContext());
    assert.deepEqual(outline(symbols), [
      '[Service] @1',
      '  Environment @2',
      '    HTTP_PROXY @2',
      '    NO_PROXY @2',
      '  ExecStart @3',
      '[Unit] @4',
      '  After @5',
    ]);
  });

  it('ends the last section where systemd stops reading', () => {
    const f = k.parse('[Service]\nEnvironment=A=1\n$0[Service\nExecStart=/x\n');
    const symbols = systemdDropinMode.findDocumentSymbols!(f.document, f.model, modeContext());
    assert.deepEqual(outline(symbols), ['[Service] @1', '  Environment @2', '    A @2']);
    assert.deepEqual(symbols[0].range.end, f.position);
  });
});
