#!/usr/bin/env node
// Generates schemas/daemon.schema.json from the compact table below.
// Run: node test/tools/genDaemonSchema.mjs   (the output is the committed data; this
// script only exists so the data can be regenerated and reviewed as a table).
//
// Sources for the facts (verified against moby's daemon/config and daemon/command
// sources, see /work/shared/notes/docker-facts.md §1–3 and the key-by-version table
// daemon-json-keys-by-engine-version.txt): "since" is the first sampled release whose
// config structs carry the JSON tag ("17.03" means 17.03 or earlier).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const D = 'https://docs.docker.com/reference/cli/dockerd/#daemon-configuration-file';
const NET = 'https://docs.docker.com/engine/network/drivers/bridge/';
const LOG = 'https://docs.docker.com/engine/logging/configure/';
const STORAGE = 'https://docs.docker.com/engine/storage/drivers/select-storage-driver/';
const REMOTE = 'https://docs.docker.com/engine/daemon/remote-access/';
const TLS = 'https://docs.docker.com/engine/security/protect-access/';
const PROXY = 'https://docs.docker.com/engine/daemon/proxy/';
const LIN = ['linux'];
const BOTH = ['linux', 'windows'];
// Keys a SIGHUP reload applies (moby daemon/reload.go, docker-facts §2.7).
const RELOAD = new Set([
  'debug', 'max-concurrent-downloads', 'max-concurrent-uploads', 'max-download-attempts', 'shutdown-timeout',
  'default-stop-timeout', 'features', 'labels', 'insecure-registries', 'registry-mirrors', 'live-restore',
  'network-diagnostic-port', 'nri-opts', 'runtimes', 'default-runtime', 'default-shm-size', 'default-cgroupns-mode',
  'default-ipc-mode', 'authorization-plugins',
]);

const str = { type: 'string' };
const strArr = { type: 'array', items: { type: 'string' } };

