import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostics } from '../../server/src/diagnostics';
import { daemonJsonMode } from '../../server/src/modes/daemonJson/daemonJsonMode';
import { requireEngine } from '../util/engine';
import { REPO_ROOT } from '../util/lspClient';
import { modeContext } from '../util/modeKit';
import { dockerdOf, ENGINE_SUITES, envFor, label, perReleaseTables, requireThrowaway, type Tally } from '../util/releases';
import { askDockerd, ThrowawayContainerd } from '../util/throwawayDockerd';

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

/**
 * What a run shows about a top-level key: dockerd started with a file holding it
 * ('starts'), or refused it by name as an unknown option ('unknown'). Object values show
 * nothing when dockerd starts (20.10 flattens the objects of keys it does not know), nor
 * do refusals for other reasons. schemas/daemon.schema.json marks a key `x-confirmed`
 * with what runs of named releases showed (test/tools/daemonKeysConfirmed.json, written
 * when DN_CONFIRMED_OUT names a file); the rest of the schema stays "from source".
 */
type Seen = 'starts' | 'unknown';
const SCHEMA = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'daemon.schema.json'), 'utf8')) as { properties: Record<string, { 'x-confirmed'?: Record<string, Seen> }> };

function observe(text: string, accepted: boolean, stderr: string, into: Map<string, Seen>): void {
  let top: Record<string, unknown>;
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    top = v as Record<string, unknown>;
  } catch {
    return;
  }
  if (accepted) {
    for (const [k, v] of Object.entries(top)) if (v !== null && typeof v !== 'object') into.set(k, 'starts');
    return;
  }
  const m = /don't match any configuration option: (.*)$/m.exec(stderr);
  for (const k of m ? m[1].split(',').map((x) => x.trim()) : []) if (k in top) into.set(k, 'unknown');
}

describe('daemon.json diagnostics agree with a real dockerd', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();
  const tables = perReleaseTables();
  // One containerd for every dockerd asked (see AskOptions.containerd); started on first use.
  const containerd = new ThrowawayContainerd();
  let containerdSocket: Promise<string> | undefined;
  after(() => containerd.dispose());

  for (const suite of ENGINE_SUITES) {
    const dockerd = dockerdOf(suite);
    const tally: Tally = { files: 0, refused: 0, agreed: 0 };
    const seen = new Map<string, Seen>();

    describe(label(dockerd), () => {
      for (const name of files) {
        it(name, async (t) => {
          if (suite === 'machine' && !(await requireEngine(t))) return;
          if (!requireThrowaway(t, dockerd)) return;
          const version = dockerd.majorMinor!;
          const file = path.join(FIXTURES, name);
          const verdict = await askDockerd(file, { timeoutMs: 60_000, dockerd: dockerd.path, env: envFor(dockerd), containerd: await (containerdSocket ??= containerd.start()) });
          assert.ok(!verdict.timedOut, `dockerd ${version} neither started nor exited for ${name}:\n${verdict.stderr.slice(-2000)}`);
          const errors = serverErrors(file, version);
          observe(readFileSync(file, 'utf8'), verdict.accepted, verdict.stderr, seen);
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

      tables.row(dockerd, tally);

      it('covered both verdicts', (t) => {
        if (tally.files === 0) {
          t.skip(dockerd.problem ?? 'no dockerd runs');
          return;
        }
        assert.ok(tally.files - tally.refused >= 10, `accepted: ${tally.files - tally.refused}`);
        assert.ok(tally.refused >= 10, `refused: ${tally.refused}`);
      });

      it('the keys marked as confirmed by this release still show so', (t) => {
        if (tally.files === 0) {
          t.skip(dockerd.problem ?? 'no dockerd runs');
          return;
        }
        const release = dockerd.version!;
        const wrong: string[] = [];
        const unmarked: string[] = [];
        for (const [key, p] of Object.entries(SCHEMA.properties)) {
          const mark = p['x-confirmed']?.[release];
          const now = seen.get(key);
          if (mark && mark !== now) wrong.push(`${key}: marked ${mark} on ${release}, the run shows ${now ?? 'nothing (no fixture holds it)'}`);
          if (!mark && now) unmarked.push(`${key} (${now})`);
        }
        if (unmarked.length) t.diagnostic(`shown by ${release} but not marked: ${unmarked.join(', ')}`);
        const out = process.env.DN_CONFIRMED_OUT;
        if (out) {
          const all = (existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : {}) as Record<string, Record<string, Seen>>;
          all[release] = Object.fromEntries([...seen].sort(([a], [b]) => a.localeCompare(b)));
          writeFileSync(out, `${JSON.stringify(all, null, 2)}\n`);
        }
        assert.deepEqual(wrong, []);
      });
    });
  }

  tables.summary();
});
