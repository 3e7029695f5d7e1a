import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SessionState } from '../../../client/src/engine/engineSession';
import { describeProblem } from '../../../client/src/engine/engineError';
import { NetworkCommandIds } from '../../../client/src/networks/networkCommandIds';
import { joinContainers, parseContainer, parseNetwork, type NetworkRecord } from '../../../client/src/networks/networkRecords';
import { buildTree, flattenNetworks, viewDescription, type TreeNode } from '../../../client/src/networks/networkTreeModel';
import { fixture } from '../engine/replayEngine';

function networks(v: string): NetworkRecord[] {
  const nets = ['app', 'internal', 'bridge', 'host', 'none'].map((n) => parseNetwork(fixture(v, `network-${n}.json`))!);
  return joinContainers(nets, [parseContainer(fixture(v, 'container-web.json'))!]);
}

const connected = (version = '20.10.24+dfsg1'): SessionState => ({ kind: 'connected', host: 'unix:///var/run/docker.sock', identity: { version, apiVersion: '1.41', os: 'linux' } });

/** One line per node: indentation, label, description, [icon], (contextValue). */
function render(nodes: TreeNode[], depth = 0, maxDepth = 9): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.label}${n.description ? ` — ${n.description}` : ''}${n.icon ? ` [${n.icon}]` : ''}${n.contextValue ? ` (${n.contextValue})` : ''}`,
    ...(depth < maxDepth ? render(n.children ?? [], depth + 1, maxDepth) : []),
  ]);
}

describe('network tree model', () => {
  it('shows a network with IPAM, flags, options, labels and containers (API 1.41 records)', () => {
    const roots = buildTree(connected(), networks('1.41'), { hideBuiltin: true, sortBy: 'name', groupByProject: false });
    const app = roots.find((n) => n.label === 'dn-fixture-app')!;
    assert.deepEqual(render([app]), [
      'dn-fixture-app — bridge · local · 198.18.200.0/24, fd00:d0c::/64 [type-hierarchy-sub] (network)',
      '  IPAM — default driver [symbol-namespace]',
      '    198.18.200.0/24 — gateway 198.18.200.1 · range 198.18.200.128/25 [symbol-field] (subnet)',
      '    fd00:d0c::/64 — gateway fd00:d0c::1 [symbol-number] (subnet)',
      '  Flags — attachable, IPv6 [checklist]',
      '    internal — no [circle-large-outline]',
      '    attachable — yes [pass]',
      '    ingress — no [circle-large-outline]',
      '    IPv6 — yes [pass]',
      '  Driver options — 1 [settings-gear]',
      '    com.docker.network.bridge.name — dnfix0',
      '  Labels — 3 [tag]',
      '    com.docker.compose.network — app',
      '    com.docker.compose.project — shop',
      '    dev.docker-networking.test — fixture-recording',
      '  Containers — 1 [layers] (containers)',
      '    dn-fixture-web — 198.18.200.10/24 · fd00:d0c::10/64 [package] (container)',
      '      IPv4 — 198.18.200.10/24 (address)',
      '      IPv6 — fd00:d0c::10/64 (address)',
      `      MAC — ${app.children![4].children![0].children![2].description} (address)`,
      '      Aliases — web, frontend',
    ]);
    const web = app.children![4].children![0];
    assert.equal(web.address, '198.18.200.10');
    assert.match(web.tooltip ?? '', /Aliases: `web`, `frontend`/);
    assert.match(app.tooltip ?? '', /Compose project: `shop`/);
  });

  it('shows the 1.52 subnet usage', () => {
    const roots = buildTree(connected('29.1.3'), networks('1.52'), { hideBuiltin: true, sortBy: 'name', groupByProject: false });
    const subnet = roots.find((n) => n.label === 'dn-fixture-app')!.children![0].children![0];
    assert.equal(subnet.description, 'gateway 198.18.200.1 · range 198.18.200.128/25 · 4 in use');
    assert.match(subnet.tooltip ?? '', /4 addresses in use, 125 left for dynamic allocation/);
  });

  it('hides the built-in networks on request; they are marked as built-in', () => {
    const all = buildTree(connected(), networks('1.41'), { hideBuiltin: false, sortBy: 'name', groupByProject: false });
    assert.deepEqual(all.map((n) => `${n.label} ${n.contextValue}`), ['bridge network.builtin', 'dn-fixture-app network', 'dn-fixture-internal network', 'host network.builtin', 'none network.builtin']);
    const some = buildTree(connected(), networks('1.41'), { hideBuiltin: true, sortBy: 'name', groupByProject: false });
    assert.deepEqual(some.map((n) => n.label), ['dn-fixture-app', 'dn-fixture-internal']);
  });

  it('sorts by driver, then name', () => {
    const roots = buildTree(connected(), networks('1.41'), { hideBuiltin: false, sortBy: 'driver', groupByProject: false });
    assert.deepEqual(roots.map((n) => `${n.description?.split(' · ')[0]} ${n.label}`), ['bridge bridge', 'bridge dn-fixture-app', 'bridge dn-fixture-internal', 'host host', 'null none']);
  });

  it('groups by Compose project', () => {
    const roots = buildTree(connected(), networks('1.44'), { hideBuiltin: true, sortBy: 'name', groupByProject: true });
    const outline = roots.flatMap((r) => [r, ...(r.kind === 'group' ? r.children ?? [] : [])].map((n) => `${n === r ? '' : '  '}${n.label} — ${n.description} [${n.icon}] (${n.contextValue})`));
    assert.deepEqual(outline, ['shop — Compose project · 1 network [folder-library] (project)', '  dn-fixture-app — bridge · local · 198.18.200.0/24, fd00:d0c::/64 [type-hierarchy-sub] (network)', 'dn-fixture-internal — bridge · local · 198.18.201.0/24 [type-hierarchy-sub] (network)']);
    assert.deepEqual(flattenNetworks(roots).map((n) => n.label), ['dn-fixture-app', 'dn-fixture-internal']);
  });

  it('connecting and connected states, with Engine version and host in the description', () => {
    assert.deepEqual(render(buildTree({ kind: 'connecting', host: 'unix:///var/run/docker.sock' }, undefined)), ['Connecting to unix:///var/run/docker.sock… [loading~spin]']);
    assert.equal(viewDescription(connected()), 'Engine 20.10.24+dfsg1 · unix:///var/run/docker.sock');
    assert.deepEqual(render(buildTree(connected(), [])), ['No networks [info]']);
  });

  it('stale data (#19): a first row with the time and the reason, the same networks below, "stale" in the description', () => {
    const since = new Date(2026, 11, 3, 10, 42, 7).getTime();
    const state: SessionState = { ...connected(), stale: { since, reason: 'The Engine at unix:///var/run/docker.sock did not answer in time.' } } as SessionState;
    const roots = buildTree(state, networks('1.41'), { hideBuiltin: true, sortBy: 'name', groupByProject: false });
    assert.deepEqual(render(roots, 0, 0), [
      'Showing networks from 10:42; the Engine at unix:///var/run/docker.sock did not answer in time. [warning]',
      'dn-fixture-app — bridge · local · 198.18.200.0/24, fd00:d0c::/64 [type-hierarchy-sub] (network)',
      'dn-fixture-internal — bridge · local · 198.18.201.0/24 [type-hierarchy-sub] (network)',
    ]);
    // The networks keep their ids, so VS Code keeps what was expanded.
    assert.deepEqual(roots.slice(1).map((n) => n.id), buildTree(connected(), networks('1.41'), { hideBuiltin: true, sortBy: 'name', groupByProject: false }).map((n) => n.id));
    assert.equal(viewDescription(state), 'stale · Engine 20.10.24+dfsg1 · unix:///var/run/docker.sock');
  });

  it('unreachable: the reason, what to do, and a Retry action', () => {
    const endpoint = { kind: 'unix' as const, socketPath: '/var/run/docker.sock', host: 'unix:///var/run/docker.sock', source: 'default' };
    const problem = describeProblem(Object.assign(new Error('connect EACCES /var/run/docker.sock'), { code: 'EACCES' }), endpoint);
    const roots = buildTree({ kind: 'unreachable', host: endpoint.host, problem }, undefined);
    assert.deepEqual(render(roots), [
      'Permission denied on unix:///var/run/docker.sock. [lock]',
      'Your user may not use the Docker socket: it is not in the `docker` group. Run `sudo usermod -aG docker $USER`, then log out and back in (or start VS Code from a new login session). [lightbulb]',
      'Retry [refresh]',
    ]);
    assert.equal(roots[2].command?.command, NetworkCommandIds.retry);
    assert.equal(viewDescription({ kind: 'unreachable', host: endpoint.host, problem }), 'unreachable · unix:///var/run/docker.sock');
  });
});
