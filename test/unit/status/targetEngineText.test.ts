import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { targetEngineItems, targetEngineSuffix, targetEngineTooltip, type EngineChoice } from '../../../client/src/status/targetEngineText';

const engines: EngineChoice[] = [
  { id: 'context/prod', name: 'prod', host: 'tcp://prod:2376', current: true, target: false, state: 'connected' },
  { id: 'setting/lab', name: 'lab', host: 'ssh://me@lab', current: false, target: true, state: 'unreachable' },
  { id: 'context/build', name: 'build', current: false, target: false },
];

describe('the Engine the diagnostics follow, in the status item (#22)', () => {
  it('names the target only when there is more than one Engine', () => {
    assert.equal(targetEngineSuffix(engines), ' · lab');
    assert.equal(targetEngineSuffix([{ ...engines[0], target: true }]), '');
    assert.equal(targetEngineSuffix(undefined), '');
    assert.equal(targetEngineTooltip(engines), 'Diagnostics follow the Engine "lab", picked instead of the current docker context.');
    assert.equal(targetEngineTooltip(engines.map((e) => ({ ...e, target: e.current }))), 'Diagnostics follow the Engine "prod", the current docker context.');
  });

  it('offers every Engine as a choice, the target checked, with its state', () => {
    assert.deepEqual(targetEngineItems(engines), [
      { id: 'context/prod', label: 'Follow the Engine "prod"', description: 'current · connected', detail: 'tcp://prod:2376' },
      { id: 'setting/lab', label: '$(check) Follow the Engine "lab"', description: 'unreachable', detail: 'ssh://me@lab' },
      { id: 'context/build', label: 'Follow the Engine "build"', description: 'not connected yet', detail: undefined },
    ]);
    assert.deepEqual(targetEngineItems(engines.slice(0, 1)), []);
  });
});
