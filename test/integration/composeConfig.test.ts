import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { toDiagnostics } from '../../server/src/diagnostics';
import { composeMode } from '../../server/src/modes/compose/composeMode';
import { COMPOSE_PROJECTS, projectFixtures } from '../util/composeProjectFixtures';
import { REPO_ROOT } from '../util/lspClient';
import { modeContext } from '../util/modeKit';
import { type Binary, composeOf, label, requireBinary, perReleaseTables, type Tally } from '../util/releases';

/**
 * Compose itself as the judge of our Compose diagnostics (#18): every Compose fixture goes
 * through the real `docker-compose config -q` of Debian trixie and sid (fetched by
 * test/tools/fetchReleases.sh), with no Engine (DOCKER_HOST names a socket that does not
 * exist) and no user configuration.
 *
 * - Where Compose refuses, the fixture marks the line with `# compose refuses`, and we
 *   report an error starting on every marked line. A line only older releases refuse is
 *   marked `# compose before X.Y.Z refuses`: the mode targets the newest Compose (the
 *   property's `x-since-compose` shows in its hover only), so there the difference is
 *   expected and only the releases' verdicts are checked.
 * - Where Compose accepts, no line is marked and we report none of the errors that say
 *   "Compose refuses" (SCHEMA_CODES). Address errors stay: only an Engine judges those
 *   (composeNetworksEngine.test.ts, composeUp.test.ts).
 * - Every project fixture (test/fixtures/composeProjects/<name>/expect, #16) gets the
 *   verdict its `expect` file states: `refuse` lines mean Compose refuses, else it accepts.
 *
 * Each release ends with a table (files, refused, agreed) in the test output.
 */
const FIXTURE_DIRS = ['compose', 'compose/engine', 'compose/config'].map((d) => path.join(REPO_ROOT, 'test', 'fixtures', d));
const MARK = /#\s*compose (?:before (\d+\.\d+\.\d+) )?refuses\b/;

/** Errors that claim Compose refuses the file (schemaShape, undefinedNetwork, undefinedService, networkModeWithNetworks, externalName, macAddressMismatch). */
const SCHEMA_CODES = new Set([
  'wrong-type', 'unknown-property', 'list-of-objects', 'list-of-strings', 'list-or-dict', 'map-of-scalars', 'map-of-strings',
  'invalid-boolean', 'invalid-network-key', 'duplicate-network', 'undefined-network', 'undefined-service',
  'network-mode-with-networks', 'external-name-conflict', 'mac-address-mismatch',
]);

/** An empty Docker config folder, so neither the user's contexts nor plug-in settings take part. */
const dockerConfig = mkdtempSync(path.join(tmpdir(), 'dn-compose-config-'));

export interface ComposeVerdict {
  accepted: boolean;
  /** What Compose printed (its reason when it refuses). */
  output: string;
}

/** `docker-compose [-f file] config -q` in `cwd`, with no Engine and only the environment Compose needs. */
export function composeConfig(compose: Binary, cwd: string, file?: string): ComposeVerdict {
  const args = [...(file ? ['-f', file, '-p', 'dn-config-test'] : []), 'config', '-q'];
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/root',
    DOCKER_CONFIG: dockerConfig,
    DOCKER_HOST: 'unix:///nonexistent/docker-networking-test.sock',
  };
  const r = spawnSync(compose.path, args, { cwd, env, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { accepted: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

function ourErrors(file: string): Diagnostic[] {
  const doc = TextDocument.create(`file://${file}`, 'dockercompose', 1, readFileSync(file, 'utf8'));
  return toDiagnostics(doc, composeMode.validate!(composeMode.parse(doc), modeContext())).filter((d) => d.severity === DiagnosticSeverity.Error);
}

interface Mark {
  line: number;
  /** Only releases before this one refuse the line. */
  before?: string;
}

function marks(file: string): Mark[] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .flatMap((l, i) => {
      const m = MARK.exec(l);
      return m ? [{ line: i + 1, before: m[1] }] : [];
    });
}

function older(version: string, than: string): boolean {
  const a = version.split('.').map(Number);
  const b = than.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

const fixtureFiles = FIXTURE_DIRS.filter(existsSync).flatMap((d) =>
  readdirSync(d)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(d, f)),
);
const projects = existsSync(COMPOSE_PROJECTS) ? projectFixtures() : [];

describe('Compose diagnostics agree with docker-compose config', () => {
  after(() => rmSync(dockerConfig, { recursive: true, force: true }));
  const tables = perReleaseTables();

  for (const suite of ['trixie', 'sid'] as const) {
    const compose = composeOf(suite);
    const tally: Tally = { files: 0, refused: 0, agreed: 0 };

    describe(label(compose), () => {
      for (const file of fixtureFiles) {
        const rel = path.relative(path.join(REPO_ROOT, 'test', 'fixtures'), file);
        it(rel, (t) => {
          if (!requireBinary(t, compose)) return;
          const verdict = composeConfig(compose, path.dirname(file), file);
          const errors = ourErrors(file);
          const ours = errors.map((d) => `${d.range.start.line + 1}: ${String(d.code)}`);
          const active = marks(file).filter((m) => !m.before || older(compose.version!, m.before));
          const marked = active.map((m) => m.line);
          tally.files++;
          t.diagnostic(`compose ${verdict.accepted ? 'accepts' : `refuses: ${verdict.output.split('\n').pop()}`}; ours: ${ours.join(', ') || 'none'}`);
          if (verdict.accepted) {
            assert.deepEqual(marked, [], `Compose ${compose.version} accepts ${rel}, but the fixture marks lines as refused`);
            const schema = errors.filter((d) => SCHEMA_CODES.has(String(d.code)));
            assert.deepEqual(schema.map((d) => `${d.range.start.line + 1}: ${String(d.code)}`), [], `Compose ${compose.version} accepts ${rel}, but we say Compose refuses it`);
          } else {
            tally.refused++;
            assert.ok(marked.length > 0, `Compose ${compose.version} refuses ${rel} (${verdict.output}); mark the line it refuses with "# compose refuses"`);
            for (const line of active.filter((m) => !m.before).map((m) => m.line)) {
              assert.ok(
                errors.some((d) => d.range.start.line + 1 === line),
                `Compose ${compose.version} refuses ${rel} (${verdict.output}); we report no error on line ${line} (ours: ${ours.join(', ') || 'none'})`,
              );
            }
          }
          tally.agreed++;
        });
      }

      for (const p of projects) {
        const rel = path.relative(path.join(REPO_ROOT, 'test', 'fixtures'), p.dir);
        it(`${rel}/`, (t) => {
          if (!requireBinary(t, compose)) return;
          const verdicts = p.runIn.map((d) => ({ d, v: composeConfig(compose, d) }));
          tally.files++;
          const refused = verdicts.some(({ v }) => !v.accepted);
          if (refused) tally.refused++;
          for (const { d, v } of verdicts) t.diagnostic(`${path.relative(p.dir, d) || '.'}: compose ${v.accepted ? 'accepts' : `refuses: ${v.output.split('\n').pop()}`}`);
          assert.equal(
            refused ? 'refuse' : 'accept',
            p.verdict,
            `${rel}/expect says Compose ${p.verdict}s; Compose ${compose.version}: ${verdicts.map(({ d, v }) => `${path.relative(p.dir, d) || '.'} ${v.accepted ? 'accepted' : `refused (${v.output})`}`).join('; ')}`,
          );
          tally.agreed++;
        });
      }

      tables.row(compose, tally);
    });
  }

  tables.summary();
});