/** key: [schema, since, flag, platforms, description, example, docs, extra] */
const K = {
  'allow-direct-routing': [{ type: 'boolean', default: false }, '28.2', '--allow-direct-routing', LIN, 'Lets hosts on the local network reach containers directly on their bridge addresses, not only through published ports.', true, NET],
  'authorization-plugins': [{ ...strArr, default: [] }, '17.03', '--authorization-plugin', BOTH, 'Names of authorization plugins that approve or deny every API request.', ['my-authz-plugin'], D],
  bip: [{ type: 'string', 'x-format': 'cidr-address', 'x-family': 4 }, '17.03', '--bip', LIN, 'The address of the default `docker0` bridge **with its prefix length**; the bridge subnet is derived from it. A bare IP without `/len` is refused.', '10.200.0.1/24', NET],
  bip6: [{ type: 'string', 'x-format': 'cidr-address', 'x-family': 6 }, '28.0', '--bip6', LIN, 'The IPv6 address and prefix of the default bridge.', 'fd00:1::1/64', NET],
  bridge: [{ type: 'string', default: '' }, '17.03', '-b, --bridge', BOTH, 'Attach the default network to an existing bridge interface instead of creating `docker0`; `none` disables the default bridge network. Cannot be combined with `bip`.', 'none', NET],
  'bridge-accept-fwmark': [{ type: 'string', pattern: '^(0x[0-9a-fA-F]+|\\d+)(/(0x[0-9a-fA-F]+|\\d+))?$' }, '29.0', '--bridge-accept-fwmark', LIN, 'Packets carrying this firewall mark (`mark[/mask]`) are accepted into bridge networks even when they would otherwise be dropped.', '0x1/0x1', NET],
  builder: [{ type: 'object' }, '18.09', undefined, BOTH, 'Settings of the BuildKit builder: build-cache garbage collection, entitlements and build history.', { gc: { enabled: true, defaultKeepStorage: '20GB' } }, 'https://docs.docker.com/build/cache/garbage-collection/'],
  // A common flag (cmd/dockerd/config.go, daemon/command/config.go) since it appeared in 25.0.
  'cdi-spec-dirs': [{ ...strArr }, '25.0', '--cdi-spec-dir', BOTH, 'Folders searched for Container Device Interface (CDI) specifications. Default `/etc/cdi` and `/var/run/cdi`.', ['/etc/cdi'], D],
  'cgroup-parent': [{ type: 'string', default: '' }, '17.03', '--cgroup-parent', LIN, 'The parent cgroup of every container. With the systemd cgroup driver it must be a slice name ending in `.slice`.', 'docker.slice', D],
  containerd: [{ type: 'string', default: '' }, '17.03', '--containerd', BOTH, 'Socket of an existing containerd to use; when empty dockerd uses the system containerd or starts its own.', '/run/containerd/containerd.sock', D],
  'containerd-namespace': [{ type: 'string', default: 'moby' }, '20.10', '--containerd-namespace', BOTH, 'The containerd namespace that holds the containers dockerd creates.', 'moby', D],
  'cpu-rt-period': [{ type: 'integer', default: 0, minimum: 0 }, '17.03', '--cpu-rt-period', LIN, 'Real-time scheduler period of the parent cgroup, in microseconds (cgroup v1 only).', 1000000, D],
  'cpu-rt-runtime': [{ type: 'integer', default: 0, minimum: 0 }, '17.03', '--cpu-rt-runtime', LIN, 'Real-time scheduler runtime of the parent cgroup, in microseconds (cgroup v1 only).', 950000, D],
  'cri-containerd': [{ type: 'boolean', default: false }, '18.09', '--cri-containerd', BOTH, 'Start the managed containerd with its CRI plugin enabled.', true, D],
  'data-root': [{ type: 'string', default: '/var/lib/docker' }, '17.05', '--data-root', BOTH, 'Where dockerd keeps images, containers, volumes and other persistent state.', '/mnt/docker-data', 'https://docs.docker.com/engine/daemon/#daemon-data-directory'],
  debug: [{ type: 'boolean', default: false }, '17.03', '-D, --debug', BOTH, 'Turns on debug output in the daemon log.', true, 'https://docs.docker.com/engine/daemon/logs/'],
  // The flag is registered only in the unix-only config file in every tag (v20.10.0 …
  // docker-v29.7.x: cmd/dockerd/config_unix.go, later daemon/command/config_unix.go).
  'default-address-pools': [{ type: 'array' }, '18.06', '--default-address-pool', LIN, 'Address blocks from which dockerd carves subnets for networks created without an explicit subnet (and for `docker0` when `bip` is unset). Each pool is a `base` CIDR split into blocks of prefix length `size`.', [{ base: '10.201.0.0/16', size: 24 }], 'https://docs.docker.com/engine/network/#subnet-allocation'],
  'default-cgroupns-mode': [{ type: 'string', enum: ['host', 'private'] }, '20.10', '--default-cgroupns-mode', LIN, 'Default cgroup namespace for containers: `private` (default on cgroup v2) or `host` (default on cgroup v1).', 'private', D],
  'default-gateway': [{ type: 'string', 'x-format': 'ip', 'x-family': 4 }, '17.03', '--default-gateway', LIN, 'IPv4 default gateway that containers on the default bridge use.', '10.200.0.254', NET],
  'default-gateway-v6': [{ type: 'string', 'x-format': 'ip', 'x-family': 6 }, '17.03', '--default-gateway-v6', LIN, 'IPv6 default gateway that containers on the default bridge use.', 'fd00:1::fe', NET],
  'default-ipc-mode': [{ type: 'string', enum: ['private', 'shareable'], default: 'private' }, '17.09', '--default-ipc-mode', LIN, 'Default IPC namespace mode for new containers.', 'shareable', D],
  'default-network-opts': [{ type: 'object' }, '24.0', '--default-network-opt', BOTH, 'Default driver options for networks created without them, keyed by driver name, then option name. Values are strings.', { bridge: { 'com.docker.network.driver.mtu': '1400' } }, D],
  'default-runtime': [{ type: 'string', default: 'runc' }, '17.03', '--default-runtime', BOTH, 'The OCI runtime containers use unless they name another one. Must be `runc` or a name defined in `runtimes`.', 'runc', D],
  'default-shm-size': [{ type: 'string', default: '64M', 'x-format': 'size' }, '17.04', '--default-shm-size', LIN, 'Default size of `/dev/shm` in containers, as a size string such as `64M` or `1g` (a JSON string, not a number).', '128M', D],
  'default-stop-timeout': [{ type: 'integer', default: 10, minimum: 0 }, '29.7', '--default-stop-timeout', BOTH, 'Seconds a container gets to stop before it is killed, unless it sets its own timeout (Windows default 30).', 20, D],
  'default-ulimits': [{ type: 'object' }, '17.03', '--default-ulimit', LIN, 'Default resource limits for containers, keyed by limit name (`nofile`, `nproc`, …), each with `Name`, `Soft` and `Hard`.', { nofile: { Name: 'nofile', Soft: 65536, Hard: 65536 } }, D],
  dns: [{ ...strArr, 'x-itemFormat': 'ip' }, '17.03', '--dns', BOTH, 'DNS servers (IP addresses) written into containers\' resolv.conf.', ['1.1.1.1', '8.8.8.8'], 'https://docs.docker.com/engine/network/#dns-services'],
  'dns-opts': [{ ...strArr }, '17.03', '--dns-opt', BOTH, 'resolv.conf options for containers.', ['ndots:2'], D],
  'dns-search': [{ ...strArr, 'x-itemFormat': 'domain' }, '17.03', '--dns-search', BOTH, 'DNS search domains for containers.', ['example.internal'], D],
  'exec-opts': [{ ...strArr, 'x-itemFormat': 'exec-opt' }, '17.03', '--exec-opt', BOTH, 'Runtime options as `name=value`. On Linux the only one is `native.cgroupdriver` (`cgroupfs` or `systemd`); on Windows `isolation` (`process` or `hyperv`).', ['native.cgroupdriver=systemd'], D],
  'exec-root': [{ type: 'string', default: '/var/run/docker' }, '17.03', '--exec-root', BOTH, 'Folder for the daemon\'s runtime state (sockets, container bundles).', '/run/docker', D],
  experimental: [{ type: 'boolean', default: false }, '17.03', '--experimental', BOTH, 'Turns on experimental daemon features.', true, D],
  features: [{ type: 'object' }, '18.09', '--feature', BOTH, 'Feature switches, name → `true`/`false`, such as `containerd-snapshotter` or `cdi`.', { 'containerd-snapshotter': true }, D],
  'firewall-backend': [{ type: 'string', enum: ['iptables', 'nftables'] }, '29.0', '--firewall-backend', LIN, 'Which firewall the daemon programs: `iptables` (default) or `nftables`.', 'nftables', 'https://docs.docker.com/engine/network/firewall-nftables/'],
  'fixed-cidr': [{ type: 'string', 'x-format': 'cidr', 'x-family': 4 }, '17.03', '--fixed-cidr', BOTH, 'Restricts the addresses containers on the default bridge get to this IPv4 block, which must lie inside the bridge subnet (`bip`).', '10.200.0.128/25', NET],
  'fixed-cidr-v6': [{ type: 'string', 'x-format': 'cidr', 'x-family': 6 }, '17.03', '--fixed-cidr-v6', LIN, 'IPv6 subnet for containers on the default bridge (needs `ipv6: true`).', 'fd00:1::/64', NET],
  group: [{ type: 'string', default: 'docker' }, '17.03', '-G, --group', BOTH, 'Group that owns the Unix socket (on Windows: users or groups allowed on the named pipe).', 'docker', D],
  'host-gateway-ip': [{ type: 'string', 'x-format': 'ip' }, '20.10', '--host-gateway-ip', BOTH, 'Address that the special name `host-gateway` resolves to. Since 28.0 prefer the list form `host-gateway-ips`; the two keys cannot be used together.', '10.200.0.1', D, { 'x-supersededBy': 'host-gateway-ips', 'x-supersededIn': '28.0' }],
  'host-gateway-ips': [{ ...strArr, 'x-itemFormat': 'ip', maxItems: 2 }, '28.0', '--host-gateway-ip', BOTH, 'Addresses (at most one IPv4 and one IPv6) that the special name `host-gateway` resolves to.', ['10.200.0.1'], D],
  hosts: [{ ...strArr, 'x-itemFormat': 'host' }, '17.03', '-H, --host', BOTH, 'Addresses the API listens on: `unix:///path`, `tcp://host:port`, `fd://`, and `npipe://` on Windows. Conflicts with `-H` in the systemd unit.', ['unix:///var/run/docker.sock', 'tcp://127.0.0.1:2375'], REMOTE],
  icc: [{ type: 'boolean', default: true }, '17.03', '--icc', LIN, 'Allows containers on the default bridge to talk to each other. `false` needs `iptables`.', false, NET],
  init: [{ type: 'boolean', default: false }, '17.03', '--init', LIN, 'Runs an init process (docker-init) as PID 1 in every container.', true, D],
  'init-path': [{ type: 'string' }, '17.03', '--init-path', LIN, 'Path of the docker-init binary.', '/usr/libexec/docker-init', D],
  'insecure-registries': [{ ...strArr, 'x-itemFormat': 'insecure-registry' }, '17.03', '--insecure-registry', BOTH, 'Registries (`host[:port]` or a CIDR) that may be used over plain HTTP or with untrusted certificates. `127.0.0.0/8` is always included.', ['registry.internal:5000', '10.210.0.0/16'], 'https://docs.docker.com/reference/cli/dockerd/#insecure-registries'],
  ip: [{ type: 'string', 'x-format': 'ip', default: '0.0.0.0' }, '17.03', '--ip', LIN, 'Default host address for published ports.', '127.0.0.1', 'https://docs.docker.com/engine/network/port-publishing/'],
  'ip-forward': [{ type: 'boolean', default: true }, '17.03', '--ip-forward', LIN, 'Lets dockerd turn on IP forwarding in the kernel.', true, NET],
  'ip-forward-no-drop': [{ type: 'boolean', default: false }, '28.0', '--ip-forward-no-drop', LIN, 'Keeps the default policy of the iptables FORWARD chain instead of setting it to DROP when dockerd enables forwarding.', true, 'https://docs.docker.com/engine/network/packet-filtering-firewalls/'],
  'ip-masq': [{ type: 'boolean', default: true }, '17.03', '--ip-masq', LIN, 'Masquerades (NATs) traffic leaving the default bridge. Forced off when `iptables` is false.', false, NET],
  ip6tables: [{ type: 'boolean', default: true }, '20.10', '--ip6tables', LIN, 'Lets dockerd manage ip6tables rules (default true from 27.0, false before).', true, 'https://docs.docker.com/engine/network/packet-filtering-firewalls/'],
  iptables: [{ type: 'boolean', default: true }, '17.03', '--iptables', LIN, 'Lets dockerd manage iptables rules for port publishing, isolation and NAT.', true, 'https://docs.docker.com/engine/network/packet-filtering-firewalls/'],
  ipv6: [{ type: 'boolean', default: false }, '17.03', '--ipv6', LIN, 'Enables IPv6 on the default bridge network (needs `fixed-cidr-v6` before 27.0).', true, 'https://docs.docker.com/engine/daemon/ipv6/'],
  labels: [{ ...strArr, 'x-itemFormat': 'label' }, '17.03', '--label', BOTH, 'Labels of this daemon as `key=value`. The namespaces `com.docker.*`, `io.docker.*` and `org.dockerproject.*` are reserved.', ['env=prod', 'rack=r12'], 'https://docs.docker.com/engine/manage-resources/labels/'],
  'live-restore': [{ type: 'boolean', default: false }, '17.03', '--live-restore', LIN, 'Keeps containers running while dockerd is stopped or upgraded. Not supported with swarm mode.', true, 'https://docs.docker.com/engine/daemon/live-restore/'],
  'log-driver': [{ type: 'string', default: 'json-file' }, '17.03', '--log-driver', BOTH, 'Default logging driver for containers; its options go in `log-opts`.', 'local', LOG],
  'log-format': [{ type: 'string', enum: ['text', 'json'], default: 'text' }, '25.0', '--log-format', BOTH, 'Format of the daemon\'s own log: `text` or `json`.', 'json', 'https://docs.docker.com/engine/daemon/logs/'],
  'log-level': [{ type: 'string', default: 'info', 'x-caseInsensitive': true }, '17.03', '-l, --log-level', BOTH, 'Verbosity of the daemon\'s own log.', 'warn', 'https://docs.docker.com/engine/daemon/logs/'],
  'log-opts': [{ type: 'object', additionalProperties: { type: 'string' } }, '17.03', '--log-opt', BOTH, 'Options for the default logging driver (`log-driver`). Every value is a JSON **string**, also numbers such as `"3"`.', { 'max-size': '10m', 'max-file': '3' }, LOG],
  'max-concurrent-downloads': [{ type: 'integer', default: 3, minimum: 0 }, '17.03', '--max-concurrent-downloads', BOTH, 'How many layers one pull downloads in parallel.', 6, D],
  'max-concurrent-uploads': [{ type: 'integer', default: 5, minimum: 0 }, '17.03', '--max-concurrent-uploads', BOTH, 'How many layers one push uploads in parallel.', 5, D],
  'max-download-attempts': [{ type: 'integer', default: 5, minimum: 0 }, '20.10', '--max-download-attempts', BOTH, 'How often a failed layer download is retried.', 5, D],
  'metrics-addr': [{ type: 'string', default: '' }, '17.03', '--metrics-addr', BOTH, 'Address (`host:port`) of the Prometheus metrics endpoint.', '127.0.0.1:9323', 'https://docs.docker.com/engine/daemon/prometheus/'],
  'min-api-version': [{ type: 'string', pattern: '^1\\.\\d+$' }, '29.0', undefined, BOTH, 'Lowest API version the daemon serves to clients (between 1.24 and the current version).', '1.24', D],
  // Windows registers --mtu (common flag) but never uses it; from 25.0 it logs a warning
  // (daemon/config/config_windows.go validatePlatformConfig).
  mtu: [{ type: 'integer', default: 1500, minimum: 0 }, '17.03', '--mtu', BOTH, 'MTU of the default bridge network (ignored on Windows).', 1450, NET, { 'x-ignoredOn': ['windows'] }],
  'network-control-plane-mtu': [{ type: 'integer', default: 1500, minimum: 0 }, '17.09', '--network-control-plane-mtu', BOTH, 'MTU used by swarm\'s network control plane.', 1450, D],
  'network-diagnostic-port': [{ type: 'integer', default: 0, minimum: 0, maximum: 65535 }, '17.12', '--network-diagnostic-port', BOTH, 'Port of the libnetwork diagnostic server on localhost; 0 turns it off.', 2000, D],
  'no-new-privileges': [{ type: 'boolean', default: false }, '17.04', '--no-new-privileges', LIN, 'Sets no-new-privileges for new containers by default.', true, D],
  'node-generic-resources': [{ ...strArr }, '17.09', '--node-generic-resource', BOTH, 'Generic resources this swarm node advertises, as `NAME=VALUE`.', ['NVIDIA-GPU=UUID1'], D],
  // A common flag (daemon/command/config.go) since it appeared in 29.2.
  'nri-opts': [{ type: 'object' }, '29.2', '--nri-opts', BOTH, 'Node Resource Interface settings: `enable`, `plugin-path`, `plugin-config-path`, `socket-path`.', { enable: true }, D],
  pidfile: [{ type: 'string', default: '/var/run/docker.pid' }, '17.03', '-p, --pidfile', BOTH, 'Where dockerd writes its process ID.', '/run/docker.pid', D],
  proxies: [{ type: 'object' }, '23.0', '--http-proxy, --https-proxy, --no-proxy', BOTH, 'Proxy for the daemon\'s own outgoing connections (pulls, pushes). The three proxy keys belong inside this object.', { 'http-proxy': 'http://proxy.example:3128', 'no-proxy': 'localhost,.internal' }, PROXY],
  'raw-logs': [{ type: 'boolean', default: false }, '17.03', '--raw-logs', BOTH, 'Full timestamps and no ANSI colours in the daemon log.', true, D],
  'registry-mirrors': [{ ...strArr, 'x-itemFormat': 'mirror' }, '17.03', '--registry-mirror', BOTH, 'Pull-through mirrors of Docker Hub, as `https://` or `http://` URLs without credentials, query or fragment.', ['https://mirror.example.com'], 'https://docs.docker.com/docker-hub/image-library/mirror/'],
  rootless: [{ type: 'boolean' }, '19.03', '--rootless', LIN, 'Rootless mode; set automatically when dockerd runs under RootlessKit.', true, 'https://docs.docker.com/engine/security/rootless/'],
  runtimes: [{ type: 'object' }, '17.03', '--add-runtime', LIN, 'Extra OCI runtimes by name: either `path` (+ `runtimeArgs`) of a runc-compatible binary or `runtimeType` (+ `options`) of a containerd shim.', { crun: { path: '/usr/bin/crun' } }, 'https://docs.docker.com/engine/daemon/alternative-runtimes/'],
  'seccomp-profile': [{ type: 'string', default: 'builtin' }, '17.03', '--seccomp-profile', LIN, 'Default seccomp profile: `builtin`, `unconfined`, or the path of a JSON profile.', 'builtin', 'https://docs.docker.com/engine/security/seccomp/'],
  'selinux-enabled': [{ type: 'boolean', default: false }, '17.03', '--selinux-enabled', LIN, 'Enables SELinux labelling of containers.', true, D],
  'shutdown-timeout': [{ type: 'integer', default: 15, minimum: 0 }, '17.03', '--shutdown-timeout', BOTH, 'Seconds dockerd waits for containers to stop when it shuts down.', 30, D],
  // Windows lost --storage-driver in 23.0 (moby 0ff0b8693e moved the flag to the unix-only
  // cmd/dockerd/config_unix.go; tags v23.0.0 … docker-v29.7.x have it there, v20.10.x in
  // config.go), so a Windows daemon.json with the key is refused as unknown from 23.0.
  'storage-driver': [{ type: 'string' }, '17.03', '-s, --storage-driver', LIN, 'Storage driver for images and containers; empty lets dockerd choose. (On Windows the key was accepted only before Engine 23.0.)', 'overlay2', STORAGE, { 'x-platformRemoved': { windows: '23.0' } }],
  'storage-opts': [{ ...strArr }, '17.03', '--storage-opt', BOTH, 'Options of the storage driver, as `name=value`.', ['overlay2.size=20G'], STORAGE],
  'swarm-default-advertise-addr': [{ type: 'string', default: '' }, '17.03', '--swarm-default-advertise-addr', BOTH, 'Default address or interface swarm advertises to other nodes.', 'eth0', D],
  tls: [{ type: 'boolean', default: false }, '17.03', '--tls', BOTH, 'Serves the API over TLS (implied by `tlsverify`).', true, TLS],
  tlscacert: [{ type: 'string' }, '17.03', '--tlscacert', BOTH, 'CA certificate that client certificates must be signed by (default `~/.docker/ca.pem`).', '/etc/docker/tls/ca.pem', TLS],
  tlscert: [{ type: 'string' }, '17.03', '--tlscert', BOTH, 'The server certificate (default `~/.docker/cert.pem`).', '/etc/docker/tls/server-cert.pem', TLS],
  tlskey: [{ type: 'string' }, '17.03', '--tlskey', BOTH, 'The server private key (default `~/.docker/key.pem`).', '/etc/docker/tls/server-key.pem', TLS],
  tlsverify: [{ type: 'boolean', default: false }, '17.03', '--tlsverify', BOTH, 'Serves the API over TLS and requires client certificates signed by `tlscacert`.', true, TLS],
  'userland-proxy': [{ type: 'boolean', default: true }, '17.03', '--userland-proxy', LIN, 'Uses the docker-proxy process for loopback and some published-port traffic.', false, 'https://docs.docker.com/engine/network/packet-filtering-firewalls/'],
  'userland-proxy-path': [{ type: 'string' }, '17.03', '--userland-proxy-path', LIN, 'Absolute path of the docker-proxy binary.', '/usr/libexec/docker/docker-proxy', D],
  'userns-remap': [{ type: 'string', default: '' }, '17.03', '--userns-remap', LIN, 'Runs containers in a user namespace: `default` or `user[:group]` with entries in /etc/subuid and /etc/subgid.', 'default', 'https://docs.docker.com/engine/security/userns-remap/'],
  // Deprecated or removed keys (docker-facts §3; cli docs/deprecated.md).
  graph: [{ type: 'string' }, '17.03', '-g, --graph', BOTH, 'Old name of `data-root`.', '/mnt/docker-data', D, { 'x-deprecated': '17.05', 'x-removed': '23.0', 'x-replacement': 'data-root' }],
  'cluster-store': [{ type: 'string' }, '17.03', '--cluster-store', BOTH, 'External key/value store for legacy overlay networks (replaced by swarm mode).', 'consul://10.0.0.1:8500', D, { 'x-deprecated': '20.10', 'x-removed': '23.0' }],
  'cluster-advertise': [{ type: 'string' }, '17.03', '--cluster-advertise', BOTH, 'Address advertised to the legacy cluster store (replaced by swarm mode).', 'eth0:2376', D, { 'x-deprecated': '20.10', 'x-removed': '23.0' }],
  'cluster-store-opts': [{ type: 'object', additionalProperties: { type: 'string' } }, '17.03', '--cluster-store-opt', BOTH, 'Options of the legacy cluster store.', {}, D, { 'x-deprecated': '20.10', 'x-removed': '23.0' }],
  'api-cors-header': [{ type: 'string' }, '17.03', '--api-cors-header', BOTH, 'CORS header the API sent; put a reverse proxy in front of the API instead.', '*', D, { 'x-deprecated': '27.0', 'x-removed': '28.0' }],
  'oom-score-adjust': [{ type: 'integer' }, '17.03', '--oom-score-adjust', LIN, 'OOM score adjustment of the daemon process; set `OOMScoreAdjust=` in the systemd unit instead.', -500, D, { 'x-deprecated': '24.0', 'x-removed': '25.0' }],
  'allow-nondistributable-artifacts': [{ ...strArr }, '17.06', '--allow-nondistributable-artifacts', BOTH, 'Registries to which foreign (non-distributable) layers were pushed. Has no effect since 28.0 and is ignored afterwards.', ['registry.internal:5000'], D, { 'x-deprecated': '28.0', 'x-ignoredSince': '28.1' }],
  'disable-legacy-registry': [{ type: 'boolean' }, '17.03', '--disable-legacy-registry', BOTH, 'Switched off the v1 registry protocol, which no longer exists.', true, D, { 'x-deprecated': '17.12', 'x-removed': '19.03' }],
  'api-enable-cors': [{ type: 'boolean' }, '17.03', '--api-enable-cors', BOTH, 'Very old CORS switch; replaced by `api-cors-header`, itself removed.', true, D, { 'x-deprecated': '17.03', 'x-removed': '17.09' }],
};

