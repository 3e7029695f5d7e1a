import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RestartPendingWatch } from '../../../server/src/restartPendingWatch';
import type { EngineInfo, RestartPending } from '../../../server/src/shared/protocol';

describe('restart pending: the machine daemon.json against the local dockerd (#17)', () => {
  const uri = 'file:///etc/docker/daemon.json';
  const setup = (text: string, info: EngineInfo) => {
    const sent: RestartPending[] = [];
    const state = { text, info };
    const w = new RestartPendingWatch({ daemonJson: () => uri, readSaved: () => state.text, engineInfo: () => state.info, send: (p) => sent.push(p) });
    return { w, sent, state };
  };
  const running = { labels: ['a=1'], loggingDriver: 'json-file', liveRestore: false, registryMirrors: [], insecureCidrs: ['127.0.0.0/8'], insecureNames: [] };

  it('tells the client once per change, with the line of each key, and offers a CodeLens on that file only', () => {
    const { w, sent, state } = setup('{\n  "labels": ["a=2"],\n  "live-restore": true\n}\n', { local: true, daemon: running });
    w.update();
    w.update();
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].settings.map((s) => `${s.line}: ${s.key}: ${s.saved} / ${s.running}`), ['1: labels: a=2 / a=1', '2: live-restore: true / false']);
    assert.match(w.lensesFor(uri)[0].title, /dockerd runs an older version of this file \(labels, live-restore\); run `sudo systemctl daemon-reload && sudo systemctl restart docker`/);
    assert.deepEqual(w.lensesFor('file:///work/daemon.json'), []);
    state.text = '{\n  "labels": ["a=1"]\n}\n';
    w.update();
    assert.equal(sent.length, 2);
    assert.deepEqual(sent[1].settings, []);
    assert.deepEqual(w.lensesFor(uri), []);
  });

  it('the loopback ranges dockerd always adds to the insecure registries are not a change (28.5 adds ::1/128 too)', () => {
    for (const insecureCidrs of [['127.0.0.0/8'], ['::1/128', '127.0.0.0/8']]) {
      const { w } = setup('{\n  "labels": ["a=1"]\n}\n', { local: true, daemon: { ...running, insecureCidrs } });
      w.update();
      assert.deepEqual(w.current.settings, [], JSON.stringify(insecureCidrs));
    }
    const { w } = setup('{\n  "labels": ["a=1"]\n}\n', { local: true, daemon: { ...running, insecureCidrs: ['::1/128', '127.0.0.0/8', '198.18.7.0/24'] } });
    w.update();
    assert.deepEqual(w.current.settings.map((s) => `${s.key}: ${s.saved} / ${s.running}`), ['insecure-registries: none / 198.18.7.0/24']);
  });

  it('says nothing for a remote Engine, without /info, or for a file dockerd could not read', () => {
    for (const [text, info] of [
      ['{"labels": ["b=1"]}', { local: false, daemon: running }],
      ['{"labels": ["b=1"]}', { local: true }],
      ['{"labels": ["b=1"],}', { local: true, daemon: running }],
      ['{"labels": ["b=1"]}', { local: true, daemon: 'nonsense' as unknown as EngineInfo['daemon'] }],
    ] as [string, EngineInfo][]) {
      const { w } = setup(text, info);
      w.update();
      assert.deepEqual(w.current.settings, [], JSON.stringify(info));
    }
  });
});
