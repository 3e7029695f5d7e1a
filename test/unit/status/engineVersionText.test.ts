import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeEngineVersion, engineVersionChoices, type EngineVersionChoice } from '../../../client/src/status/engineVersionText';
import { engineVersionInForce, NEWEST_KNOWN, formatEngineVersion } from '../../../server/src/shared/engineVersion';

const NEWEST = formatEngineVersion(NEWEST_KNOWN);
const COMMANDS = { retry: 'retry', showView: 'view', showOutput: 'output' };
const picked = (choices: EngineVersionChoice[]): string[] => choices.flatMap((c) => (c.kind === 'value' && c.picked ? [c.value] : []));

/** The status item of #20: which Engine version the diagnostics follow, and why. */
describe('the Engine version status item', () => {
  it('auto with an Engine connected: its version, "connected"', () => {
    const t = describeEngineVersion(engineVersionInForce('auto', '20.10.24'), '20.10.24');
    assert.equal(t.text, 'Engine 20.10 · connected');
    assert.match(t.tooltip, /connected Docker Engine, 20\.10\.24/);
    assert.match(t.log, /Engine 20\.10: the connected Engine runs 20\.10\.24/);
  });

  it('auto with no Engine: the newest known release, and says so', () => {
    const t = describeEngineVersion(engineVersionInForce('auto', undefined), undefined);
    assert.equal(t.text, `Engine ${NEWEST} · newest known, no Engine`);
    assert.match(t.tooltip, /No Docker Engine is connected/);
  });

  it('a version in the settings wins over the Engine, and the tooltip names both', () => {
    const t = describeEngineVersion(engineVersionInForce('24.0', '20.10.24'), '20.10.24');
    assert.equal(t.text, 'Engine 24.0 · from settings');
    assert.match(t.tooltip, /The connected Engine runs 20\.10\.24/);
  });

  it('a setting that is neither auto nor MAJOR.MINOR is passed over, and the tooltip says so', () => {
    const inForce = engineVersionInForce('latest', '28.5.2');
    assert.deepEqual(inForce, { version: { major: 28, minor: 5 }, source: 'engine', ignoredSetting: 'latest' });
    assert.match(describeEngineVersion(inForce, '28.5.2').tooltip, /"latest", neither "auto" nor MAJOR\.MINOR/);
  });

  it('an Engine newer than the data: says which changes are not checked', () => {
    const t = describeEngineVersion(engineVersionInForce('auto', '99.1.0'), '99.1.0');
    assert.match(t.tooltip, new RegExp(`99\\.1 is newer than the newest release this extension knows \\(${NEWEST.replace('.', '\\.')}\\)`));
  });

  it('the log line changes exactly when the version in force or its reason changes', () => {
    const log = (s: string, e?: string): string => describeEngineVersion(engineVersionInForce(s, e), e).log;
    assert.equal(log('auto', '20.10.24'), log('auto', '20.10.24'));
    assert.notEqual(log('auto', '20.10.24'), log('auto', undefined));
    assert.notEqual(log('auto', '20.10.24'), log('20.10', '20.10.24'));
  });

  it('the quick pick: auto first, then every release newest first, the one in force checked', () => {
    const choices = engineVersionChoices('24.0', engineVersionInForce('24.0', '20.10.24'), true, COMMANDS);
    const values = choices.flatMap((c) => (c.kind === 'value' ? [c.value] : []));
    assert.equal(values[0], 'auto');
    assert.equal(values[1], NEWEST);
    assert.ok(values.includes('20.10') && values.includes('17.03'));
    assert.deepEqual(picked(choices), ['24.0']);
    assert.ok(choices.some((c) => c.kind === 'value' && c.value === '20.10' && /checked against dockerd 20\.10\.24/.test(c.description ?? '')));
    // Connected: no "retry" in the connection section.
    assert.deepEqual(choices.flatMap((c) => (c.kind === 'command' ? [c.command] : [])), ['view', 'output']);
  });

  it('the quick pick with auto and no Engine: auto checked, the fallback explained, retry offered', () => {
    const choices = engineVersionChoices('auto', engineVersionInForce('auto', undefined), false, COMMANDS);
    assert.deepEqual(picked(choices), ['auto']);
    const auto = choices[0];
    assert.ok(auto.kind === 'value' && auto.detail?.includes(NEWEST));
    assert.deepEqual(choices.flatMap((c) => (c.kind === 'command' ? [c.command] : [])), ['retry', 'view', 'output']);
  });
});
