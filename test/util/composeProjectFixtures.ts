import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureFolders } from './fixture';
import { REPO_ROOT } from './lspClient';

/** test/fixtures/composeProjects/: one folder per workspace, each with an `expect` file (see the README there). */
export const COMPOSE_PROJECTS = path.join(REPO_ROOT, 'test', 'fixtures', 'composeProjects');

export interface ProjectFixture {
  name: string;
  dir: string;
  /** Folders to run `docker compose config` in (the fixture's own, or those of its `dirs` line). */
  runIn: string[];
  verdict: 'accept' | 'refuse';
  /** The errors we must report, `FILE:LINE CODE` (FILE relative to the fixture, LINE 1-based). */
  errors: string[];
}

export function projectFixtures(): ProjectFixture[] {
  return fixtureFolders(COMPOSE_PROJECTS).map(({ name, dir, lines }) => {
    const errors = lines.filter((l) => l.startsWith('refuse ')).map((l) => l.slice('refuse '.length));
    const dirs = lines.find((l) => l.startsWith('dirs '));
    return {
      name,
      dir,
      runIn: dirs ? dirs.split(/\s+/).slice(1).map((x) => path.join(dir, x)) : [dir],
      verdict: errors.length ? 'refuse' : 'accept',
      errors,
    };
  });
}

/** Every Compose-like YAML file below a folder (relative paths, sorted). */
export function yamlFiles(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) out.push(...yamlFiles(dir, r));
    else if (/\.ya?ml$/.test(e.name)) out.push(r);
  }
  return out.sort();
}
