import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { readDataFile } from '../../../server/src/shared/dataFile';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

describe('readDataFile', () => {
  it('finds a data file by its path from the extension root and parses it', () => {
    const expected = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schemas', 'engine-releases.json'), 'utf8'));
    assert.deepEqual(readDataFile('schemas/engine-releases.json'), expected);
  });

  it('names the missing file instead of returning nothing', () => {
    assert.throws(() => readDataFile('schemas/no-such-file.json'), /Data file schemas\/no-such-file\.json not found/);
  });
});
