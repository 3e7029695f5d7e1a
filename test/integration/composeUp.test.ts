import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../server/src/diagnostics';
import { composeMode } from '../../server/src/modes/compose/composeMode';
import { REPO_ROOT } from '../util/lspClient';
import { modeContext } from '../util/modeKit';
import { type Binary, composeOf, dockerdOf, label, requireBinary, requireThrowaway, startRelease, type Suite, perReleaseTables, type Tally } from '../util/releases';
import type { ThrowawayDockerd } from '../util/throwawayDockerd';

/**
 * Compose and an Engine as the judges of our address verdicts (#18): each file of
 * test/fixtures/compose/engine goes through the real `docker-compose up --no-start`
 * (networks created, containers created) and then `docker-compose start` (Engine 20.10
 * checks a static address only when the container starts), against a throw-away Engine
 * of each release: the machine's dockerd 20.10 and sid's (28.5 when written), each in
 * namespaces of its own (ThrowawayDockerd isolated) with the busybox image imported, so
 * nothing is pulled (`pull_policy: never`). The project is removed after each file
 * (`down`), and the Engine with its namespaces after the release.
 *
 * Compose stops at the first refusal, so the verdict is per file: the mode, set to the
 * Engine's MAJOR.MINOR, reports an error exactly on the files the Engine refuses. Which
 * error is the Engine's is what composeNetworksEngine.test.ts checks object by object.
 */
const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'compose', 'engine');
const ENGINES: readonly Suite[] = ['machine', 'sid'];
const dockerConfig = mkdtempSync(path.join(tmpdir(), 'dn-compose-up-'));

function composeRun(compose: Binary, socketPath: string, args: string[]): { ok: boolean; output: string } {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', DOCKER_CONFIG: dockerConfig, DOCKER_HOST: `unix://${socketPath}` };
  const r = spawnSync(compose.path, args, { env, encoding: 'utf8', timeout: 120_000 });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

function ourErrors(file: string, version: string): string[] {
  const doc = TextDocument.create(`file://${file}`, 'dockercompose', 1, readFileSync(file, 'utf8'));
  return toDiagnostics(doc, composeMode.validate!(composeMode.parse(doc), modeContext({ engine: version })))
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => `${d.range.start.line + 1}: ${String(d.code)}`);
}

/** The Engine's reason: Compose's last line that says "Error". */
function reason(output: string): string {
  return (output.split('\n').filter((l) => /error/i.test(l)).pop() ?? output.split('\n').pop() ?? '').trim().slice(0, 300);
}

describe('compose up agrees with throw-away Engines', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
  const compose = composeOf('sid');
  const tables = perReleaseTables();
  after(() => rmSync(dockerConfig, { recursive: true, force: true }));

  for (const suite of ENGINES) {
    const dockerd = dockerdOf(suite);
    const tally: Tally = { files: 0, refused: 0, agreed: 0 };
    let engine: ThrowawayDockerd | undefined;

    describe(`${label(dockerd)}, ${label(compose)}`, () => {
      before(async () => {
        if (!compose.problem) engine = await startRelease(dockerd);
      });
      after(async () => engine?.dispose());

      for (const name of files) {
        it(name, (t) => {
          if (!requireThrowaway(t, dockerd) || !requireBinary(t, compose)) return;
          const file = path.join(DIR, name);
          const project = `dn-up-${path.basename(name, '.yaml').toLowerCase()}`;
          const base = ['-f', file, '-p', project];
          try {
            const up = composeRun(compose, engine!.socketPath, [...base, 'up', '--no-start']);
            const start = up.ok ? composeRun(compose, engine!.socketPath, [...base, 'start']) : undefined;
            const refused = !up.ok ? `up: ${reason(up.output)}` : !start!.ok ? `start: ${reason(start!.output)}` : undefined;
            const errors = ourErrors(file, dockerd.majorMinor!);
            tally.files++;
            if (refused) tally.refused++;
            t.diagnostic(`${refused ? `refused (${refused})` : 'accepted'}; ours: ${errors.join(', ') || 'none'}`);
            if (refused) assert.ok(errors.length > 0, `Engine ${dockerd.version} refuses ${name} (${refused}), but we report no error`);
            else assert.deepEqual(errors, [], `Engine ${dockerd.version} accepts ${name}, but we report errors`);
            tally.agreed++;
          } finally {
            const down = composeRun(compose, engine!.socketPath, [...base, 'down', '--timeout', '0']);
            assert.ok(down.ok, `down: ${down.output}`);
          }
        });
      }

      tables.row(dockerd, tally);
    });
  }

  tables.summary();
});