// Flags whose daemon.json key is the plural name: the singular is accepted as a
// directive (a flag exists) but no struct field reads it, so it is silently ignored
// (docker-facts §2.4, run on 20.10).
const SINGULAR = {
  label: 'labels', 'insecure-registry': 'insecure-registries', 'registry-mirror': 'registry-mirrors', 'exec-opt': 'exec-opts',
  'dns-opt': 'dns-opts', 'storage-opt': 'storage-opts', 'authorization-plugin': 'authorization-plugins', host: 'hosts',
  'default-ulimit': 'default-ulimits', 'add-runtime': 'runtimes', 'node-generic-resource': 'node-generic-resources',
  'cdi-spec-dir': 'cdi-spec-dirs', 'default-address-pool': 'default-address-pools', 'log-opt': 'log-opts',
  'default-network-opt': 'default-network-opts', 'cluster-store-opt': 'cluster-store-opts', feature: 'features',
};
// JSON tags without a flag: dockerd reports them as unknown directives (docker-facts §2.4).
const REJECTED = {
  'default-init': { since: '17.04', message: 'has no command-line flag, so dockerd rejects it; use `init` (a boolean) to run docker-init in containers', replacement: 'init' },
  'resolv-conf': { since: '18.09', message: 'has no command-line flag, so dockerd rejects it; containers get resolv.conf from the host and `dns`, `dns-opts`, `dns-search`' },
  'swarm-raft-heartbeat-tick': { since: '18.04', message: 'has no command-line flag, so dockerd rejects it; set raft ticks with `docker swarm update`' },
  'swarm-raft-election-tick': { since: '18.04', message: 'has no command-line flag, so dockerd rejects it; set raft ticks with `docker swarm update`' },
  'containerd-plugin-namespace': { since: '20.10', message: 'has no command-line flag of that name, so dockerd rejects it; the plugins namespace can only be set with `--containerd-plugins-namespace` on the command line' },
};
// Flags that have no config field: accepted as directives, then silently ignored
// (docker-facts §2.4: containerd-plugins-namespace; config-file is read before the file).
const FLAG_ONLY = {
  'containerd-plugins-namespace': { since: '20.10', message: 'is a command-line flag only; dockerd accepts the key but ignores its value, so the plugins namespace stays "plugins.moby". Pass --containerd-plugins-namespace on the command line instead' },
  'config-file': { since: '17.03', message: 'names the file itself and only works on the command line; dockerd ignores it here' },
};
// Proxy keys that belong inside `proxies` (flags since 23.0).
const PROXY_KEYS = ['http-proxy', 'https-proxy', 'no-proxy'];

