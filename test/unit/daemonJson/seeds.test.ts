import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../util/lspClient';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticLines } from '../../util/fixture';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

/**
 * The sample daemon.json files of the seeds (extracted verbatim into
 * test/fixtures/daemonJson/dockerd/): on Engine 20.10 they must get the errors a real
 * dockerd gives (the dockerd integration test checks the verdict) and nothing else.
 */
const read = (name: string) => readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'daemonJson', 'dockerd', name), 'utf8');
/** `LINE: code` of the diagnostics of one severity. */
const codesOf = (text: string, severity: DiagnosticSeverity) =>
  diagnosticLines(k.diagnostics(text, { engine: '20.10' }).filter((d) => d.severity === severity)).map((l) => l.split(': ').slice(0, 2).join(': '));

describe('seed samples', () => {
  it('seed 000 (a "full" Linux config): one error, icc=false with iptables=false, which dockerd refuses', () => {
    const text = read('seed000-linux-full.json');
    assert.deepEqual(codesOf(text, DiagnosticSeverity.Error), ['67: icc-needs-iptables']);
    assert.deepEqual(codesOf(text, DiagnosticSeverity.Warning), [
      '24: key-deprecated',
      '25: key-deprecated',
      '26: key-deprecated',
      '35: tls-without-certificates',
      '35: tls-without-certificates',
      '35: tls-without-certificates',
    ]);
  });

  it('seed 001: errors only where Go cannot parse it (a no-break space and two # comments)', () => {
    const text = read('seed001-log-storage-graph.json');
    assert.deepEqual(codesOf(text, DiagnosticSeverity.Error), ['7: json-syntax', '9: json-syntax', '10: json-syntax']);
    assert.deepEqual(codesOf(text, DiagnosticSeverity.Warning), ['9: storage-opt-deprecated', '10: key-deprecated']);
  });
});
