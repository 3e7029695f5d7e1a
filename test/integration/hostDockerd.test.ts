import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { parse as parseDaemonJson } from '../../server/src/modes/daemonJson/parse';
import { hostOf } from '../../server/src/modes/host/hostModel';
import { poolCapacity } from '../../server/src/modes/host/poolCapacity';
import { allFlags, flagMissingIn } from '../../server/src/modes/host/dockerdFlags';
import { dataVersion } from '../../server/src/modes/daemonJson/daemonSchema';
import { engineRequest } from '../util/engine';
import { dockerdOf, ENGINE_SUITES, envFor, label, requireBinary, requireThrowaway } from '../util/releases';
import { modeContext } from '../util/modeKit';
import { hostContext, hostFiles, hostFixtures, judgeHost } from '../util/hostFixtures';
import { askDockerd, requireDockerd, ThrowawayContainerd } from '../util/throwawayDockerd';

/**
 * The acceptance test of the Docker host checks (#17): each folder of
 * test/fixtures/hosts is a host (daemon.json + drop-ins). A throw-away dockerd of the
 * installed version (own roots, socket and namespaces: throwawayDockerd.ts) is started
 * with the host's daemon.json and the flags of the host's effective ExecStart= (the
 * packaged unit's `-H fd://` becomes the scratch socket; `--containerd` is left out
 * unless daemon.json names `containerd`, since the namespace has no containerd at that
 * path). Where dockerd refuses, we must report an error, and for each setting dockerd
 * names as given both ways, an error on that daemon.json key; where it starts, no error
 * on any file of the host. A host with no drop-in is started without unit flags (dockerd
 * without systemd, e.g. in a container), where our note about the packaged unit is only
 * an information.
 */

function installedVersion(): string | undefined {
  const m = /version v?(\d+\.\d+)/i.exec(spawnSync('dockerd', ['--version'], { encoding: 'utf8' }).stdout ?? '');
  return m?.[1];
}