const ulimitNames = ['core', 'cpu', 'data', 'fsize', 'locks', 'memlock', 'msgqueue', 'nice', 'nofile', 'nproc', 'rss', 'rtprio', 'rttime', 'sigpending', 'stack'];

function md(key, desc, example, docs) {
  return `${desc}\n\nExample:\n\n\`\`\`json\n"${key}": ${JSON.stringify(example)}\n\`\`\`\n\n[Docker docs](${docs})`;
}
function leaf(type, description, extra = {}) {
  return { type, description, markdownDescription: description, ...extra };
}

const nested = {
  'default-address-pools': {
    items: {
      type: 'object',
      description: 'One address pool.',
      required: ['base', 'size'],
      additionalProperties: false,
      properties: {
        base: leaf('string', 'The CIDR block the pool hands out subnets from, e.g. `10.201.0.0/16`.', { 'x-format': 'cidr' }),
        size: leaf('integer', 'Prefix length of each subnet taken from `base`; must be at least the prefix length of `base`.', { minimum: 1, maximum: 128 }),
      },
    },
  },
  'default-ulimits': {
    propertyNames: { enum: ulimitNames },
    additionalProperties: {
      type: 'object',
      description: 'One resource limit.',
      additionalProperties: false,
      properties: {
        Name: leaf('string', 'The limit name; the same as the key.', { enum: ulimitNames }),
        Soft: leaf('integer', 'Soft limit (what the process gets); -1 means unlimited.'),
        Hard: leaf('integer', 'Hard limit (the ceiling the process may raise the soft limit to); -1 means unlimited.'),
      },
    },
    'x-ulimitNames': ulimitNames,
  },
  runtimes: {
    additionalProperties: {
      type: 'object',
      description: 'One OCI runtime.',
      additionalProperties: false,
      properties: {
        path: leaf('string', 'Path (or name in $PATH) of a runc-compatible binary.'),
        runtimeArgs: leaf('array', 'Extra arguments passed to the binary at `path`.', { items: { type: 'string' } }),
        runtimeType: leaf('string', 'A containerd shim v2 name such as `io.containerd.runsc.v1`, or the path of a shim binary.'),
        options: leaf('object', 'Options passed to the shim named by `runtimeType`.'),
      },
    },
  },
  proxies: {
    additionalProperties: false,
    properties: {
      'http-proxy': leaf('string', 'Proxy URL for HTTP requests of the daemon.', { 'x-flag': '--http-proxy' }),
      'https-proxy': leaf('string', 'Proxy URL for HTTPS requests of the daemon.', { 'x-flag': '--https-proxy' }),
      'no-proxy': leaf('string', 'Comma-separated hosts, domains (`.example.com`) and CIDRs that bypass the proxy.', { 'x-flag': '--no-proxy' }),
    },
  },
  features: {
    additionalProperties: { type: 'boolean' },
    properties: {
      'containerd-snapshotter': leaf('boolean', 'Use the containerd image store. The default for new installs since 29.0; not compatible with `userns-remap`.', { 'x-since': '24.0' }),
      cdi: leaf('boolean', 'Container Device Interface injection; `false` turns it off.', { 'x-since': '25.0' }),
      buildkit: leaf('boolean', 'Which builder the daemon advertises to clients (BuildKit when true).', { 'x-since': '18.09' }),
      'containerd-migration': leaf('boolean', 'Migrate images from the graphdriver store to the containerd store.', { 'x-since': '28.0' }),
      'embedded-containerd': leaf('boolean', 'Run containerd inside dockerd; cannot be combined with `cri-containerd`.', { 'x-since': '29.0' }),
      'swarm-nftables': leaf('boolean', 'Allow swarm mode together with `firewall-backend: nftables`.', { 'x-since': '29.0' }),
      'time-namespaces': leaf('boolean', 'Set to false to stop giving containers their own time namespace.', { 'x-since': '29.0' }),
      'windows-dns-proxy': leaf('boolean', 'Windows only: forward DNS requests the embedded resolver cannot answer. Removed in 28.0 (always on).', { 'x-since': '26.1', 'x-removed': '28.0', 'x-platforms': ['windows'] }),
    },
  },
  builder: {
    additionalProperties: false,
    properties: {
      gc: {
        ...leaf('object', 'Garbage collection of the build cache.'),
        additionalProperties: false,
        properties: {
          enabled: leaf('boolean', 'Run build-cache garbage collection (default true).'),
          defaultKeepStorage: leaf('string', 'Old name of `defaultReservedSpace`.', { 'x-deprecated': '28.0', 'x-replacement': 'defaultReservedSpace' }),
          defaultReservedSpace: leaf('string', 'Build cache kept at least, as a size such as `10GB`.', { 'x-since': '28.0' }),
          defaultMaxUsedSpace: leaf('string', 'Build cache allowed at most, as a size.', { 'x-since': '28.0' }),
          defaultMinFreeSpace: leaf('string', 'Disk space to keep free, as a size.', { 'x-since': '28.0' }),
          policy: leaf('array', 'Rules applied in order: each with `all`, `filter`, `keepStorage`/`reservedSpace`, `maxUsedSpace`, `minFreeSpace`.', { items: { type: 'object' } }),
        },
      },
      entitlements: {
        ...leaf('object', 'Privileges builds may ask for.'),
        additionalProperties: false,
        properties: {
          'network-host': leaf('boolean', 'Allow builds to use the host network.'),
          'security-insecure': leaf('boolean', 'Allow builds to run privileged steps.'),
          device: leaf('boolean', 'Allow builds to use devices.', { 'x-since': '29.0' }),
        },
      },
      history: {
        ...leaf('object', 'How long build records are kept.'),
        additionalProperties: false,
        properties: {
          maxAge: leaf('string', 'Maximum age of a build record, as a duration such as `48h`.'),
          maxEntries: leaf('integer', 'Maximum number of build records.'),
        },
      },
    },
  },
  'default-network-opts': {
    additionalProperties: { type: 'object', description: 'Options for one network driver.', additionalProperties: { type: 'string' } },
  },
  'nri-opts': {
    additionalProperties: false,
    properties: {
      enable: leaf('boolean', 'Turn NRI support on.'),
      'plugin-path': leaf('string', 'Folder of NRI plugins started by the daemon.'),
      'plugin-config-path': leaf('string', 'Folder of configuration files for those plugins.'),
      'socket-path': leaf('string', 'Socket on which external NRI plugins connect.'),
    },
  },
};

