import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { type DaemonJsonModel, type DaemonJsonRule, topValue } from '../../../server/src/modes/daemonJson/model';
import { problemAt } from '../../../server/src/modes/daemonJson/problemAt';
import { RuleResultCache } from '../../../server/src/modes/daemonJson/ruleResultCache';
import { validate } from '../../../server/src/modes/daemonJson/validate';
import { modeContext } from '../../util/modeKit';

/**
 * The per-document memo of rule results (#14): a rule runs again only when what it read
 * changed, and reused problems move with their key.
 */
const parse = (text: string): DaemonJsonModel => daemonJsonMode.parse(TextDocument.create('file:///etc/docker/daemon.json', 'json', 1, text));

/** A rule that reads one key and reports its value, counting its runs. */
function spyRule(key: string): { rule: DaemonJsonRule; runs: () => number } {
  let runs = 0;
  const rule: DaemonJsonRule = (model) => {
    runs++;
    const v = topValue(model, key);
    return v ? [problemAt(v, 'warning', 'spy', `${key} is ${String(v.value)}`)] : [];
  };
  return { rule, runs: () => runs };
}

const text = (mtu: number, debug: string) => `{\n  "debug": ${debug},\n  "mtu": ${mtu}\n}\n`;

describe('daemon.json rule result cache', () => {
  it('does not run a rule again when only keys it did not read changed, and moves its problems', () => {
    const cache = new RuleResultCache();
    const ctx = modeContext();
    const spy = spyRule('mtu');
    const first = cache.run(spy.rule, parse(text(1400, 'true')), ctx);
    const now = text(1400, 'false');
    const second = cache.run(spy.rule, parse(now), ctx);
    assert.equal(spy.runs(), 1);
    // "false" is one character longer than "true": the problem on mtu's value moved with it.
    assert.deepEqual(second.map((p) => now.slice(p.range[0], p.range[1])), ['1400']);
    assert.equal(second[0].range[0], first[0].range[0] + 1);
  });

  it('runs a rule again when a key it read changed, appeared or went away', () => {
    const cache = new RuleResultCache();
    const ctx = modeContext();
    const spy = spyRule('mtu');
    cache.run(spy.rule, parse(text(1400, 'true')), ctx);
    assert.deepEqual(cache.run(spy.rule, parse(text(1500, 'true')), ctx).map((p) => p.message), ['mtu is 1500']);
    assert.deepEqual(cache.run(spy.rule, parse('{"debug": true}'), ctx), []);
    assert.deepEqual(cache.run(spy.rule, parse('{"debug": true, "mtu": 9000}'), ctx).map((p) => p.message), ['mtu is 9000']);
    assert.equal(spy.runs(), 4);
  });

  it('runs a rule again when the settings or the Engine version it read changed', () => {
    const cache = new RuleResultCache();
    let runs = 0;
    const rule: DaemonJsonRule = (_model, ctx) => {
      runs++;
      return ctx.engineVersion.major > 25 ? [] : [problemAt({ offset: 0, length: 1 }, 'hint', 'old', 'old')];
    };
    const model = parse(text(1400, 'true'));
    cache.run(rule, model, modeContext({ engine: '20.10' }));
    assert.deepEqual(cache.run(rule, model, modeContext({ engine: '20.10' })).length, 1);
    assert.equal(runs, 1, 'the same version, in a new context object: reused');
    assert.deepEqual(cache.run(rule, model, modeContext({ engine: '29.0' })), []);
    assert.equal(runs, 2);
  });

  it('never reuses a run that read more than keys by name', () => {
    const cache = new RuleResultCache();
    let runs = 0;
    const rule: DaemonJsonRule = (model) => {
      runs++;
      return model.topProperties.length > 1 ? [] : [];
    };
    cache.run(rule, parse(text(1400, 'true')), modeContext());
    cache.run(rule, parse(text(1400, 'true')), modeContext());
    assert.equal(runs, 2);
  });

  it('gives the same problems as a validation from scratch while typing through a file', () => {
    const memo = {};
    const ctx = modeContext();
    let t = '{\n  "bip": "10.0.0.1",\n  "labels": ["a=b", "a=c"],\n  "default-address-pools": [{"base": "10.0.0.0/8", "size": 24}, {"base": "10.1.0.0/16", "size": 33}],\n  "registry-mirrors": ["mirror.example"]\n}\n';
    for (let i = 0; i < 12; i++) {
      t = i % 2 === 0 ? t.replace('"bip"', '"bip" ') : t.replace('"labels": [', '"labels": ["x=y", ');
      const model = parse(t);
      assert.deepEqual(validate(model, ctx, memo), validate(parse(t), ctx));
    }
  });
});
