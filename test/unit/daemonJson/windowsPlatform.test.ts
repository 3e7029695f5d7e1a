import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');
/** The dockerd a verdict is for: Engine version and dockerNetworking.daemonJson.platform. */
const on = (engine: string, platform: 'linux' | 'windows') => ({ engine, settings: { daemonJson: { platform } } });

/**
 * dockerNetworking.daemonJson.platform: windows. A key is a directive only if the
 * platform's dockerd registers a flag of that name (moby daemon/command/config.go for
 * both, config_unix.go for Linux only, config_windows.go for Windows only); anything else
 * is refused as unknown. exec-opts follow config_windows.go validatePlatformExecOpt.
 */
const W = 'windows';
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('daemon.json on Windows: Linux-only keys', () => {
  it('refuses Linux-only keys on the key, with a message that says what to do', () => {
    assert.deepEqual(k.lines('{\n  "iptables": false\n}', on('29.7', W)), [
      '2: key-wrong-platform: "iptables" is only accepted by dockerd on linux; on windows dockerd 29.7 has no such option and refuses to start. Remove it (or change dockerNetworking.daemonJson.platform).',
    ]);
    assert.deepEqual(k.codes('{"userns-remap": "default", "live-restore": true, "runtimes": {}, "ipv6": true}', on('29.7', W)), [
      '1: key-wrong-platform',
      '1: key-wrong-platform',
      '1: key-wrong-platform',
      '1: key-wrong-platform',
    ]);
  });

  it('refuses default-ulimits (unix-only flag in every release, despite the Windows example in the docs)', () => {
    assert.deepEqual(k.codes('{"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1, "Hard": 2}}}', on('20.10', W)), ['1: key-wrong-platform']);
    assert.deepEqual(k.codes('{"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1, "Hard": 2}}}', on('20.10', 'linux')), []);
  });

  it('accepts storage-driver on Windows only before 23.0, when the flag became unix-only', () => {
    assert.deepEqual(k.codes('{"storage-driver": "windowsfilter"}', on('20.10', W)), []);
    assert.deepEqual(k.lines('{"storage-driver": "windowsfilter"}', on('23.0', W)), [
      '1: key-wrong-platform: "storage-driver" is only accepted by dockerd on linux (on windows until Engine 23.0); on windows dockerd 23.0 has no such option and refuses to start. Remove it (or change dockerNetworking.daemonJson.platform).',
    ]);
    assert.deepEqual(k.codes('{"storage-driver": "overlay2"}', on('20.10', W)), ['1: storage-driver-wrong-platform'], 'a Linux driver on a Windows Engine that still has the key');
    assert.deepEqual(k.codes('{"storage-driver": "windowsfilter"}', on('29.7', 'linux')), ['1: storage-driver-wrong-platform']);
    assert.deepEqual(k.codes('{"storage-driver": "overlay2"}', on('29.7', 'linux')), []);
  });

  it('refuses firewall-backend and default-address-pools (unix-only flags)', () => {
    assert.deepEqual(k.codes('{"firewall-backend": "nftables"}', on('29.7', W)), ['1: key-wrong-platform']);
    assert.deepEqual(k.codes('{"firewall-backend": "nftables"}', on('29.7', 'linux')), []);
    assert.deepEqual(k.codes('{"default-address-pools": [{"base": "198.18.0.0/16", "size": 24}]}', on('29.7', W)), ['1: key-wrong-platform']);
  });

  it('accepts the common keys and the Windows ones', () => {
    assert.deepEqual(k.codes('{"debug": true, "bridge": "none", "fixed-cidr": "198.18.5.0/24", "group": "docker-users", "hosts": ["npipe://"], "dns": ["198.18.0.53"], "cdi-spec-dirs": ["C:\\\\cdi"]}', on('29.7', W)), []);
    assert.deepEqual(k.codes('{"nri-opts": {"enable": false}}', on('29.7', W)), []);
  });

  it('warns that mtu is ignored on Windows and offers to remove it', () => {
    assert.deepEqual(k.lines('{\n  "debug": true,\n  "mtu": 1400\n}', on('29.7', W)), ['3: key-ignored-on-platform: "mtu" has no effect on windows: dockerd accepts it but ignores it. Remove it.']);
    assert.equal(k.applyFix('{\n  "debug": true,\n  "mtu": 1400\n}', 'key-ignored-on-platform', undefined, on('29.7', W)), '{\n  "debug": true\n}');
    assert.deepEqual(k.codes('{"mtu": 1400}', on('29.7', 'linux')), []);
  });

  it('does not offer Linux-only keys in completion, and documents the platform history in hover', () => {
    const l = labels(k.complete('{\n  $0\n}', on('29.7', W)).items);
    assert.ok(!l.includes('iptables') && !l.includes('storage-driver') && !l.includes('default-ulimits') && !l.includes('firewall-backend'));
    assert.ok(l.includes('debug') && l.includes('fixed-cidr'));
    assert.ok(labels(k.complete('{\n  $0\n}', on('20.10', W)).items).includes('storage-driver'));
    assert.match(k.hoverText('{"storage-dr$0iver": ""}'), /- Platforms: linux \(windows before 23\.0\)/);
  });
});

describe('daemon.json on Windows: exec-opts', () => {
  it('accepts isolation=process|hyperv|default, case-insensitively', () => {
    assert.deepEqual(k.codes('{"exec-opts": ["isolation=process", "isolation=hyperv", "isolation=default", " Isolation = HyperV "]}', on('29.7', W)), []);
  });

  it('refuses an unknown isolation value in every release', () => {
    assert.deepEqual(k.lines('{"exec-opts": ["isolation=vm"]}', on('20.10', W)), ['1: invalid-isolation: "vm" is not an isolation mode: dockerd refuses to start. Use "isolation=process" or "isolation=hyperv".']);
  });

  it('refuses native.cgroupdriver on Windows from 28.0; older Engines ignore it', () => {
    assert.deepEqual(k.lines('{"exec-opts": ["native.cgroupdriver=systemd"]}', on('28.0', W)), [
      '1: invalid-exec-opt: exec-opt "native.cgroupdriver" only exists on linux: dockerd on windows refuses to start. Remove it.',
    ]);
    assert.deepEqual(k.lines('{"exec-opts": ["native.cgroupdriver=systemd"]}', on('27.5', W)), [
      '1: invalid-exec-opt: exec-opt "native.cgroupdriver" only exists on linux: Engine 27.5 on windows ignores it (Engine 28.0 refuses it). Remove it.',
    ]);
  });

  it('mirrors this on Linux: isolation is refused from 28.0', () => {
    assert.deepEqual(k.lines('{"exec-opts": ["isolation=process"]}', on('29.7', 'linux')), [
      '1: invalid-exec-opt: exec-opt "isolation" only exists on windows: dockerd on linux refuses to start. Remove it.',
    ]);
    assert.deepEqual(k.codes('{"exec-opts": ["native.cgroupdriver=systemd"]}', on('29.7', 'linux')), []);
  });

  it('completes only the platform\'s exec-opts', () => {
    assert.deepEqual(labels(k.complete('{"exec-opts": [$0]}', on('29.7', W)).items), ['"isolation=process"', '"isolation=hyperv"']);
    assert.deepEqual(labels(k.complete('{"exec-opts": [$0]}', on('29.7', 'linux')).items), ['"native.cgroupdriver=systemd"', '"native.cgroupdriver=cgroupfs"']);
  });
});
