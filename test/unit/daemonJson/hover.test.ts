import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');
const hover = (source: string): string => k.hoverText(source);

describe('daemon.json hover', () => {
  it('documents a key: type, default, flag, versions, reload, example, link', () => {
    const h = hover('{"de$0bug": true}');
    assert.match(h, /\*\*`debug`\*\* · boolean · default `false`/);
    assert.match(h, /Flag: `-D, --debug`/);
    assert.match(h, /Engine: since 17\.03 or earlier/);
    assert.match(h, /Reload: applied by `systemctl reload docker`/);
    assert.match(h, /```json\n"debug": true\n```/);
    assert.match(h, /\[Docker docs\]\(https:\/\/docs\.docker\.com\//);
  });

  it('documents removed keys with the replacement', () => {
    assert.match(hover('{"gr$0aph": "/x"}'), /Engine: since 17\.03 or earlier · deprecated in 17\.05 · removed in 23\.0 · use `data-root`/);
  });

  it('documents enumerated values and logging drivers', () => {
    assert.match(hover('{"log-level": "war$0ning"}'), /\*\*`warning`\*\* \(value of `log-level`\)[\s\S]*removed in 25\.0 · use `warn`/);
    assert.match(hover('{"log-driver": "loc$0al"}'), /\*\*`local`\*\* logging driver/);
  });

  it('shows the range of a CIDR value', () => {
    assert.match(hover('{"bip": "10.20$00.0.1/24"}'), /10\.200\.0\.0 – 10\.200\.0\.255 \(256 addresses\)/);
    assert.match(hover('{"default-address-pools": [{"base": "10.2$001.0.0/16", "size": 24}]}'), /65,536 addresses/);
  });

  it('documents nested keys and log options', () => {
    assert.match(hover('{"default-address-pools": [{"si$0ze": 24}]}'), /default-address-pools\[\]\.size|default-address-pools\[0\]\.size/);
    assert.match(hover('{"log-opts": {"max-s$0ize": "10m"}}'), /\*\*`max-size`\*\* · log option of `json-file`/);
  });

  it('answers nothing outside keys and values', () => {
    assert.equal(hover('{ $0 }'), '');
  });
});
