import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { REPO_ROOT } from '../../util/lspClient';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { modeKit } from '../../util/modeKit';

const URI = 'file:///etc/systemd/system/docker.service.d/http-proxy.conf';
const k = modeKit(systemdDropinMode, URI);
/** The fixture and its diagnostics. */
const validate = (source: string) => ({ f: k.parse(source), diagnostics: k.diagnostics(source) });

/**
 * Issue 5 acceptance: the proxy drop-in of seed 003 (docker/docs style) is clean; the
 * same without its [Service] header, with `Enviroment=`, or with an unterminated quote
 * gets exactly one error, on the right line.
 */
const SEED = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'systemdDropin', 'seed003.conf'), 'utf8');

function errors(text: string): string[] {
  return validate(text)
    .diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${d.range.start.line + 1}: ${String(d.code)}`);
}

describe('seed 003 proxy drop-in', () => {
  it('is clean', () => {
    assert.deepEqual(validate(SEED).diagnostics, []);
  });

  it('without [Service]: one error on the first assignment', () => {
    assert.deepEqual(errors(SEED.replace('[Service]\n', '')), ['1: assignment-outside-section']);
  });

  it('with Enviroment=: one error on that line', () => {
    const lines = SEED.split('\n');
    lines[2] = lines[2].replace('Environment', 'Enviroment');
    assert.deepEqual(errors(lines.join('\n')), ['3: unknown-directive']);
  });

  it('with an unterminated quote: one error on that line', () => {
    const lines = SEED.split('\n');
    lines[1] = lines[1].replace(/"$/, '');
    assert.deepEqual(errors(lines.join('\n')), ['2: invalid-syntax']);
  });
});
