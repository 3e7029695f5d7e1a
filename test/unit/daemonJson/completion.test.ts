import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind, CompletionItemTag, type CompletionItem } from 'vscode-languageserver-types';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { applyEdits, fixture } from '../../util/fixture';
import { context } from './daemonJsonTestUtil';

function complete(source: string, version = '29.7'): { items: CompletionItem[]; apply(label: string, kind?: number): string } {
  const f = fixture(source);
  const list = daemonJsonMode.doComplete!(f.document, f.position, daemonJsonMode.parse(f.document), context(version));
  return {
    items: list.items,
    apply(label: string, kind?: number): string {
      const item = list.items.find((i) => i.label === label && (kind === undefined || i.kind === kind));
      if (!item) throw new Error(`no item ${label} among ${list.items.map((i) => i.label).join(', ')}`);
      const edit = item.textEdit as { range: never; newText: string };
      // Snippet placeholders become their default text, the way an editor inserts them.
      const plain = edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\d+/g, '');
      return applyEdits(f.document, [{ range: edit.range, newText: plain }]);
    },
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
