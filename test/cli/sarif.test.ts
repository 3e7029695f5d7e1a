import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTree, runCliProcess } from '../util/cliProcess';
import { REPO_ROOT } from '../util/lspClient';

/**
 * Microsoft's SARIF multitool (npm `@microsoft/sarif-multitool`, whose
 * `@microsoft/sarif-multitool-linux` carries the self-contained binary): its `validate`
 * checks a log against the SARIF 2.1.0 JSON schema and the spec's rules. `SARIF_MULTITOOL`
 * may name the binary instead.
 */
function multitool(): string | undefined {
  if (process.env.SARIF_MULTITOOL) return process.env.SARIF_MULTITOOL;
  try {
    return path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json', { paths: [REPO_ROOT] })), 'Sarif.Multitool');
  } catch {
    return undefined;
  }
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[]; relatedLocations?: unknown[] }[];
  }[];
}

describe('--format sarif', () => {
  let root: string;
  let sarif: string;
  before(() => {
    root = makeTree({
      'compose.yaml': 'services:\n  web:\n    networks: [backnd]\nnetworks:\n  a:\n    ipam:\n      config:\n        - subnet: 10.1.0.0/16\n  b:\n    ipam:\n      config:\n        - subnet: 10.1.2.0/24\n',
      'etc docker/daemon.json': '{"bip": "172.26.0.1", "dns": ["1.1.1.1"], "dns": ["8.8.8.8"], "label": "x=y"}\n',
      'docker.service.d/http-proxy.conf': '[Service]\nEnvironmnt="HTTP_PROXY=http://p:3128"\n',
    });
    const r = runCliProcess(['check', '--format', 'sarif'], { cwd: root });
    assert.equal(r.code, 1, r.stderr);
    sarif = r.stdout;
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is a SARIF 2.1.0 log whose results point at their rules and files', () => {
    const log = JSON.parse(sarif) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.equal(run.tool.driver.name, 'docker-networking');
    assert.ok(run.results.length >= 5);
    for (const r of run.results) {
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.equal(r.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    }
    const uris = [...new Set(run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))].sort();
    assert.deepEqual(uris, ['compose.yaml', 'docker.service.d/http-proxy.conf', 'etc%20docker/daemon.json']);
    for (const rule of run.tool.driver.rules) {
      assert.doesNotMatch(rule.shortDescription.text, /^Docker Networking check "/, `${rule.id} has its own summary in schemas/problemCodes.json`);
      assert.ok(rule.help.text.length > rule.shortDescription.text.length, `${rule.id} has help text`);
    }
  });

  it('validates with the SARIF multitool (schema and spec rules: no error, no warning)', (t) => {
    const tool = multitool();
    if (!tool || !fs.existsSync(tool)) {
      const why = 'the SARIF multitool is not installed: add the devDependency @microsoft/sarif-multitool (or set SARIF_MULTITOOL)';
      // As for the Engine tests: CI never skips silently.
      if (process.env.CI === 'true') throw new Error(`CI needs ${why.replace(/^the SARIF multitool is not installed: /, 'the SARIF multitool; ')}`);
      t.skip(why);
      return;
    }
    const input = path.join(root, 'out.sarif');
    const output = path.join(root, 'validation.sarif');
    fs.writeFileSync(input, sarif);
    const run = spawnSync(tool, ['validate', input, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    // The multitool exits 0 whatever it finds: its findings are the results of its own log.
    const findings = (JSON.parse(fs.readFileSync(output, 'utf8')) as { runs: { results?: { ruleId?: string; rule?: { id: string }; level?: string; message: { arguments?: string[] } }[] }[] }).runs[0].results ?? [];
    const serious = findings.filter((f) => f.level === undefined || f.level === 'error' || f.level === 'warning');
    assert.deepEqual(serious.map((f) => `${f.ruleId ?? f.rule?.id}: ${JSON.stringify(f.message.arguments)}`), []);
  });
});
