import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { makeTree, runCliProcess } from '../util/cliProcess';
import { LspClient, REPO_ROOT } from '../util/lspClient';

/**
 * Every fixture of every mode, under a name of its kind, in one tree: the kind is chosen
 * by path, and the fixtures are named after their cases. Drop-ins each get a folder of
 * their own, so that one drop-in's ExecStart= does not meet another's.
 */
function fixtureTree(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const fixtures = path.join(REPO_ROOT, 'test', 'fixtures');
  for (const file of walk(fixtures)) {
    const rel = path.relative(fixtures, file).split(path.sep);
    const name = path.basename(file).replace(/\.[^.]+$/, '');
    const text = fs.readFileSync(file, 'utf8');
    const where = [...rel.slice(1, -1), name].join('/');
    if (rel[0] === 'daemonJson' && file.endsWith('.json')) files[`daemonJson/${where}/daemon.json`] = text;
    else if (rel[0] === 'compose' && /\.ya?ml$/.test(file)) files[`compose/${where}/compose.yaml`] = text;
    else if (rel[0] === 'systemdDropin' && file.endsWith('.conf')) files[`systemdDropin/${where}/docker.service.d/${name}.conf`] = text;
  }
  for (const rel of ['compose.yaml', 'daemon.json', 'docker.service.d/http-proxy.conf']) {
    files[`workspace/${rel}`] = fs.readFileSync(path.join(REPO_ROOT, 'test', 'workspace', rel), 'utf8');
  }
  return files;
}

interface Row {
  path: string;
  problems: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string; message: string }[];
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** The CLI and the server give the same diagnostics on every fixture (#21): one conversion, one validation path. */
describe('the CLI and the server agree', () => {
  let root: string;
  let files: string[];
  before(() => {
    const tree = fixtureTree();
    files = Object.keys(tree).sort();
    root = makeTree(tree, 'dn-cli-agree-');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('on every fixture of every mode', async () => {
    assert.ok(files.length > 100, `only ${files.length} fixtures found`);
    const engine = '28.5';
    const run = runCliProcess(['check', '--engine-version', engine, '--format', 'json'], { cwd: root });
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const cli = (JSON.parse(run.stdout) as { files: Row[] }).files;
    assert.deepEqual(
      cli.map((f) => f.path),
      files,
      'the CLI checks every fixture',
    );

    const client = new LspClient({ settings: { engineVersion: engine, validationDelay: 0 } });
    try {
      // A workspace folder, as VS Code opens one: the server's workspace index then sees the same files as the CLI's.
      await client.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).href,
        workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'fixtures' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true } },
      });
      await client.connection.sendNotification('initialized', {});
      const server: Row[] = [];
      for (const rel of files) {
        const uri = pathToFileURL(path.join(root, rel)).href;
        client.open(uri, fs.readFileSync(path.join(root, rel), 'utf8'));
        const diagnostics = await client.diagnosticsFor(uri);
        client.close(uri);
        server.push({
          path: rel,
          problems: diagnostics
            .map((d) => ({
              line: d.range.start.line + 1,
              column: d.range.start.character + 1,
              endLine: d.range.end.line + 1,
              endColumn: d.range.end.character + 1,
              severity: SEVERITY[d.severity ?? 1],
              code: String(d.code),
              message: d.message,
            }))
            .sort((a, b) => a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn || a.code.localeCompare(b.code) || a.message.localeCompare(b.message)),
        });
      }
      const strip = (rows: Row[]) => rows.map((r) => ({ path: r.path, problems: r.problems.map(({ line, column, endLine, endColumn, severity, code, message }) => ({ line, column, endLine, endColumn, severity, code, message })) }));
      assert.deepEqual(strip(cli), strip(server));
      assert.ok(server.some((r) => r.problems.length > 0) && server.some((r) => r.problems.length === 0), 'the fixtures hold both clean files and files with problems');
    } finally {
      await client.shutdown();
    }
  });
});
