import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as ts from 'typescript';

/**
 * The lines the compiler and the bundler hold (#14 item 3):
 * - the client imports of the server only server/src/shared;
 * - the modes import neither `vscode` nor `vscode-languageserver`, and of server/src only
 *   the modes and the shared folder;
 * - the shared folder (bundled into the client too) imports neither, and nothing else of the server;
 * - dist/client.js carries no minimatch of ours, no data loader and no Compose schema.
 *
 * Each compiler case is one `tsc` run over a throw-away project that extends the real
 * project's tsconfig.json (same options, same file list, same references) and adds one
 * file. The file holds allowed imports (which must compile) and forbidden ones (each of
 * which must fail on its own line with the expected error).
 */

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const TSC = require.resolve('typescript/bin/tsc');

let scratch = '';
before(() => {
  // Under the repo root: every project's rootDir is the repo root (tsconfig.base.json), so
  // a file elsewhere would fail for another reason (TS6059). out/ is not in git.
  fs.mkdirSync(path.join(REPO_ROOT, 'out'), { recursive: true });
  scratch = fs.mkdtempSync(path.join(REPO_ROOT, 'out', '.architecture-'));
});
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

interface TscError {
  line: number;
  code: string;
  text: string;
}

/**
 * Type-checks `lines` as one file added to the project of `projectDir` (relative to the
 * repo root). In the lines, `ROOT/` stands for the relative path to the repo root.
 */
function checkInProject(name: string, projectDir: string, lines: string[]): TscError[] {
  // tsconfig files may hold comments: read them as tsc does.
  const read = ts.readConfigFile(path.join(REPO_ROOT, projectDir, 'tsconfig.json'), ts.sys.readFile);
  assert.equal(read.error, undefined);
  const real = read.config as { references?: { path: string }[] };
  const caseDir = path.join(scratch, name);
  fs.mkdirSync(caseDir, { recursive: true });
  const file = path.join(caseDir, 'probe.ts');
  const root = path.relative(caseDir, REPO_ROOT).replace(/\\/g, '/');
  fs.writeFileSync(file, lines.map((l) => l.replace("'ROOT/", `'${root}/`)).join('\n') + '\n');
  const config = path.join(scratch, name, 'tsconfig.json');
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(REPO_ROOT, projectDir, 'tsconfig.json'),
      // `files` adds to the inherited `include`; `references` are not inherited, so they are copied.
      files: [file],
      references: (real.references ?? []).map((r) => ({ path: path.resolve(REPO_ROOT, projectDir, r.path) })),
    }),
  );
  // The referenced projects' declarations are in out/ already: `npm test` runs `tsc -b` first.
  const run = spawnSync(process.execPath, [TSC, '-p', config, '--noEmit', '--pretty', 'false'], { encoding: 'utf8' });
  const errors: TscError[] = [];
  for (const m of run.stdout.matchAll(/^(.*)\((\d+),\d+\): error (TS\d+): (.*)$/gm)) {
    assert.equal(path.resolve(m[1]), file, `an error outside the probe file: ${m[0]}`);
    errors.push({ line: Number(m[2]), code: m[3], text: m[4] });
  }
  assert.equal(run.status === 0, errors.length === 0, run.stdout + run.stderr);
  return errors;
}

/** A probe line per import; `fails` gives the error code and a pattern of its text, or nothing for an allowed import. */
function probe(imports: { line: string; fails?: [string, RegExp] }[]): { lines: string[]; expect: (errors: TscError[]) => void } {
  return {
    lines: imports.map((i) => i.line),
    expect(errors) {
      const expected = imports.flatMap((i, n) => (i.fails ? [{ line: n + 1, code: i.fails[0] }] : []));
      assert.deepEqual(
        errors.map((e) => ({ line: e.line, code: e.code })),
        expected,
        errors.map((e) => `${e.line}: ${e.code} ${e.text}`).join('\n'),
      );
      for (const e of errors) assert.match(e.text, imports[e.line - 1].fails![1]);
    },
  };
}

const NOT_LISTED = 'TS6307';
const NOT_A_MODULE = 'TS2306';
const FORBIDDEN = /forbiddenImport\.d\.ts' is not a module/;