// Enumerated values with their own history (docker-facts §1.4.8–1.4.10, §3).
const values = {
  'log-level': {
    debug: { description: 'Everything, including debug messages.' },
    info: { description: 'Normal operation messages (default).' },
    warn: { description: 'Warnings and errors only.' },
    warning: { description: 'Old spelling of `warn`.', 'x-removed': '25.0', 'x-replacement': 'warn' },
    error: { description: 'Errors only.' },
    fatal: { description: 'Only errors that stop the daemon.' },
    panic: { description: 'Only panics.' },
    trace: { description: 'Even more detail than debug.' },
  },
  'log-format': { text: { description: 'Human-readable lines (default).' }, json: { description: 'One JSON object per line.' } },
  'default-cgroupns-mode': { private: { description: 'Each container gets its own cgroup namespace.' }, host: { description: 'Containers share the host\'s cgroup namespace.' } },
  'default-ipc-mode': { private: { description: 'A private IPC namespace per container (default).' }, shareable: { description: 'A private IPC namespace other containers may join.' } },
  'firewall-backend': { iptables: { description: 'Program iptables (default).' }, nftables: { description: 'Program nftables directly.' } },
  'seccomp-profile': { builtin: { description: 'The profile compiled into dockerd (default).' }, unconfined: { description: 'No seccomp filtering.' } },
  'storage-driver': {
    overlay2: { description: 'The recommended driver on Linux.', 'x-platforms': LIN },
    'fuse-overlayfs': { description: 'Overlay through FUSE, for rootless mode on old kernels.', 'x-platforms': LIN },
    btrfs: { description: 'Uses Btrfs subvolumes; needs a Btrfs data-root.', 'x-platforms': LIN },
    zfs: { description: 'Uses ZFS datasets; needs a ZFS data-root.', 'x-platforms': LIN },
    vfs: { description: 'Plain copies, no copy-on-write; slow, for testing.' },
    windowsfilter: { description: 'The Windows driver (Windows accepts the key only before Engine 23.0).', 'x-platforms': ['windows'] },
    aufs: { description: 'The old union filesystem driver.', 'x-platforms': LIN, 'x-deprecated': '19.03', 'x-removed': '24.0', 'x-replacement': 'overlay2' },
    overlay: { description: 'The first overlay driver.', 'x-platforms': LIN, 'x-deprecated': '18.09', 'x-removed': '24.0', 'x-replacement': 'overlay2' },
    devicemapper: { description: 'Block-device thin provisioning.', 'x-platforms': LIN, 'x-deprecated': '18.09', 'x-removed': '25.0', 'x-replacement': 'overlay2' },
  },
  'exec-opts': {
    'native.cgroupdriver=systemd': { description: 'Let systemd manage container cgroups (the default on cgroup v2 hosts booted with systemd).', 'x-platforms': ['linux'] },
    'native.cgroupdriver=cgroupfs': { description: 'Let dockerd manage cgroups through the cgroup filesystem.', 'x-platforms': ['linux'] },
    'isolation=process': { description: 'Windows: containers share the host kernel.', 'x-platforms': ['windows'] },
    'isolation=hyperv': { description: 'Windows: each container runs in a utility VM.', 'x-platforms': ['windows'] },
  },
  'default-runtime': { runc: { description: 'The default runtime shipped with Docker.' } },
  bridge: { none: { description: 'No default bridge network at all.' } },
};

