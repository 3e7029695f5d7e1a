import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { daemonJsonMode } from '../../../server/src/modes/daemonJson/daemonJsonMode';
import { parseDockerdCommand } from '../../../server/src/modes/host/dockerdFlags';
import { poolCapacity } from '../../../server/src/modes/host/poolCapacity';
import type { LiveNetwork } from '../../../server/src/shared/protocol';
import { modeContext } from '../../util/modeKit';
import { systemdDropinMode } from '../../../server/src/modes/systemdDropin/systemdDropinMode';
import { HOST_FIXTURES, hostContext, judgeHost } from '../../util/hostFixtures';

const words = (line: string) => line.split(' ').map((text) => ({ text }));

function hoverAt(dir: string, file: string, needle: string, opts = {}): string {
  const uri = URI.file(path.join(dir, file)).toString();
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const doc = TextDocument.create(uri, 'plaintext', 1, text);
  const mode = file.endsWith('.json') ? daemonJsonMode : systemdDropinMode;
  const model = mode.parse(doc) as never;
  const h = mode.hover!(doc, doc.positionAt(text.indexOf(needle) + 1), model, hostContext(dir, opts));
  return h ? (h.contents as { value: string }).value : '';
}

describe('dockerd command lines (spf13/pflag as dockerd reads them)', () => {
  it('reads long, short, joined and bundled flags and their daemon.json keys', () => {
    const c = parseDockerdCommand(words('/usr/bin/dockerd -H fd:// --containerd=/run/c.sock -Dl debug --label a=b -Htcp://0.0.0.0:2375 --http-proxy x --tlsverify -- extra'))!;
    assert.deepEqual(
      c.flags.map((f) => [f.name, f.value, f.keys.join(',')]),
      [
        ['host', 'fd://', 'hosts'],
        ['containerd', '/run/c.sock', 'containerd'],
        ['debug', undefined, 'debug'],
        ['log-level', 'debug', 'log-level'],
        ['label', 'a=b', 'labels'],
        ['host', 'tcp://0.0.0.0:2375', 'hosts'],
        ['http-proxy', 'x', 'http-proxy'],
        ['tlsverify', undefined, 'tlsverify'],
      ],
    );
    assert.deepEqual(c.positional.map((w) => w.text), ['extra']);
  });

  it('--host-gateway-ip meets both the old and the new key; docker daemon is seen; other programs are not dockerd', () => {
    assert.deepEqual(parseDockerdCommand(words('dockerd --host-gateway-ip 198.18.0.1'))!.flags[0].keys, ['host-gateway-ip', 'host-gateway-ips']);
    assert.equal(parseDockerdCommand(words('/usr/bin/docker daemon -H fd://'))!.subcommand?.text, 'daemon');
    assert.equal(parseDockerdCommand(words('/usr/local/bin/start-docker.sh -H fd://')), undefined);
  });
});

describe('docker hosts: proxies, per Engine version, with the effective value on hover', () => {
  const dir = path.join(HOST_FIXTURES, 'proxiesFileAndEnv');
  it('from 23.0 the drop-in HTTP_PROXY is ignored; on 20.10 it is what dockerd uses', () => {
    assert.deepEqual(judgeHost(dir, { engine: '23.0' }).filter((p) => p.code === 'proxy-overridden').map((p) => `${p.file}:${p.line}`), ['etc/systemd/system/docker.service.d/http-proxy.conf:2']);
    assert.deepEqual(judgeHost(dir, { engine: '20.10' }).filter((p) => p.code === 'proxy-overridden'), []);
  });
  it('hover on either side names the value dockerd uses and where it comes from, credentials masked', () => {
    const onEnv = hoverAt(dir, 'etc/systemd/system/docker.service.d/http-proxy.conf', 'HTTP_PROXY');
    assert.match(onEnv, /Effective HTTP_PROXY of this Docker host:\*\* `http:\/\/xxxxx:xxxxx@proxy\.example\.com:3128`, from "http-proxy" in daemon\.json at docker\/daemon\.json:3/);
    assert.doesNotMatch(onEnv, /secret/);
    assert.match(hoverAt(dir, 'etc/systemd/system/docker.service.d/http-proxy.conf', 'HTTP_PROXY', { engine: '20.10' }), /`http:\/\/old-proxy\.example\.com:3128`, from the environment .* at docker\/systemd\/system|`http:\/\/old-proxy\.example\.com:3128`, from the environment/);
    assert.match(hoverAt(dir, 'etc/docker/daemon.json', 'https-proxy'), /Effective HTTPS_PROXY of this Docker host:\*\* `http:\/\/proxy\.example\.com:3129`, from "https-proxy" in daemon\.json at docker\/daemon\.json:4/);
    assert.match(hoverAt(dir, 'etc/systemd/system/docker.service.d/http-proxy.conf', 'NO_PROXY'), /NO_PROXY of this Docker host:\*\* `localhost,\.internal\.example\.com`, from the environment/);
  });
});

describe('docker hosts: flags per Engine version', () => {
  it('--http-proxy in the drop-in is an error on 20.10 (unknown flag), not on 29.7', () => {
    const dir = path.join(HOST_FIXTURES, 'proxiesInBoth');
    const at = (engine: string) => judgeHost(dir, { engine }).filter((p) => p.code === 'dockerd-flag-not-available').map((p) => `${p.file}:${p.line}`);
    assert.deepEqual(at('20.10'), ['etc/systemd/system/docker.service.d/override.conf:4']);
    assert.deepEqual(at('29.7'), []);
  });
});