describe('architecture: project references (#14 item 3)', () => {
  it('`tsc -b` (npm run typecheck) builds every project through the root tsconfig.json, which compiles nothing itself', () => {
    const root = ts.readConfigFile(path.join(REPO_ROOT, 'tsconfig.json'), ts.sys.readFile).config as { files?: string[]; include?: string[]; references?: { path: string }[] };
    assert.deepEqual(root.files, []);
    assert.equal(root.include, undefined);
    assert.deepEqual((root.references ?? []).map((r) => r.path).sort(), ['client', 'server', 'server/src/modes', 'server/src/shared', 'test']);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.equal(pkg.scripts.typecheck, 'tsc -b');
  });

  it('the client compiles against server/src/shared and fails on any other server file', () => {
    const p = probe([
      { line: "import { parseCidr } from 'ROOT/server/src/shared/cidr';" },
      { line: "import { EngineStateNotification } from 'ROOT/server/src/shared/protocol';" },
      { line: "import { fileKindOf } from 'ROOT/server/src/fileKindOf';", fails: [NOT_LISTED, /server\/src\/fileKindOf\.ts' is not listed within the file list of project/] },
      { line: "import type { Problem } from 'ROOT/server/src/modes/languageMode';", fails: [NOT_LISTED, /server\/src\/modes\/languageMode\.ts' is not listed/] },
      { line: 'export const used = [parseCidr, EngineStateNotification, fileKindOf];' },
      { line: 'export type UsedType = Problem;' },
    ]);
    p.expect(checkInProject('client', 'client', p.lines));
  });

  it('a mode compiles against the modes, the shared folder and the LSP type packages, and fails on vscode, vscode-languageserver and other server files', () => {
    const p = probe([
      { line: "import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';" },
      { line: "import type { TextDocument } from 'vscode-languageserver-textdocument';" },
      { line: "import type { Problem } from 'ROOT/server/src/modes/languageMode';" },
      { line: "import { parseCidr } from 'ROOT/server/src/shared/cidr';" },
      { line: "import * as vscode from 'vscode';", fails: [NOT_A_MODULE, FORBIDDEN] },
      { line: "import type { Diagnostic } from 'vscode-languageserver';", fails: [NOT_A_MODULE, FORBIDDEN] },
      { line: "import { createConnection } from 'vscode-languageserver/node';", fails: [NOT_A_MODULE, FORBIDDEN] },
      { line: "import { toDiagnostics } from 'ROOT/server/src/diagnostics';", fails: [NOT_LISTED, /server\/src\/diagnostics\.ts' is not listed within the file list of project/] },
      { line: 'export const used = [parseCidr, vscode, createConnection, toDiagnostics];' },
      { line: 'export type UsedTypes = [LspDiagnostic, TextDocument, Problem, Diagnostic];' },
    ]);
    p.expect(checkInProject('modes', 'server/src/modes', p.lines));
  });

  it('the shared folder, bundled into the client too, imports neither vscode nor the LSP server, nor other server files', () => {
    const p = probe([
      { line: "import { NotificationType } from 'vscode-languageserver-protocol';" },
      { line: "import { parseCidr } from 'ROOT/server/src/shared/cidr';" },
      { line: "import * as vscode from 'vscode';", fails: [NOT_A_MODULE, FORBIDDEN] },
      { line: "import { createConnection } from 'vscode-languageserver/node';", fails: [NOT_A_MODULE, FORBIDDEN] },
      { line: "import { fileKindOf } from 'ROOT/server/src/fileKindOf';", fails: [NOT_LISTED, /server\/src\/fileKindOf\.ts' is not listed/] },
      { line: 'export const used = [NotificationType, parseCidr, vscode, createConnection, fileKindOf];' },
    ]);
    p.expect(checkInProject('shared', 'server/src/shared', p.lines));
  });
});

describe('architecture: the client bundle carries only what it uses (#14 item 3)', () => {
  interface Metafile {
    inputs: Record<string, { imports: { path: string }[] }>;
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
  }
  let meta: Metafile;
  /** The bundle's inputs, as paths relative to the repo root, with the bytes each puts into dist/client.js. */
  let inBundle: Map<string, number>;
  /** Repo-relative; node_modules/… wherever the install lives (in a worktree it may be a link elsewhere). */
  const rel = (p: string): string => {
    const r = path.relative(REPO_ROOT, path.resolve(REPO_ROOT, p)).replace(/\\/g, '/');
    const n = r.indexOf('node_modules/');
    return n >= 0 ? r.slice(n) : r;
  };

  before(() => {
    // The real build:client script, with the output and a metafile redirected to the scratch folder.
    const script = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['build:client'];
    const [tool, ...args] = script.split(/\s+/);
    assert.equal(tool, 'esbuild');
    const outfile = path.join(scratch, 'client.js');
    const metafile = path.join(scratch, 'client.meta.json');
    const flags = args.map((a) => (a.startsWith('--outfile=') ? `--outfile=${outfile}` : a));
    assert.ok(flags.includes(`--outfile=${outfile}`), script);
    const run = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'esbuild'), [...flags, `--metafile=${metafile}`], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    meta = JSON.parse(fs.readFileSync(metafile, 'utf8')) as Metafile;
    const outputs = Object.values(meta.outputs);
    assert.equal(outputs.length, 1);
    inBundle = new Map(Object.entries(outputs[0].inputs).map(([p, v]) => [rel(p), v.bytesInOutput]));
  });

  it('of the server it takes only server/src/shared, and not the data loader', () => {
    const server = [...inBundle.keys()].filter((p) => p.startsWith('server/'));
    assert.ok(server.includes('server/src/shared/protocol.ts'), server.join('\n'));
    assert.deepEqual(server.filter((p) => !p.startsWith('server/src/shared/')), []);
    // readDataFile reads schemas next to the bundle at run time: the server's way, not the client's.
    assert.ok(!inBundle.has('server/src/shared/dataFile.ts'));
  });

  it('takes of the Compose schema only the predefined network names', () => {
    const schema = 'schemas/compose-networks.schema.json';
    const whole = fs.statSync(path.join(REPO_ROOT, schema)).size;
    // ["bridge","host","none"] and the wrapper esbuild puts around it; the whole schema is about 16 KB.
    assert.ok((inBundle.get(schema) ?? 0) < 200, `${inBundle.get(schema)} of ${whole} bytes of ${schema} in the bundle`);
    assert.deepEqual([...inBundle.keys()].filter((p) => p.startsWith('schemas/') && p !== schema && p !== 'schemas/engine-releases.json'), []);
  });

  it('has no minimatch of its own: only the copy vscode-languageclient brings', () => {
    // vscode-languageclient matches document selectors with its own nested minimatch; the
    // extension's own code no longer needs one (the file patterns are plain data, shared/fileKinds.ts).
    assert.ok(![...inBundle.keys()].some((p) => p === 'node_modules/minimatch' || p.startsWith('node_modules/minimatch/')));
    const importers = Object.entries(meta.inputs)
      .filter(([, v]) => v.imports.some((i) => /(^|\/)minimatch\//.test(rel(i.path))))
      .map(([p]) => rel(p))
      .filter((p) => !/^node_modules\/(vscode-languageclient|minimatch)\//.test(p));
    assert.deepEqual(importers, []);
  });
});
