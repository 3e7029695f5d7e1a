import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { composeMode } from '../../server/src/modes/compose/composeMode';
import { daemonJsonMode } from '../../server/src/modes/daemonJson/daemonJsonMode';
import type { LanguageMode, ModeContext } from '../../server/src/modes/languageMode';
import { systemdDropinMode } from '../../server/src/modes/systemdDropin/systemdDropinMode';
import type { ExtraPatterns } from '../../server/src/shared/fileKinds';
import { WorkspaceIndex } from '../../server/src/workspaceIndex';
import { REPO_ROOT } from './lspClient';
import { fixtureFolders } from './fixture';
import { modeContext, type ContextOptions } from './modeKit';

/**
 * test/fixtures/hosts/: one folder per Docker host (#17), laid out as an /etc tree
 * (`etc/docker/daemon.json`, `etc/systemd/system/docker.service.d/*.conf`), with an
 * `expect` file listing every problem we report on its files, as `FILE:LINE SEVERITY CODE`
 * (FILE relative to the fixture, LINE 1-based), for the newest Engine.
 */
export const HOST_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'hosts');

export interface HostFixture {
  name: string;
  dir: string;
  expect: string[];
}

export function hostFixtures(): HostFixture[] {
  return fixtureFolders(HOST_FIXTURES).map(({ name, dir, lines }) => ({ name, dir, expect: lines }));
}

/** The daemon.json, drop-in and Compose files below a folder (relative paths, sorted). */
export function hostFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...hostFiles(dir, r));
    else if (e.name === 'daemon.json' || /\.service\.d\//.test(r) || /^(compose|docker-compose)\.ya?ml$/.test(e.name)) out.push(r);
  }
  return out.sort();
}

/** A mode context whose workspace is the folder, read from disk by the server's own index. */
export function hostContext(dir: string, opts: ContextOptions = {}): ModeContext {
  const none: ExtraPatterns = {};
  const workspace = new WorkspaceIndex({ patterns: () => none, openText: () => undefined });
  workspace.addFolder(URI.file(dir).toString());
  return modeContext({ ...opts, workspace });
}

export interface HostProblem {
  file: string;
  line: number;
  severity: string;
  code: string;
  message: string;
}

/** Every problem of every host file of the folder, as the server validates each. */
export function judgeHost(dir: string, opts: ContextOptions = {}): HostProblem[] {
  const ctx = hostContext(dir, opts);
  const out: HostProblem[] = [];
  for (const file of hostFiles(dir)) {
    const mode = (file.endsWith('daemon.json') ? daemonJsonMode : file.endsWith('.yaml') || file.endsWith('.yml') ? composeMode : systemdDropinMode) as LanguageMode;
    const uri = URI.file(path.join(dir, file)).toString();
    const doc = TextDocument.create(uri, 'plaintext', 1, fs.readFileSync(path.join(dir, file), 'utf8'));
    for (const p of mode.validate!(mode.parse(doc), ctx)) {
      out.push({ file, line: doc.positionAt(p.range[0]).line + 1, severity: p.severity, code: p.code, message: p.message });
    }
  }
  return out;
}
