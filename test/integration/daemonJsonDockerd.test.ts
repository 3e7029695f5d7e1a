import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../../server/src/diagnostics';
import { daemonJsonMode } from '../../server/src/modes/daemonJson/daemonJsonMode';
import { requireEngine } from '../util/engine';
import { REPO_ROOT } from '../util/lspClient';
import { modeContext } from '../util/modeKit';
import { askDockerd, throwawayDockerdProblem } from '../util/throwawayDockerd';

/**
 * The acceptance test of the daemon.json diagnostics: every file in
 * test/fixtures/daemonJson/dockerd/ is given to a throw-away dockerd of the installed
 * version (own roots, socket and namespaces; see throwawayDockerd.ts). The mode, told to
 * target that version, must report at least one Error exactly on the files dockerd
 * refuses, and none on those it starts with.
 */
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'daemonJson', 'dockerd');

/** MAJOR.MINOR of the installed dockerd ("Docker version 20.10.24+dfsg1, build …" → "20.10"). */
function installedVersion(): string | undefined {
  const r = spawnSync('dockerd', ['--version'], { encoding: 'utf8' });
  const m = /version v?(\d+\.\d+)/i.exec(r.stdout ?? '');
  return m?.[1];
}

function serverErrors(file: string, version: string): string[] {
  const document = TextDocument.create(`file://${file}`, 'json', 1, readFileSync(file, 'utf8'));
  const ctx = modeContext({ engine: version, settings: { daemonJson: { platform: 'linux' } } });
  return toDiagnostics(document, daemonJsonMode.validate!(daemonJsonMode.parse(document), ctx))
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${d.range.start.line + 1}: ${String(d.code)}: ${d.message}`);
}

/** The reason dockerd gave, for readable failures: its last line that says why. */
function reason(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => /unable to configure|failed to start|failed to load|conflict|invalid|error/i.test(l) && !/grpc|plugin/.test(l));
  return (lines.pop() ?? '').slice(0, 300);
}

describe('daemon.json diagnostics agree with a real dockerd', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  const verdicts: { accepted: number; refused: number } = { accepted: 0, refused: 0 };

  for (const name of files) {
    it(name, async (t) => {
      if (!(await requireEngine(t))) return;
      const problem = throwawayDockerdProblem();
      if (problem) {
        if (process.env.CI === 'true') throw new Error(problem);
        t.skip(problem);
        return;
      }
      const version = installedVersion();
      assert.ok(version, 'dockerd --version');
      const file = path.join(FIXTURES, name);
      const verdict = await askDockerd(file, { timeoutMs: 60_000 });
      assert.ok(!verdict.timedOut, `dockerd neither started nor exited for ${name}:\n${verdict.stderr.slice(-2000)}`);
      const errors = serverErrors(file, version);
      if (verdict.accepted) {
        verdicts.accepted++;
        assert.deepEqual(errors, [], `dockerd ${version} starts with ${name}, but the server reports errors`);
      } else {
        verdicts.refused++;
        assert.ok(errors.length > 0, `dockerd ${version} refuses ${name} (${reason(verdict.stderr)}), but the server reports no error`);
      }
    });
  }

  it('covered both verdicts', (t) => {
    if (verdicts.accepted + verdicts.refused === 0) {
      t.skip('no dockerd runs');
      return;
    }
    assert.ok(verdicts.accepted >= 10, `accepted: ${verdicts.accepted}`);
    assert.ok(verdicts.refused >= 10, `refused: ${verdicts.refused}`);
  });
});
