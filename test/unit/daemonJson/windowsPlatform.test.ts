import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { applyFix, codes, complete, hoverText, lines } from './daemonJsonTestUtil';

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
    assert.deepEqual(lines('{\n  "iptables": false\n}', '29.7', W), [
      '2: key-wrong-platform: "iptables" is only accepted by dockerd on linux; on windows dockerd 29.7 has no such option and refuses to start. Remove it (or change dockerNetworking.daemonJson.platform).',
    ]);
    assert.deepEqual(codes('{"userns-remap": "default", "live-restore": true, "runtimes": {}, "ipv6": true}', '29.7', W), [
      '1: key-wrong-platform',
      '1: key-wrong-platform',
      '1: key-wrong-platform',
      '1: key-wrong-platform',
    ]);
  });

  it('refuses default-ulimits (unix-only flag in every release, despite the Windows example in the docs)', () => {
    assert.deepEqual(codes('{"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1, "Hard": 2}}}', '20.10', W), ['1: key-wrong-platform']);
    assert.deepEqual(codes('{"default-ulimits": {"nofile": {"Name": "nofile", "Soft": 1, "Hard": 2}}}', '20.10', 'linux'), []);
  });

  it('accepts storage-driver on Windows only before 23.0, when the flag became unix-only', () => {
    assert.deepEqual(codes('{"storage-driver": "windowsfilter"}', '20.10', W), []);
    assert.deepEqual(lines('{"storage-driver": "windowsfilter"}', '23.0', W), [
      '1: key-wrong-platform: "storage-driver" is only accepted by dockerd on linux (on windows until Engine 23.0); on windows dockerd 23.0 has no such option and refuses to start. Remove it (or change dockerNetworking.daemonJson.platform).',
    ]);
    assert.deepEqual(codes('{"storage-driver": "overlay2"}', '20.10', W), ['1: storage-driver-wrong-platform'], 'a Linux driver on a Windows Engine that still has the key');
    assert.deepEqual(codes('{"storage-driver": "windowsfilter"}', '29.7', 'linux'), ['1: storage-driver-wrong-platform']);
    assert.deepEqual(codes('{"storage-driver": "overlay2"}', '29.7', 'linux'), []);
  });

  it('refuses firewall-backend and default-address-pools (unix-only flags)', () => {
    assert.deepEqual(codes('{"firewall-backend": "nftables"}', '29.7', W), ['1: key-wrong-platform']);
    assert.deepEqual(codes('{"firewall-backend": "nftables"}', '29.7', 'linux'), []);
    assert.deepEqual(codes('{"default-address-pools": [{"base": "198.18.0.0/16", "size": 24}]}', '29.7', W), ['1: key-wrong-platform']);
  });

  it('accepts the common keys and the Windows ones', () => {
    assert.deepEqual(codes('{"debug": true, "bridge": "none", "fixed-cidr": "198.18.5.0/24", "group": "docker-users", "hosts": ["npipe://"], "dns": ["198.18.0.53"], "cdi-spec-dirs": ["C:\\\\cdi"]}', '29.7', W), []);
    assert.deepEqual(codes('{"nri-opts": {"enable": false}}', '29.7', W), []);
  });

  it('warns that mtu is ignored on Windows and offers to remove it', () => {
    assert.deepEqual(lines('{\n  "debug": true,\n  "mtu": 1400\n}', '29.7', W), ['3: key-ignored-on-platform: "mtu" has no effect on windows: dockerd accepts it but ignores it. Remove it.']);
    assert.equal(applyFix('{\n  "debug": true,\n  "mtu": 1400\n}', 'key-ignored-on-platform', undefined, '29.7', W), '{\n  "debug": true\n}');
    assert.deepEqual(codes('{"mtu": 1400}', '29.7', 'linux'), []);
  });

  it('does not offer Linux-only keys in completion, and documents the platform history in hover', () => {
    const l = labels(complete('{\n  $0\n}', '29.7', W).items);
    assert.ok(!l.includes('iptables') && !l.includes('storage-driver') && !l.includes('default-ulimits') && !l.includes('firewall-backend'));
    assert.ok(l.includes('debug') && l.includes('fixed-cidr'));
    assert.ok(labels(complete('{\n  $0\n}', '20.10', W).items).includes('storage-driver'));
    assert.match(hoverText('{"storage-dr$0iver": ""}'), /- Platforms: linux \(windows before 23\.0\)/);
  });
});

describe('daemon.json on Windows: exec-opts', () => {
  it('accepts isolation=process|hyperv|default, case-insensitively', () => {
    assert.deepEqual(codes('{"exec-opts": ["isolation=process", "isolation=hyperv", "isolation=default", " Isolation = HyperV "]}', '29.7', W), []);
  });

  it('refuses an unknown isolation value in every release', () => {
    assert.deepEqual(lines('{"exec-opts": ["isolation=vm"]}', '20.10', W), ['1: invalid-isolation: "vm" is not an isolation mode: dockerd refuses to start. Use "isolation=process" or "isolation=hyperv".']);
  });

  it('refuses native.cgroupdriver on Windows from 28.0; older Engines ignore it', () => {
    assert.deepEqual(lines('{"exec-opts": ["native.cgroupdriver=systemd"]}', '28.0', W), [
      '1: invalid-exec-opt: exec-opt "native.cgroupdriver" only exists on linux: dockerd on windows refuses to start. Remove it.',
    ]);
    assert.deepEqual(lines('{"exec-opts": ["native.cgroupdriver=systemd"]}', '27.5', W), [
      '1: invalid-exec-opt: exec-opt "native.cgroupdriver" only exists on linux: Engine 27.5 on windows ignores it (Engine 28.0 refuses it). Remove it.',
    ]);
  });

  it('mirrors this on Linux: isolation is refused from 28.0', () => {
    assert.deepEqual(lines('{"exec-opts": ["isolation=process"]}', '29.7', 'linux'), [
      '1: invalid-exec-opt: exec-opt "isolation" only exists on windows: dockerd on linux refuses to start. Remove it.',
    ]);
    assert.deepEqual(codes('{"exec-opts": ["native.cgroupdriver=systemd"]}', '29.7', 'linux'), []);
  });

  it('completes only the platform\'s exec-opts', () => {
    assert.deepEqual(labels(complete('{"exec-opts": [$0]}', '29.7', W).items), ['"isolation=process"', '"isolation=hyperv"']);
    assert.deepEqual(labels(complete('{"exec-opts": [$0]}', '29.7', 'linux').items), ['"native.cgroupdriver=systemd"', '"native.cgroupdriver=cgroupfs"']);
  });
});
