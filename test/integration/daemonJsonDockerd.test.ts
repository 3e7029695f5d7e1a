import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../../server/src/diagnostics';
import { daemonJsonMode } from '../../server/src/modes/daemonJson/daemonJsonMode';
import { requireEngine } from '../util/engine';
import { REPO_ROOT } from '../util/lspClient';
import { modeContext } from '../util/modeKit';
import { dockerdOf, ENGINE_SUITES, envFor, label, requireBinary } from '../util/releases';
import { askDockerd, ThrowawayContainerd, throwawayDockerdProblem } from '../util/throwawayDockerd';

/**
 * The acceptance test of the daemon.json diagnostics: every file in
 * test/fixtures/daemonJson/dockerd/ is given to a throw-away dockerd (own roots, socket
 * and namespaces; see throwawayDockerd.ts) of each release we have: the machine's
 * (Debian 12, 20.10) and those of Debian trixie and sid (26.1 and 28.5 when written,
 * fetched by test/tools/fetchReleases.sh; #18). The mode, told to target that binary's
 * MAJOR.MINOR, must report at least one Error exactly on the files that dockerd refuses,
 * and none on those it starts with. Each release ends with a table (files, refused,
 * agreed) in the test output.
 */
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'daemonJson', 'dockerd');

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

interface Tally {
  files: number;
  refused: number;
  agreed: number;
}

describe('daemon.json diagnostics agree with a real dockerd', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  const tables: string[] = [];
  // One containerd for every dockerd asked (see AskOptions.containerd); started on first use.
  const containerd = new ThrowawayContainerd();
  let containerdSocket: Promise<string> | undefined;
  after(() => containerd.dispose());

  for (const suite of ENGINE_SUITES) {
    const dockerd = dockerdOf(suite);
    const tally: Tally = { files: 0, refused: 0, agreed: 0 };

    describe(label(dockerd), () => {
      for (const name of files) {
        it(name, async (t) => {
          if (suite === 'machine' && !(await requireEngine(t))) return;
          if (!requireBinary(t, dockerd)) return;
          const problem = throwawayDockerdProblem(dockerd.path);
          if (problem) {
            if (process.env.CI === 'true') throw new Error(problem);
            t.skip(problem);
            return;
          }
          const version = dockerd.majorMinor!;
          const file = path.join(FIXTURES, name);
          const verdict = await askDockerd(file, { timeoutMs: 60_000, dockerd: dockerd.path, env: envFor(dockerd), containerd: await (containerdSocket ??= containerd.start()) });
          assert.ok(!verdict.timedOut, `dockerd ${version} neither started nor exited for ${name}:\n${verdict.stderr.slice(-2000)}`);
          const errors = serverErrors(file, version);
          tally.files++;
          if (!verdict.accepted) tally.refused++;
          if (verdict.accepted) {
            assert.deepEqual(errors, [], `dockerd ${version} starts with ${name}, but the server reports errors`);
          } else {
            assert.ok(errors.length > 0, `dockerd ${version} refuses ${name} (${reason(verdict.stderr)}), but the server reports no error`);
          }
          tally.agreed++;
        });
      }

      it('covered both verdicts', (t) => {
        const row = `${label(dockerd).padEnd(24)} files ${String(tally.files).padStart(3)}  refused ${String(tally.refused).padStart(3)}  agreed ${String(tally.agreed).padStart(3)}`;
        tables.push(row);
        t.diagnostic(row);
        if (tally.files === 0) {
          t.skip(dockerd.problem ?? 'no dockerd runs');
          return;
        }
        assert.ok(tally.files - tally.refused >= 10, `accepted: ${tally.files - tally.refused}`);
        assert.ok(tally.refused >= 10, `refused: ${tally.refused}`);
      });
    });
  }

  it('per-release table', (t) => {
    for (const row of tables) t.diagnostic(row);
  });
});
