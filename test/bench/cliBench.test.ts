import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { runCliProcess } from '../util/cliProcess';
import { cliBudgets } from './budgets';
import { CLI_TREE_FILES, writeCliTree } from './cliBench';
import { cliTable, renderText } from './report';
import type { CliResults } from './results';

describe('the command-line benchmark (#21)', () => {
  it('writes 1,000 files of the three kinds that the CLI checks, none twice the same', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-cli-tree-'));
    try {
      const { files } = writeCliTree(root);
      assert.equal(files.length, CLI_TREE_FILES);
      assert.deepEqual([...new Set(files.map((f) => f.kind))].sort(), ['compose', 'daemonJson', 'systemdDropin']);
      assert.equal(new Set(files.map((f) => fs.readFileSync(f.file, 'utf8'))).size, files.length);
      const r = runCliProcess(['check', '--format', 'json'], { cwd: root });
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, CLI_TREE_FILES);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('prints – for a tool that is missing, and checks the budgets of the tools it measured', () => {
    const ms = (median: number) => ({ n: 5, median, p95: median, min: median, max: median });
    const results: CliResults = {
      files: 1000,
      counts: { daemonJson: 700, compose: 100, systemdDropin: 200 },
      totalMs: ms(500),
      filesPerSecond: 2000,
      oursPerFileMs: 0.5,
      tools: [
        { id: 'dockerd-validate', label: 'dockerd --validate', kind: 'daemonJson', missing: 'has no --validate (it came with Engine 23.0)', files: 0 },
        { id: 'systemd-analyze-verify', label: 'systemd-analyze verify', kind: 'systemdDropin', files: 5, perFileMs: ms(8), ratio: 16 },
      ],
    };
    const text = renderText(cliTable(results));
    assert.match(text, /dockerd --validate \(has no --validate \(it came with Engine 23\.0\)\) +– +–/);
    assert.deepEqual(
      cliBudgets({ cli: results }).map((b) => [b.id, b.pass]),
      [
        ['cli-1000-files', true],
        ['cli-vs-dockerd-validate', null],
        ['cli-vs-systemd-analyze-verify', false],
      ],
    );
  });
});