describe('docker hosts: which files belong together', () => {
  let root: string;
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  const codes = (opts = {}) => judgeHost(root, opts).map((p) => `${p.file}:${p.line} ${p.severity} ${p.code}`).sort();
  beforeEach(() => (root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dn-host-')))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('files outside an /etc tree are one host only when dockerNetworking.hostFiles names them', () => {
    write('deploy/daemon.json', '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n');
    write('deploy/docker.service.d/override.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H unix:///var/run/docker.sock\n');
    // Alone, the daemon.json gets only the note about the packaged unit.
    assert.deepEqual(codes(), ['deploy/daemon.json:2 information flag-conflict-assumed']);
    assert.deepEqual(codes({ settings: { hostFiles: ['deploy/daemon.json', 'deploy/docker.service.d/override.conf'] } }), [
      'deploy/daemon.json:2 error flag-conflicts-with-config',
      'deploy/docker.service.d/override.conf:3 error flag-conflicts-with-config',
    ]);
  });

  it('a flag that comes from an Environment= variable is reported on the $VARIABLE word; an unknown variable hides nothing else', () => {
    write('etc/docker/daemon.json', '{\n  "debug": true,\n  "labels": ["a=b"]\n}\n');
    write('etc/systemd/system/docker.service.d/a.conf', '[Service]\nEnvironment=OPTS=--debug\nExecStart=\nExecStart=/usr/bin/dockerd $OPTS $DOCKER_OPTS --label=x=y\n');
    assert.deepEqual(codes(), ['etc/docker/daemon.json:2 error flag-conflicts-with-config', 'etc/docker/daemon.json:3 error flag-conflicts-with-config', 'etc/systemd/system/docker.service.d/a.conf:4 error flag-conflicts-with-config', 'etc/systemd/system/docker.service.d/a.conf:4 error flag-conflicts-with-config']);
  });

  it('drop-ins apply in file-name order: a later one that replaces ExecStart= without -H wins', () => {
    write('etc/docker/daemon.json', '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n');
    write('etc/systemd/system/docker.service.d/10-proxy.conf', '[Service]\nEnvironment=HTTPS_PROXY=http://p:3128\n');
    assert.deepEqual(codes(), ['etc/docker/daemon.json:2 error flag-conflicts-with-config']);
    write('etc/systemd/system/docker.service.d/20-exec.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd\n');
    assert.deepEqual(codes(), []);
  });

  it('--config-file naming another file: this daemon.json is not the one dockerd reads', () => {
    write('etc/docker/daemon.json', '{\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n');
    write('etc/systemd/system/docker.service.d/a.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H fd:// --config-file /srv/docker.json\n');
    assert.deepEqual(codes(), []);
  });

  it('-H tcp:// is fine with --tlsverify on the command line or tlsverify in daemon.json, and on loopback', () => {
    write('etc/docker/daemon.json', '{}\n');
    write('etc/systemd/system/docker.service.d/a.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H tcp://0.0.0.0:2376 --tlsverify\n');
    assert.deepEqual(codes(), []);
    write('etc/systemd/system/docker.service.d/a.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd -H tcp://127.0.0.1:2375 -H=tcp://[::1]:2375\n');
    assert.deepEqual(codes(), []);
    write('etc/systemd/system/docker.service.d/a.conf', '[Service]\nExecStart=\nExecStart=/usr/bin/dockerd --host=tcp://10.0.0.1:2375\n');
    assert.deepEqual(codes(), ['etc/systemd/system/docker.service.d/a.conf:3 warning tcp-without-tls']);
    write('etc/docker/daemon.json', '{"tlsverify": true, "tlscacert": "/c", "tlscert": "/c", "tlskey": "/k"}\n');
    assert.deepEqual(codes(), []);
  });
});

describe('docker hosts: pool capacity', () => {
  const capacity = (json: object, liveNetworks: LiveNetwork[] = []) => {
    const text = JSON.stringify(json);
    const model = daemonJsonMode.parse(TextDocument.create('file:///etc/docker/daemon.json', 'json', 1, text)) as never;
    const c = poolCapacity(model, modeContext({ liveNetworks }))!;
    return `${c.total} - bridge ${c.bridge} - live ${c.live}`;
  };
  const pools = { 'default-address-pools': [{ base: '198.18.0.0/22', size: 24 }] };
  const live = (name: string, subnet: string): LiveNetwork => ({ id: name, name, driver: 'bridge', scope: 'local', internal: false, enableIPv6: false, subnets: [{ subnet }], labels: {} });

  it('the default bridge takes the first pool subnet unless bip places it or there is none; live networks count once each', () => {
    assert.equal(capacity(pools), '4 - bridge 1 - live 0');
    assert.equal(capacity({ ...pools, bridge: 'none' }), '4 - bridge 0 - live 0');
    assert.equal(capacity({ ...pools, bip: '198.18.64.1/24' }), '4 - bridge 0 - live 0');
    assert.equal(capacity({ ...pools, bip: '198.18.2.1/24' }), '4 - bridge 1 - live 0');
    // The live "bridge" network is the subnet we already counted for the default bridge.
    assert.equal(capacity(pools, [live('bridge', '198.18.0.0/24'), live('a', '198.18.1.0/24'), live('far', '10.9.0.0/16')]), '4 - bridge 1 - live 1');
    assert.equal(poolCapacity(daemonJsonMode.parse(TextDocument.create('file:///d.json', 'json', 1, '{"default-address-pools": [{"base": "x", "size": 24}]}')) as never, modeContext()), undefined);
  });
});
