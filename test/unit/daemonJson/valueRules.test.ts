import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { modeKit } from '../../util/modeKit';

const k = modeKit(daemonJsonMode, 'file:///etc/docker/daemon.json', 'json');

describe('daemon.json values', () => {
  it('checks log-level by version, case-insensitively, with a fix for warning on 25.0+', () => {
    assert.deepEqual(k.codes('{"log-level": "DEBUG"}'), []);
    assert.deepEqual(k.codes('{"log-level": "warning"}', { engine: '24.0' }), []);
    assert.deepEqual(k.lines('{"log-level": "warning"}', { engine: '25.0' }), ['1: value-removed: log-level "warning" is refused since Engine 25.0. Use "warn".']);
    assert.equal(k.applyFix('{"log-level": "warning"}', 'value-removed', undefined, { engine: '25.0' }), '{"log-level": "warn"}');
    assert.deepEqual(k.codes('{"log-level": "verbose"}'), ['1: invalid-value']);
    assert.deepEqual(k.codes('{"log-level": ""}'), []);
  });

  it('checks the other enums', () => {
    assert.deepEqual(k.codes('{"default-cgroupns-mode": "x", "default-ipc-mode": "y", "log-format": "xml", "firewall-backend": "pf"}'), [
      '1: invalid-value',
      '1: invalid-value',
      '1: invalid-value',
      '1: invalid-value',
    ]);
    assert.deepEqual(k.codes('{"default-cgroupns-mode": "host", "default-ipc-mode": "shareable", "log-format": "json", "firewall-backend": "nftables"}'), []);
  });

  it('checks exec-opts: cgroup driver values always, shape from 28.0', () => {
    assert.deepEqual(k.codes('{"exec-opts": ["native.cgroupdriver=foo"]}', { engine: '20.10' }), ['1: invalid-cgroup-driver']);
    assert.deepEqual(k.lines('{"exec-opts": ["foo=bar"]}', { engine: '20.10' }), ['1: invalid-exec-opt: Unknown exec-opt "foo" on linux: Engine 20.10 ignores it (Engine 28.0 refuses it).']);
    assert.deepEqual(k.codes('{"exec-opts": ["foo"]}', { engine: '28.0' }), ['1: invalid-exec-opt']);
    assert.deepEqual(k.codes('{"exec-opts": ["native.cgroupdriver=systemd"]}'), []);
  });

  it('checks sizes, numbers and metrics-addr', () => {
    assert.deepEqual(k.codes('{"default-shm-size": "64x"}'), ['1: invalid-size']);
    assert.deepEqual(k.codes('{"default-shm-size": "64M"}'), []);
    assert.deepEqual(k.codes('{"mtu": -1}', { engine: '20.10' }), ['1: invalid-number']);
    assert.equal(k.lines('{"mtu": -1}', { engine: '20.10' })[0].includes('accepted by Engine 20.10'), true);
    assert.deepEqual(k.codes('{"max-download-attempts": 0}', { engine: '20.10' }), ['1: invalid-number']);
    assert.deepEqual(k.codes('{"max-download-attempts": 0}', { engine: '24.0' }), []);
    assert.deepEqual(k.codes('{"network-diagnostic-port": 70000}'), ['1: invalid-number']);
    assert.deepEqual(k.codes('{"metrics-addr": "x"}'), ['1: invalid-metrics-addr']);
    assert.deepEqual(k.codes('{"metrics-addr": "127.0.0.1:9323"}'), []);
  });

  it('checks labels, dns, dns-search and generic resources', () => {
    assert.deepEqual(k.lines('{"labels": ["foo", "com.docker.x=1", "a=1", "a=2"]}'), [
      '1: invalid-label: Label "foo" must be written key=value: dockerd refuses to start.',
      '1: reserved-label: Label "com.docker.x=1" uses the reserved namespace com.docker.*: dockerd refuses to start. Choose another prefix.',
      '1: conflicting-label: Label key "a" is set twice with different values ("a=1" and "a=2"): dockerd refuses to start.',
    ]);
    assert.deepEqual(k.codes('{"dns": ["notanip", "1.1.1.1", "2001:db8::1"], "dns-search": ["-bad-", "ok.example"]}'), ['1: invalid-ip', '1: invalid-domain']);
    assert.deepEqual(k.codes('{"node-generic-resources": ["foo", "GPU=1"]}'), ['1: invalid-generic-resource']);
  });

  it('checks IP addresses', () => {
    assert.deepEqual(k.codes('{"ip": "x", "default-gateway": "fd00::1", "host-gateway-ip": "10.0.0.1"}'), ['1: invalid-ip', '1: invalid-ip']);
    assert.deepEqual(k.codes('{"host-gateway-ips": ["10.0.0.1", "10.0.0.2"]}'), ['1: invalid-ip']);
  });

  it('checks bip, fixed-cidr, default-gateway and fixed-cidr-v6', () => {
    assert.deepEqual(k.lines('{"bip": "198.19.64.1"}'), ['1: invalid-cidr: "198.19.64.1" is not an address with prefix length: dockerd refuses to start. Add the prefix length, e.g. "198.19.64.1/24".']);
    assert.deepEqual(k.codes('{"bip": "198.19.64.0/24"}'), ['1: bip-network-address']);
    assert.deepEqual(k.codes('{"bip": "198.19.64.1/24", "fixed-cidr": "198.19.65.0/24"}'), ['1: fixed-cidr-outside-bip']);
    assert.deepEqual(k.codes('{"bip": "198.19.64.1/24", "default-gateway": "198.19.70.1"}'), ['1: gateway-outside-bip']);
    assert.deepEqual(k.codes('{"ipv6": true, "fixed-cidr-v6": "fe80::/80"}', { engine: '20.10' }), ['1: invalid-fixed-cidr-v6']);
    assert.equal(k.codes('{"ipv6": true, "fixed-cidr-v6": "fe80::/80"}', { engine: '20.10' }).length, 1);
    assert.deepEqual(k.codes('{"fixed-cidr-v6": "fd00:1::/64"}'), ['1: fixed-cidr-v6-without-ipv6']);
    assert.deepEqual(k.codes('{"bip": "198.19.64.1/24", "fixed-cidr": "198.19.64.128/25", "default-gateway": "198.19.64.254"}'), []);
  });

  it('checks hosts; without a drop-in of the host, the -H fd:// of the packaged unit is only an information (#17)', () => {
    assert.deepEqual(k.codes('{\n"hosts": [\n"foo://x",\n"tcp://0.0.0.0:2375"]}'), ['2: flag-conflict-assumed', '3: invalid-host']);
    assert.match(k.lines('{"hosts": []}')[0], /assumed: .*ExecStart=.*systemctl daemon-reload/);
    assert.equal(k.diagnostics('{"hosts": []}')[0].severity, 3);
  });

  it('checks registry mirrors and insecure registries', () => {
    assert.deepEqual(k.codes('{"registry-mirrors": ["mirror.example.com", "https://u:p@m.example.com", "https://m.example.com?x=1", "ftp://m"]}'), [
      '1: invalid-mirror',
      '1: invalid-mirror',
      '1: invalid-mirror',
      '1: invalid-mirror',
    ]);
    assert.equal(k.applyFix('{"registry-mirrors": ["mirror.example.com"]}', 'invalid-mirror'), '{"registry-mirrors": ["https://mirror.example.com"]}');
    assert.deepEqual(k.codes('{"registry-mirrors": ["https://m.example.com/path"]}', { engine: '20.10' }), ['1: invalid-mirror']);
    assert.deepEqual(k.codes('{"registry-mirrors": ["https://m.example.com/path"]}', { engine: '29.7' }), []);
    assert.deepEqual(k.codes('{"insecure-registries": ["http://r:5000", "-r:5000", "10.0.0.0/8", "r.example:5000"]}'), ['1: insecure-registry-scheme', '1: invalid-insecure-registry']);
  });

  it('checks ulimits', () => {
    assert.deepEqual(k.codes('{"default-ulimits": {"foo": {"Name": "foo", "Soft": 1, "Hard": 1}}}'), ['1: unknown-ulimit']);
    assert.deepEqual(k.codes('{"default-ulimits": {"nofile": {"Name": "nproc", "Soft": 2, "Hard": 1}}}'), ['1: ulimit-name-mismatch', '1: ulimit-soft-above-hard']);
    assert.deepEqual(k.codes('{"default-ulimits": {"nofile": {"name": "nofile", "soft": 1, "hard": 2}}}'), []);
  });

  it('checks runtimes and default-runtime', () => {
    assert.deepEqual(k.codes('{"runtimes": {"runc": {"path": "/x"}}}'), ['1: reserved-runtime']);
    assert.deepEqual(k.codes('{"runtimes": {"x": {}}}', { engine: '24.0' }), ['1: invalid-runtime']);
    assert.deepEqual(k.lines('{"runtimes": {"x": {}}}', { engine: '20.10' }).map((l) => l.startsWith('1: invalid-runtime') && l.includes('Engine 20.10 starts')), [true]);
    assert.deepEqual(k.codes('{"default-runtime": "crun"}'), ['1: unknown-default-runtime']);
    assert.deepEqual(k.codes('{"runtimes": {"crun": {"path": "/usr/bin/crun"}}, "default-runtime": "crun"}'), []);
  });

  it('checks address pools', () => {
    assert.deepEqual(k.codes('{"default-address-pools": [{"base": "198.19.64.0/24", "size": 16}]}'), ['1: invalid-pool-size']);
    assert.deepEqual(k.codes('{"default-address-pools": [{"base": "nope", "size": 24}, {"size": 24}]}'), ['1: invalid-pool', '1: invalid-pool']);
    assert.deepEqual(k.codes('{"default-address-pools": [{"base": "198.19.64.0/18", "size": 24}, {"base": "198.19.64.0/20", "size": 24}]}'), ['1: overlapping-pools']);
    assert.deepEqual(k.codes('{"bip": "198.19.64.1/24", "default-address-pools": [{"base": "198.19.64.0/18", "size": 24}]}'), ['1: pool-overlaps-bip']);
  });

  it('checks log-driver and log-opts per driver and version', () => {
    assert.deepEqual(k.codes('{"log-opts": {"foo": "1"}}'), ['1: unknown-log-opt']);
    assert.deepEqual(k.codes('{"log-driver": "journald", "log-opts": {"max-size": "1m"}}'), ['1: unknown-log-opt']);
    assert.deepEqual(k.codes('{"log-opts": {"mode": "x"}}'), ['1: invalid-log-mode']);
    assert.deepEqual(k.codes('{"log-opts": {"max-buffer-size": "4m"}}'), ['1: log-buffer-needs-non-blocking']);
    assert.deepEqual(k.codes('{"log-driver": "gelf", "log-opts": {"tag": "x"}}'), ['1: missing-log-opt']);
    assert.deepEqual(k.codes('{"log-driver": "nope"}'), ['1: unknown-log-driver']);
    assert.equal(k.lines('{"log-driver": "nope"}')[0].includes('containers fail'), true);
    assert.deepEqual(k.codes('{"log-driver": "logentries"}', { engine: '25.0' }), ['1: log-driver-removed']);
    // Removed is unknown: an error only where dockerd looks the driver up, with log-opts (runs on 26.1 and 28.5).
    assert.match(k.lines('{"log-driver": "logentries"}', { engine: '28.5' })[0], /containers fail to start/);
    assert.deepEqual(k.diagnostics('{"log-driver": "logentries"}', { engine: '28.5' }).map((d) => d.severity), [2]);
    assert.deepEqual(k.diagnostics('{"log-driver": "logentries", "log-opts": {"logentries-token": "t"}}', { engine: '26.1' }).map((d) => [d.code, d.severity]), [['log-driver-removed', 1]]);
    assert.deepEqual(k.codes('{"log-driver": "fluentd", "log-opts": {"fluentd-async-connect": "true"}}', { engine: '28.0' }), ['1: unknown-log-opt']);
    assert.equal(k.applyFix('{"log-driver": "fluentd", "log-opts": {"fluentd-async-connect": "true"}}', 'unknown-log-opt', undefined, { engine: '28.0' }), '{"log-driver": "fluentd", "log-opts": {"fluentd-async": "true"}}');
    assert.deepEqual(k.codes('{"log-opts": {"max-size": "10x", "max-file": "0"}}'), ['1: invalid-log-size', '1: invalid-log-max-file']);
    assert.deepEqual(k.codes('{"log-driver": "none", "log-opts": {"anything": "x"}}'), []);
  });

  it('checks storage drivers and options by version', () => {
    assert.deepEqual(k.codes('{"storage-driver": "nope"}', { engine: '20.10' }), ['1: unknown-storage-driver']);
    assert.deepEqual(k.lines('{"storage-driver": "nope"}', { engine: '29.7' }).map((l) => l.split(':')[1].trim()), ['unknown-storage-driver']);
    assert.equal(k.codes('{"storage-driver": "devicemapper"}', { engine: '25.0' })[0], '1: storage-driver-removed');
    assert.equal(k.applyFix('{"storage-driver": "aufs"}', 'storage-driver-removed'), '{"storage-driver": "overlay2"}');
    assert.deepEqual(k.codes('{"storage-driver": "overlay"}', { engine: '20.10' }), ['1: storage-driver-deprecated']);
    assert.deepEqual(k.codes('{"storage-opts": ["overlay2.override_kernel_check=true"]}', { engine: '24.0' }), ['1: storage-opt-removed']);
    assert.deepEqual(k.lines('{"storage-opts": ["overlay2.override_kernel_check=true"]}', { engine: '23.0' }), [
      '1: storage-opt-deprecated: "overlay2.override_kernel_check" is deprecated (ignored from 23.0, refused from 24.0). Remove it.',
    ]);
  });

  it('takes an unknown storage driver for a containerd snapshotter where the containerd image store is on (29.0 default, or the feature)', () => {
    const severity = (text: string, engine: string) => k.diagnostics(text, { engine }).map((d) => [d.code, d.severity]);
    assert.deepEqual(severity('{"storage-driver": "nope"}', '28.5'), [['unknown-storage-driver', 1]]);
    assert.deepEqual(severity('{"storage-driver": "nope"}', '29.0'), [['unknown-storage-driver', 2]]);
    assert.deepEqual(severity('{"storage-driver": "nope", "features": {"containerd-snapshotter": false}}', '29.7'), [['unknown-storage-driver', 1]]);
    assert.deepEqual(severity('{"storage-driver": "nope", "features": {"containerd-snapshotter": true}}', '28.5'), [['unknown-storage-driver', 2]]);
  });

  it('checks combinations dockerd refuses', () => {
    assert.deepEqual(k.codes('{"bridge": "br0", "bip": "198.19.64.1/24"}'), ['1: bridge-with-bip']);
    assert.deepEqual(k.codes('{"icc": false, "iptables": false}'), ['1: icc-needs-iptables']);
    // ip6tables left experimental in 27.0 (moby#47747); runs: 20.10 and 26.1 refuse, 28.5 starts.
    assert.deepEqual(k.codes('{"ip6tables": true}', { engine: '26.1' }), ['1: ip6tables-needs-experimental']);
    assert.deepEqual(k.codes('{"ip6tables": true, "experimental": true}', { engine: '20.10' }), []);
    assert.deepEqual(k.codes('{"ip6tables": true}', { engine: '27.0' }), []);
    assert.deepEqual(k.codes('{"ip6tables": true, "experimental": true, "iptables": false}', { engine: '26.1' }), ['1: ip6tables-needs-iptables']);
    assert.deepEqual(k.codes('{"ip6tables": true, "iptables": false}', { engine: '28.5' }), []);
    assert.deepEqual(k.codes('{"host-gateway-ip": "10.0.0.1", "host-gateway-ips": ["10.0.0.1"]}'), ['1: host-gateway-ip-conflict']);
    assert.deepEqual(k.codes('{"features": {"embedded-containerd": true}, "cri-containerd": true}'), ['1: embedded-containerd-with-cri']);
    assert.deepEqual(k.codes('{"features": {"containerd-snapshotter": true}, "userns-remap": "default"}'), ['1: snapshotter-with-userns']);
    assert.equal(k.applyFix('{"host-gateway-ip": "10.0.0.1", "host-gateway-ips": ["10.0.0.1"]}', 'host-gateway-ip-conflict'), '{"host-gateway-ips": ["10.0.0.1"]}');
  });
});

describe('daemon.json TLS and userland-proxy', () => {
  it('warns when TLS is on without certificate paths', () => {
    assert.deepEqual(k.codes('{"tlsverify": true, "tlscacert": "/c/ca.pem", "tlscert": "/c/cert.pem"}'), ['1: tls-without-certificates']);
    assert.deepEqual(k.codes('{"tls": true, "tlscert": "/c/cert.pem", "tlskey": "/c/key.pem"}'), []);
  });

  it('wants an absolute userland-proxy-path, refused from 25.0', () => {
    assert.deepEqual(k.lines('{"userland-proxy-path": "docker-proxy"}', { engine: '20.10' }), ['1: userland-proxy-path-relative: userland-proxy-path must be an absolute path; Engine 20.10 accepts a relative one, Engine 25.0 refuses it.']);
    assert.deepEqual(k.lines('{"userland-proxy-path": "docker-proxy"}', { engine: '25.0' }), ['1: userland-proxy-path-relative: userland-proxy-path must be an absolute path: dockerd refuses to start.']);
    assert.deepEqual(k.codes('{"userland-proxy": false, "userland-proxy-path": "docker-proxy"}', { engine: '28.0' }), []);
  });
});