// Logging drivers and their options (moby daemon/logger/*; docker-facts §1.4.1).
const common = ['labels', 'labels-regex', 'env', 'env-regex', 'tag'];
const everyDriver = ['mode', 'max-buffer-size', 'cache-disabled', 'cache-max-size', 'cache-max-file', 'cache-compress'];
const logDrivers = {
  'json-file': { description: 'JSON lines in files under the data root (default).', options: ['max-size', 'max-file', 'compress', ...common] },
  local: { description: 'Compact local files with rotation on by default.', options: ['max-size', 'max-file', 'compress', ...common] },
  syslog: { description: 'Sends logs to syslog.', options: ['syslog-address', 'syslog-facility', 'syslog-tls-ca-cert', 'syslog-tls-cert', 'syslog-tls-key', 'syslog-tls-skip-verify', 'syslog-format', ...common] },
  journald: { description: 'Sends logs to the systemd journal.', options: [...common] },
  gelf: { description: 'Sends GELF messages to Graylog or Logstash.', options: ['gelf-address', 'gelf-compression-type', 'gelf-compression-level', 'gelf-tcp-max-reconnect', 'gelf-tcp-reconnect-delay', ...common], required: ['gelf-address'] },
  fluentd: { description: 'Sends logs to fluentd.', options: ['fluentd-address', 'fluentd-async', 'fluentd-async-connect', 'fluentd-async-reconnect-interval', 'fluentd-buffer-limit', 'fluentd-max-retries', 'fluentd-request-ack', 'fluentd-retry-wait', 'fluentd-sub-second-precision', 'fluentd-write-timeout', 'fluentd-read-timeout', ...common], optionHistory: { 'fluentd-async-connect': { 'x-deprecated': '20.10', 'x-removed': '28.0', 'x-replacement': 'fluentd-async' }, 'fluentd-write-timeout': { 'x-since': '28.2' }, 'fluentd-read-timeout': { 'x-since': '29.0' }, 'fluentd-async': { 'x-since': '20.10' } } },
  awslogs: { description: 'Sends logs to Amazon CloudWatch Logs.', options: ['awslogs-region', 'awslogs-endpoint', 'awslogs-group', 'awslogs-stream', 'awslogs-create-group', 'awslogs-create-stream', 'awslogs-datetime-format', 'awslogs-multiline-pattern', 'awslogs-credentials-endpoint', 'awslogs-force-flush-interval-seconds', 'awslogs-max-buffered-events', 'awslogs-format', 'tag'], required: ['awslogs-group'], optionHistory: { 'awslogs-format': { 'x-since': '23.0' } } },
  splunk: { description: 'Sends logs to Splunk HTTP Event Collector.', options: ['splunk-url', 'splunk-token', 'splunk-source', 'splunk-sourcetype', 'splunk-index', 'splunk-capath', 'splunk-caname', 'splunk-insecureskipverify', 'splunk-format', 'splunk-verify-connection', 'splunk-gzip', 'splunk-gzip-level', 'splunk-index-acknowledgment', ...common] },
  gcplogs: { description: 'Sends logs to Google Cloud Logging.', options: ['gcp-project', 'gcp-log-cmd', 'gcp-meta-zone', 'gcp-meta-name', 'gcp-meta-id', 'labels', 'labels-regex', 'env', 'env-regex'] },
  etwlogs: { description: 'Windows Event Tracing.', options: [], platforms: ['windows'] },
  none: { description: 'No logs at all; options are ignored.', options: [], anyOptions: true },
  logentries: { description: 'Rapid7 Logentries.', options: ['logentries-token', 'line-only', ...common], 'x-deprecated': '24.0', 'x-removed': '25.0' },
};
const logOptionDocs = {
  'max-size': 'Size at which a log file is rotated, e.g. `10m`, `1g` (needs a unit-less number or k/m/g).',
  'max-file': 'How many rotated files are kept (a number as a string, at least 1).',
  compress: 'Compress rotated files (`"true"`/`"false"`).',
  mode: '`blocking` (default) or `non-blocking` delivery of log messages.',
  'max-buffer-size': 'Ring-buffer size for `mode: non-blocking`, e.g. `4m`.',
  labels: 'Comma-separated container label names to include in each message.',
  env: 'Comma-separated environment variable names to include in each message.',
  tag: 'Template for the log tag, e.g. `{{.Name}}`.',
};

