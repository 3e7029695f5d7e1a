import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

/**
 * Values of log options (schemas/daemon.schema.json log-opts x-optionValues): completion
 * offers them as JSON strings, and its documentation is what hover shows for the value.
 */
const labels = (items: CompletionItem[]) => items.map((i) => i.label);
const docsOf = (items: CompletionItem[], label: string) => (items.find((i) => i.label === label)?.documentation as { value: string } | undefined)?.value;

describe('daemon.json log-opts value completion', () => {
  it('completes mode with blocking and non-blocking', () => {
    const c = k.complete('{"log-opts": {"mode": $0}}');
    assert.deepEqual(labels(c.items), ['"blocking"', '"non-blocking"']);
    assert.equal(c.apply('"non-blocking"'), '{"log-opts": {"mode": "non-blocking"}}');
  });

  it('replaces a partly typed value', () => {
    assert.equal(k.complete('{"log-opts": {"mode": "non$0"}}').apply('"non-blocking"'), '{"log-opts": {"mode": "non-blocking"}}');
    assert.equal(k.complete('{\n  "log-opts": {\n    "max-size": "10m",\n    "compress": "t$0"\n  }\n}').apply('"true"'), '{\n  "log-opts": {\n    "max-size": "10m",\n    "compress": "true"\n  }\n}');
  });

  it('offers booleans of log options as strings, never as JSON booleans', () => {
    const l = labels(k.complete('{"log-driver": "local", "log-opts": {"compress": $0}}').items);
    assert.deepEqual(l, ['"true"', '"false"']);
    assert.deepEqual(labels(k.complete('{"log-opts": {"cache-disabled": $0}}').items), ['"true"', '"false"']);
    assert.deepEqual(labels(k.complete('{"log-driver": "fluentd", "log-opts": {"fluentd-async": $0}}').items), ['"true"', '"false"']);
  });

  it('completes syslog formats, syslog facilities and gelf compression types', () => {
    assert.deepEqual(labels(k.complete('{"log-driver": "syslog", "log-opts": {"syslog-format": $0}}').items), ['"rfc3164"', '"rfc5424"', '"rfc5424micro"']);
    const facilities = labels(k.complete('{"log-driver": "syslog", "log-opts": {"syslog-facility": "$0"}}').items);
    assert.equal(facilities.length, 20);
    assert.ok(facilities.includes('"daemon"') && facilities.includes('"local7"') && facilities.includes('"authpriv"'));
    assert.equal(k.complete('{"log-driver": "syslog", "log-opts": {"syslog-facility": "loc$0"}}').apply('"local3"'), '{"log-driver": "syslog", "log-opts": {"syslog-facility": "local3"}}');
    assert.deepEqual(labels(k.complete('{"log-driver": "gelf", "log-opts": {"gelf-compression-type": $0}}').items), ['"gzip"', '"zlib"', '"none"']);
    assert.deepEqual(labels(k.complete('{"log-driver": "splunk", "log-opts": {"splunk-format": $0}}').items), ['"inline"', '"json"', '"raw"']);
  });

  it('filters values by Engine version', () => {
    assert.deepEqual(labels(k.complete('{"log-driver": "awslogs", "log-opts": {"awslogs-format": $0}}', { engine: '23.0' }).items), ['"json/emf"']);
    assert.deepEqual(labels(k.complete('{"log-driver": "awslogs", "log-opts": {"awslogs-format": $0}}', { engine: '20.10' }).items), []);
  });

  it('offers nothing for free-form options and leaves other objects alone', () => {
    assert.deepEqual(labels(k.complete('{"log-opts": {"max-size": $0}}').items), []);
    assert.deepEqual(labels(k.complete('{"log-opts": {"tag": "$0"}}').items), []);
    assert.deepEqual(labels(k.complete('{"default-network-opts": {"bridge": {"mode": $0}}}').items), []);
  });

  it('documents a value with the same renderer as hover', () => {
    const items = k.complete('{"log-opts": {"mode": $0}}').items;
    const hover = k.hoverText('{"log-opts": {"mode": "non-bl$0ocking"}}');
    assert.match(hover, /\*\*`non-blocking`\*\* \(value of `mode`\)/);
    assert.match(hover, /ring buffer/);
    assert.equal(docsOf(items, '"non-blocking"'), hover);
    const facility = k.hoverText('{"log-driver": "syslog", "log-opts": {"syslog-facility": "loc$0al0"}}');
    assert.equal(docsOf(k.complete('{"log-driver": "syslog", "log-opts": {"syslog-facility": $0}}').items, '"local0"'), facility);
    assert.equal(k.hoverText('{"log-opts": {"mode": "fast$0"}}'), '', 'an undocumented value has no hover');
  });

  it('still completes log-opts keys (value data does not leak into key completion)', () => {
    const l = labels(k.complete('{"log-opts": {$0}}').items);
    assert.ok(l.includes('mode') && l.includes('max-size'));
    assert.ok(!l.includes('"blocking"'));
  });
});