/** The names dockerd gives in "specified both as a flag and in the configuration file: a: (…), b: (…)". */
function conflictNames(stderr: string): string[] {
  const m = /specified both as a flag and in the configuration file: (.*)/.exec(stderr);
  if (!m) return [];
  return [...m[1].matchAll(/(?:^|, )([a-z0-9-]+): \(from flag/g)].map((x) => x[1]);
}

describe('docker hosts agree with a real dockerd (test/fixtures/hosts)', () => {
  // One containerd for every dockerd asked (AskOptions.containerd), as daemonJsonDockerd.test does.
  const containerd = new ThrowawayContainerd();
  let containerdSocket: Promise<string> | undefined;
  after(() => containerd.dispose());
  for (const suite of ENGINE_SUITES) for (const fx of hostFixtures()) {
    const dockerd = dockerdOf(suite);
    it(`${label(dockerd)}: ${fx.name}`, async (t) => {
      if (!requireThrowaway(t, dockerd)) return;
      const version = dockerd.majorMinor!;
      const files = hostFiles(fx.dir);
      const dj = files.find((f) => f.endsWith('daemon.json'));
      assert.ok(dj, 'each host fixture has a daemon.json');
      const djPath = path.join(fx.dir, dj);
      const djUri = URI.file(djPath).toString();
      const model = parseDaemonJson(TextDocument.create(djUri, 'json', 1, fs.readFileSync(djPath, 'utf8')));
      const host = hostOf({ uri: djUri, model }, 'daemonJson', hostContext(fx.dir));
      const command = host.unitKnown ? host.execStart?.command : undefined;
      if (host.unitKnown && command?.subcommand) {
        if (suite !== 'machine') return; // the docker client's verdict, asked once
        // `docker daemon`: the verdict is the docker client's, not dockerd's.
        const r = spawnSync('docker', ['daemon', ...command.args], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent.sock' } });
        assert.notEqual(r.status, 0, 'the docker client no longer has a daemon subcommand');
        assert.match(r.stderr, /unknown command/);
        assert.ok(judgeHost(fx.dir, { engine: version }).some((p) => p.severity === 'error' && p.code === 'docker-daemon-removed'));
        return;
      }
      const keys = new Set(model.top.keys());
      // --containerd=X or --containerd X, unless daemon.json names containerd too.
      const args = command?.args ?? [];
      const unitFlags = keys.has('containerd') ? args : args.filter((a, i) => !/^--containerd(=|$)/.test(a) && args[i - 1] !== '--containerd');
      const verdict = await askDockerd(djPath, { timeoutMs: 60_000, unitFlags, dockerd: dockerd.path, env: envFor(dockerd), containerd: await (containerdSocket ??= containerd.start()) });
      assert.ok(!verdict.timedOut, `dockerd neither started nor exited for ${fx.name}:\n${verdict.stderr.slice(-2000)}`);
      const errors = judgeHost(fx.dir, { engine: version }).filter((p) => p.severity === 'error');
      const show = errors.map((p) => `${p.file}:${p.line} ${p.code}`).join(', ');
      if (verdict.accepted) {
        assert.deepEqual(errors, [], `dockerd ${version} starts with ${fx.name} (flags ${verdict.flags.join(' ')}), but we report errors: ${show}`);
        return;
      }
      assert.ok(errors.length > 0, `dockerd ${version} refuses ${fx.name}, but we report no error:\n${verdict.stderr.slice(-1500)}`);
      for (const name of conflictNames(verdict.stderr)) {
        assert.ok(
          errors.some((p) => p.file === dj && p.code === 'flag-conflicts-with-config' && p.message.startsWith(`"${name}"`)),
          `dockerd names "${name}" as given both as a flag and in ${dj}; we report: ${show}`,
        );
      }
    });
  }
});

/**
 * The pool capacity we compute (host/poolCapacity.ts) against a throw-away dockerd:
 * networks without a subnet are created until the Engine refuses, and the count must be
 * the pools' networks less what the default bridge takes. Pools inside 198.18.0.0/15;
 * the daemon and its networks live in their own network namespace and go with it.
 */
describe('pool capacity agrees with a real dockerd', () => {
  const cases: { name: string; config: object }[] = [
    { name: 'bip outside the pools: every pool subnet is free', config: { bip: '198.18.64.1/24', 'default-address-pools': [{ base: '198.18.0.0/22', size: 24 }] } },
    { name: 'no bip: the default bridge takes one pool subnet', config: { 'default-address-pools': [{ base: '198.18.4.0/23', size: 25 }, { base: '198.18.8.0/24', size: 25 }] } },
    { name: 'bip inside a pool takes the subnet it overlaps', config: { bip: '198.18.12.1/24', 'default-address-pools': [{ base: '198.18.12.0/22', size: 24 }] } },
  ];
  for (const c of cases) {
    it(c.name, async (t) => {
      if (!requireDockerd(t)) return;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dn-pools-'));
      try {
        const file = path.join(dir, 'daemon.json');
        fs.writeFileSync(file, JSON.stringify(c.config, null, 2));
        const model = parseDaemonJson(TextDocument.create(URI.file(file).toString(), 'json', 1, fs.readFileSync(file, 'utf8')));
        const ours = poolCapacity(model, modeContext({ engine: installedVersion() }))!;
        let created = 0;
        let refusal = '';
        const verdict = await askDockerd(file, {
          keepBridge: true,
          whileUp: async (socket) => {
            for (let i = 0; i < 64; i++) {
              const r = await engineRequest('POST', '/networks/create', { Name: `dn-pool-${i}`, Labels: { 'dev.docker-networking.test': 'pools' } }, socket);
              if (r.status !== 201) {
                refusal = r.body;
                return;
              }
              created++;
            }
          },
        });
        assert.ok(verdict.accepted, `dockerd did not start:\n${verdict.stderr.slice(-1500)}`);
        assert.match(refusal, /could not find an available, non-overlapping IPv4 address pool/);
        assert.equal(created, ours.total - ours.bridge - ours.live - ours.explicit, `we count ${ours.total} - ${ours.bridge} (bridge); dockerd created ${created}`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('bip against Compose subnets agrees with a real dockerd', () => {
  it('a network whose subnet overlaps bip is refused: "Pool overlaps"', async (t) => {
    if (!requireDockerd(t)) return;
    const fx = hostFixtures().find((f) => f.name === 'bipOverlapsProject')!;
    const ours = judgeHost(fx.dir).filter((p) => p.code === 'bip-overlaps-compose-subnet');
    assert.equal(ours.length, 1);
    const subnet = /subnet (\S+) of network/.exec(ours[0].message)![1];
    let reply = '';
    const verdict = await askDockerd(path.join(fx.dir, 'etc', 'docker', 'daemon.json'), {
      whileUp: async (socket) => {
        const r = await engineRequest('POST', '/networks/create', { Name: 'dn-bip-overlap', IPAM: { Config: [{ Subnet: subnet }] }, Labels: { 'dev.docker-networking.test': 'bip' } }, socket);
        reply = `${r.status} ${r.body}`;
      },
    });
    assert.ok(verdict.accepted, verdict.stderr.slice(-1500));
    assert.match(reply, /^(400|403|500) .*overlaps/i);
  });
});

describe('the dockerd flags we know agree with the installed dockerd', () => {
  // The machine's dockerd and the releases of test/util/releases.ts (#18).
  for (const suite of ENGINE_SUITES) {
    const b = dockerdOf(suite);
    it(`${label(b)}: a flag is unknown to it exactly when we say it is missing in that version`, (t) => {
      if (!requireBinary(t, b)) return;
      const bin = b.path;
      const version = b.majorMinor!;
      const wrong: string[] = [];
      for (const f of allFlags()) {
        if (f.keys.length === 0) continue;
        // --version makes dockerd print and exit once the command line has parsed; a value it cannot use is another error.
        const r = spawnSync(bin, [f.takesValue ? `--${f.long}=1` : `--${f.long}`, '--version'], { encoding: 'utf8', timeout: 10_000 });
        const unknown = /unknown flag/.test(`${r.stdout}${r.stderr}`);
        const why = flagMissingIn(f, dataVersion(version));
        if (unknown !== (why !== undefined)) wrong.push(`--${f.long} (${why ?? `since ${f.since}`}): dockerd ${version} ${unknown ? 'does not know it' : 'knows it'}`);
      }
      assert.deepEqual(wrong, []);
    });
  }
});