// Values of log options, offered by completion and shown by hover. All are JSON strings
// (log-opts is a map of strings). Sources (moby daemon/logger/…): mode — logger.go /
// factory.go; booleans — strconv.ParseBool in jsonfilelog/jsonfilelog.go, local/config.go,
// loggerutils/cache (cache-disabled, cache-compress), fluentd/fluentd.go,
// awslogs/cloudwatchlogs.go, splunk/splunk.go; syslog-format and the facility table —
// syslog/syslog.go; gelf-compression-type — gelf/gelf.go; splunk-format — splunk/splunk.go;
// awslogs-format — awslogs/cloudwatchlogs.go. ParseBool also takes 1/0/t/f; we offer the words.
const boolValues = (what) => ({ true: { description: `Turn ${what} on.` }, false: { description: `Turn ${what} off.` } });
const facility = (description) => ({ description });
const logOptionValues = {
  mode: {
    blocking: { description: 'The container waits until each message is delivered to the driver (default).' },
    'non-blocking': { description: 'Messages go to an in-memory ring buffer (size `max-buffer-size`); when it is full, new messages are dropped instead of blocking the container.' },
  },
  compress: boolValues('gzip compression of rotated log files'),
  'cache-disabled': { true: { description: 'Turn the local read cache ("dual logging") off.' }, false: { description: 'Keep the local read cache on (default).' } },
  'cache-compress': boolValues('compression of the dual-logging cache files'),
  'syslog-format': {
    rfc3164: { description: 'Classic BSD syslog lines.' },
    rfc5424: { description: 'RFC 5424 lines with a timestamp in seconds.' },
    rfc5424micro: { description: 'RFC 5424 lines with microsecond timestamps.' },
  },
  'syslog-facility': {
    kern: facility('Kernel messages.'), user: facility('User-level messages.'), mail: facility('Mail system.'),
    daemon: facility('System daemons (the default).'), auth: facility('Security and authorization.'), syslog: facility('Messages of syslogd itself.'),
    lpr: facility('Printing.'), news: facility('Network news.'), uucp: facility('UUCP.'), cron: facility('Scheduling daemons.'),
    authpriv: facility('Private security and authorization.'), ftp: facility('FTP daemon.'),
    local0: facility('Local use 0.'), local1: facility('Local use 1.'), local2: facility('Local use 2.'), local3: facility('Local use 3.'),
    local4: facility('Local use 4.'), local5: facility('Local use 5.'), local6: facility('Local use 6.'), local7: facility('Local use 7.'),
  },
  'gelf-compression-type': {
    gzip: { description: 'gzip-compress each UDP message (default).' },
    zlib: { description: 'zlib-compress each UDP message.' },
    none: { description: 'Send UDP messages uncompressed.' },
  },
  'fluentd-async': boolValues('asynchronous connection and buffering'),
  'fluentd-request-ack': boolValues('waiting for fluentd to acknowledge each chunk'),
  'fluentd-sub-second-precision': boolValues('nanosecond timestamps'),
  'awslogs-create-group': boolValues('creating the log group when it is missing'),
  'awslogs-create-stream': { true: { description: 'Create the log stream (default).' }, false: { description: 'Use an existing log stream.' } },
  'awslogs-format': { 'json/emf': { description: 'Send each message as CloudWatch embedded-metric JSON.', 'x-since': '23.0' } },
  'splunk-format': {
    inline: { description: 'The message is a string inside the event (default).' },
    json: { description: 'The message is parsed as JSON and embedded as an object.' },
    raw: { description: 'The message is sent as plain text, prefixed by attributes and tag.' },
  },
  'splunk-insecureskipverify': boolValues('skipping TLS certificate verification'),
  'splunk-verify-connection': { true: { description: 'Check the Splunk endpoint when the container starts (default).' }, false: { description: 'Do not check the endpoint at start.' } },
  'splunk-gzip': boolValues('gzip compression of requests'),
  'splunk-index-acknowledgment': boolValues('index acknowledgment'),
};

