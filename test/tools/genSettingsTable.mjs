#!/usr/bin/env node
// Writes the README's settings table from package.json (#20). Needs `npx tsc -b` first:
// the renderer is test/util/settingsTable.ts, the same one test/unit/manifest.test.ts checks with.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(fileURLToPath(import.meta.url), '..', '..', '..');
const { renderSettingsTable, withSettingsTable } = createRequire(import.meta.url)(join(repo, 'out/test/util/settingsTable.js'));
const file = join(repo, 'README.md');
const before = readFileSync(file, 'utf8');
const after = withSettingsTable(before, renderSettingsTable());
writeFileSync(file, after);
console.log(before === after ? 'README.md: settings table unchanged' : 'README.md: settings table rewritten');
