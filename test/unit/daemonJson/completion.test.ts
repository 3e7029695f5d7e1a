import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind, CompletionItemTag, type CompletionItem } from 'vscode-languageserver-types';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { applyCompletion, modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

/** Completion at `$0` for a target Engine; `apply(label, kind)` picks the item of that kind when a key and a snippet share a label. */
function complete(source: string, engine = '29.7'): { items: CompletionItem[]; apply(label: string, kind?: number): string } {
  const f = k.parse(source);
  const { items } = k.complete(source, { engine });
  return {
    items,
    apply: (label, kind) => applyCompletion(f.document, f.position, items.filter((i) => kind === undefined || i.kind === kind), label),
  };
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('daemon.json completion', () => {
  it('completes top-level keys with a value skeleton', () => {
    const c = complete('{\n  $0\n}');
    assert.equal(c.apply('debug'), '{\n  "debug": true\n}');
    assert.equal(c.apply('labels'), '{\n  "labels": []\n}');
    assert.equal(c.apply('log-opts'), '{\n  "log-opts": {}\n}');
    assert.equal(c.apply('data-root'), '{\n  "data-root": ""\n}');
    assert.equal(c.apply('mtu'), '{\n  "mtu": 1500\n}');
  });

  it('replaces a partly typed key and adds the commas around it', () => {
    assert.equal(complete('{\n  "deb$0"\n}').apply('debug'), '{\n  "debug": true\n}');
    assert.equal(complete('{\n  "ipv6": true\n  $0\n}').apply('debug'), '{\n  "ipv6": true\n  ,"debug": true\n}');
    assert.equal(complete('{\n  $0\n  "ipv6": true\n}').apply('debug'), '{\n  "debug": true,\n  "ipv6": true\n}');
  });

  it('offers only keys not yet present and available in the target Engine, marking deprecated ones', () => {
    const c = complete('{\n  "debug": true,\n  $0\n}', '20.10');
    const l = labels(c.items);
    assert.ok(!l.includes('debug'));
    assert.ok(!l.includes('proxies'), 'proxies is 23.0+');
    assert.ok(l.includes('ipv6'));
    assert.deepEqual(c.items.find((i) => i.label === 'graph')?.tags, [CompletionItemTag.Deprecated]);
    assert.ok(labels(complete('{\n  $0\n}', '29.7').items).includes('proxies'));
    assert.ok(!labels(complete('{\n  $0\n}', '29.7').items).includes('graph'), 'removed keys are not offered');
  });

  it('completes in an empty file with a whole object', () => {
    assert.equal(complete('$0').apply('debug'), '{\n\t"debug": true\n}');
    assert.ok(labels(complete('$0').items).includes('log-rotation'), 'snippets too');
  });

  it('offers the snippets at top-level key positions', () => {
    assert.equal(
      complete('{\n$0\n}').apply('registry-mirrors', CompletionItemKind.Snippet),
      '{\n"registry-mirrors": [\n\t"https://mirror.example.com"\n]\n}',
    );
  });

  it('completes enum values by version', () => {
    const v25 = labels(complete('{"log-level": $0}', '25.0').items);
    assert.ok(v25.includes('"warn"') && !v25.includes('"warning"'));
    assert.ok(labels(complete('{"log-level": $0}', '24.0').items).includes('"warning"'));
    assert.equal(complete('{"log-level": "de$0"}').apply('"debug"'), '{"log-level": "debug"}');
    assert.equal(complete('{"ipv6": $0}').apply('true'), '{"ipv6": true}');
  });

  it('completes storage drivers, cgroup drivers and logging drivers', () => {
    assert.ok(labels(complete('{"storage-driver": $0}').items).includes('"overlay2"'));
    assert.ok(!labels(complete('{"storage-driver": $0}', '25.0').items).includes('"devicemapper"'));
    assert.deepEqual(labels(complete('{"exec-opts": [$0]}').items), ['"native.cgroupdriver=systemd"', '"native.cgroupdriver=cgroupfs"']);
    assert.ok(labels(complete('{"log-driver": $0}').items).includes('"journald"'));
    assert.ok(!labels(complete('{"log-driver": $0}', '25.0').items).includes('"logentries"'));
  });

  it('completes log-opts keys for the chosen log-driver', () => {
    const local = labels(complete('{"log-driver": "gelf", "log-opts": {$0}}').items);
    assert.ok(local.includes('gelf-address') && !local.includes('max-size'));
    assert.equal(complete('{"log-opts": {$0}}').apply('max-size'), '{"log-opts": {"max-size": ""}}');
  });

  it('completes inside nested objects: ulimits, pools, proxies, features', () => {
    assert.equal(complete('{"default-ulimits": {$0}}').apply('nofile'), '{"default-ulimits": {"nofile": { "Name": "nofile", "Soft": 1024, "Hard": 1024 }}}');
    assert.deepEqual(labels(complete('{"default-address-pools": [{$0}]}').items), ['base', 'size']);
    assert.deepEqual(labels(complete('{"proxies": {"no-proxy": "x", $0}}').items), ['http-proxy', 'https-proxy']);
    assert.ok(labels(complete('{"features": {$0}}').items).includes('containerd-snapshotter'));
  });
});
