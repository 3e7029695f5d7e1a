import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ignoredMachineSettings, ignoredMachineSettingsMessage } from '../../../client/src/networks/ignoredMachineSettings';

const MACHINE = ['dockerNetworking.host', 'dockerNetworking.context', 'dockerNetworking.networks.requestTimeout'];

/** #20: a machine setting in workspace settings has no effect; the view says where to set it. */
describe('machine settings set where VS Code ignores them', () => {
  it('finds them in a workspace settings.json, comments and trailing commas allowed', () => {
    const text = '{\n  // the lab Engine\n  "dockerNetworking.host": "tcp://lab:2376",\n  "dockerNetworking.engineVersion": "20.10",\n  "dockerNetworking.networks.requestTimeout": 500,\n}';
    assert.deepEqual(ignoredMachineSettings(text, MACHINE), ['dockerNetworking.host', 'dockerNetworking.networks.requestTimeout']);
    assert.deepEqual(ignoredMachineSettings('{ "dockerNetworking.engineVersion": "auto" }', MACHINE), []);
    assert.deepEqual(ignoredMachineSettings('not json', MACHINE), []);
    assert.deepEqual(ignoredMachineSettings('[]', MACHINE), []);
  });

  it('says which, where, and where to set them instead', () => {
    assert.equal(ignoredMachineSettingsMessage([{ folder: 'app', keys: [] }]), undefined);
    assert.equal(
      ignoredMachineSettingsMessage([{ folder: 'app', keys: ['dockerNetworking.host'] }]),
      'dockerNetworking.host is set in the workspace settings of app, where VS Code ignores machine settings. Set it in your User settings (in a remote window, in the Remote settings).',
    );
    assert.match(ignoredMachineSettingsMessage([{ folder: 'a', keys: ['dockerNetworking.host'] }, { folder: 'b', keys: ['dockerNetworking.context', 'dockerNetworking.host'] }])!, /^dockerNetworking\.host, dockerNetworking\.context are set in the workspace settings of a, b/);
  });
});