// What real dockerd releases showed about each key (#18): written by the daemon.json
// integration test when DN_CONFIRMED_OUT names this file; { release: { key: "starts" | "unknown" } }.
const CONFIRMED = JSON.parse(readFileSync(join(ROOT, 'test', 'tools', 'daemonKeysConfirmed.json'), 'utf8'));
function confirmedFor(key) {
  const marks = Object.fromEntries(Object.entries(CONFIRMED).flatMap(([release, keys]) => (keys[key] ? [[release, keys[key]]] : [])));
  return Object.keys(marks).length ? { 'x-confirmed': marks } : {};
}

const properties = {};
for (const [key, [schema, since, flag, platforms, desc, example, docs, extra]] of Object.entries(K)) {
  const p = {
    ...schema,
    description: desc.replace(/`/g, ''),
    markdownDescription: md(key, desc, example, docs),
    examples: [example],
    'x-since': since,
    ...(flag ? { 'x-flag': flag } : {}),
    'x-platforms': platforms,
    'x-reload': RELOAD.has(key),
    'x-docs': docs,
    ...(extra ?? {}),
    ...confirmedFor(key),
  };
  if (extra?.['x-deprecated']) p.deprecated = true;
  // Go's decoder treats null as "not set" for every key (docker-facts §2.2).
  p.type = [schema.type, 'null'];
  if (nested[key]) Object.assign(p, nested[key]);
  if (values[key]) {
    p['x-values'] = values[key];
    if (!p.enum && key !== 'storage-driver' && key !== 'default-runtime' && key !== 'bridge' && key !== 'seccomp-profile' && key !== 'exec-opts') p.enum = Object.keys(values[key]);
  }
  // "" and null both mean "not set" (the flag default fills in; docker-facts §2.1 step 9).
  if (p.enum) p.enum = [...p.enum, '', null];
  if (key === 'log-driver') p['x-logDrivers'] = logDrivers;
  if (key === 'log-opts') {
    p['x-everyDriverOptions'] = everyDriver;
    p['x-optionDocs'] = logOptionDocs;
    p['x-optionValues'] = logOptionValues;
  }
  properties[key] = p;
}

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://example.invalid/docker-networking/daemon.schema.json',
  title: 'Docker daemon configuration (daemon.json)',
  description: 'The keys dockerd reads from daemon.json, with the Engine versions that added, deprecated and removed them.',
  $comment: 'Generated by test/tools/genDaemonSchema.mjs. x- fields: x-since/x-deprecated/x-removed are "MAJOR.MINOR" Engine versions; x-replacement names the key or value to use instead; x-platforms lists the platforms whose dockerd accepts the key; x-ignoredOn lists platforms whose dockerd accepts the key but ignores it; x-platformRemoved maps a platform missing from x-platforms to the Engine version that stopped accepting the key there; x-reload tells whether SIGHUP applies it; x-flag is the dockerd flag; x-docs a documentation link; x-values documents enumerated values with their own history; x-format names a value format checked by the extension; x-confirmed maps a dockerd release (MAJOR.MINOR.PATCH) to what a run of it showed: "starts" (it started with the key set) or "unknown" (it refused the key by name); keys without it rest on moby source. Every top-level key also accepts null (Go treats it as "not set"), hence type [T, "null"].',
  type: 'object',
  additionalProperties: false,
  properties,
  'x-singularKeys': SINGULAR,
  'x-rejectedKeys': REJECTED,
  'x-flagOnlyKeys': FLAG_ONLY,
  'x-topLevelProxyKeys': { keys: PROXY_KEYS, flagsSince: '23.0' },
};
// Chinese docs beside the English (#23): test/tools/daemonDocs.zh-cn.json holds one text
// per documented entry, keyed by the entry's JSON path, written as markdown like the first
// paragraph of its markdownDescription. Each entry gets "x-zh-cn" with the same fields as
// the English (description without code marks where the English has none, markdownDescription
// with the example and link), which server/src/modes/localized.ts reads. test/unit/l10n.test.ts
// fails when an entry has none or keeps other code spans than the English.
const ZH = JSON.parse(readFileSync(join(ROOT, 'test', 'tools', 'daemonDocs.zh-cn.json'), 'utf8'));
// The x- properties that hold documented entries (the others hold data).
const DOCUMENTED_X = new Set(['x-values', 'x-logDrivers', 'x-optionValues']);
function addTranslations(node, at) {
  if (!node || typeof node !== 'object' || Array.isArray(node)) return;
  if (typeof node.description === 'string' && ZH[at] !== undefined) {
    const t = {};
    t.description = node.description.includes('`') ? ZH[at] : ZH[at].replace(/`/g, '');
    if (typeof node.markdownDescription === 'string') {
      const tail = node.markdownDescription.indexOf('\n\nExample:');
      t.markdownDescription = tail < 0 ? ZH[at] : ZH[at] + node.markdownDescription.slice(tail).replace('\n\nExample:', '\n\n示例：').replace('[Docker docs]', '[Docker 文档]');
    }
    node['x-zh-cn'] = t;
  }
  if (node['x-optionDocs']) {
    const docs = Object.fromEntries(Object.keys(node['x-optionDocs']).flatMap((k) => (ZH[`${at}/x-optionDocs/${k}`] ? [[k, ZH[`${at}/x-optionDocs/${k}`]]] : [])));
    node['x-zh-cn'] = { ...node['x-zh-cn'], 'x-optionDocs': docs };
  }
  for (const [k, v] of Object.entries(node)) if (!k.startsWith('x-') || DOCUMENTED_X.has(k)) addTranslations(v, `${at}/${k}`);
}
addTranslations(schema, '');
// The reasons of the rejected and flag-only keys end rule messages ("\"key\" <message>.").
for (const table of ['x-rejectedKeys', 'x-flagOnlyKeys']) {
  for (const [key, entry] of Object.entries(schema[table])) if (ZH[`/${table}/${key}`]) entry['x-zh-cn'] = { message: ZH[`/${table}/${key}`] };
}
writeFileSync(join(ROOT, 'schemas', 'daemon.schema.json'), JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${Object.keys(properties).length} keys`);
