import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import releases from '../../schemas/engine-releases.json';
import { manifestSettings, renderSettingsTable, REPO, withSettingsTable } from '../util/settingsTable';

/** What package.json promises in the Settings UI and the README (#20). */
describe('the manifest', () => {
  const settings = manifestSettings();

  it('the README settings table is the one package.json gives (node test/tools/genSettingsTable.mjs)', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    assert.equal(readme, withSettingsTable(readme, renderSettingsTable()));
    for (const [key] of settings) assert.ok(readme.includes(`\`${key}\``), `${key} missing from README.md`);
  });

  it('every setting has its own place in the Settings UI (`order`), the Engine version first', () => {
    const orders = settings.map(([, s]) => s.order);
    assert.ok(orders.every((o) => typeof o === 'number'), JSON.stringify(orders));
    assert.equal(new Set(orders).size, orders.length);
    assert.equal(settings[0][0], 'dockerNetworking.engineVersion');
  });

  it('machine-scoped settings say where they can be set', () => {
    const machine = settings.filter(([, s]) => s.scope === 'machine' || s.scope === 'machine-overridable');
    assert.ok(machine.length >= 2);
    for (const [key, s] of machine) assert.match(s.markdownDescription ?? s.description ?? '', /Machine setting.*User settings.*Remote settings/, key);
  });

  it('engineVersion offers `auto` and every known release, newest first, each described', () => {
    const [, ev] = settings.find(([k]) => k === 'dockerNetworking.engineVersion')!;
    assert.deepEqual(ev.enum, ['auto', ...releases.releases.map((r) => r.version).reverse()]);
    assert.equal((ev as { enumDescriptions?: string[] }).enumDescriptions?.length, ev.enum!.length);
    assert.equal(ev.default, 'auto');
  });
});
