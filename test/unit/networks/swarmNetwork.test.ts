import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseNetwork } from '../../../client/src/networks/networkRecords';
import { isNetworkRelevant } from '../../../client/src/networks/networkSnapshot';
import type { TreeNode } from '../../../client/src/networks/networkTreeModel';
import { createDrivers, overlayRefusal, parseSwarmDetails, swarmChildren } from '../../../client/src/networks/swarmNetwork';
import { fixture } from '../engine/replayEngine';

/** A verbose inspect (`?verbose=true&scope=swarm`) of an overlay network with one service, as dockerd 20.10 answered a throw-away swarm manager. */
const raw = fixture('1.41', 'swarm-network-overlay-verbose.json');
const manager = { nodeState: 'active', controlAvailable: true };
const worker = { nodeState: 'active', controlAvailable: false };

function render(nodes: TreeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` — ${n.description}` : ''}${n.contextValue ? ` (${n.contextValue})` : ''}`, ...render(n.children ?? [], depth + 1)]);
}

describe('overlay networks of a swarm (#22)', () => {
  it('shows scope and flags, the services with their VIPs, each task with address and node, and the peers', () => {
    const n = parseNetwork(raw)!;
    assert.deepEqual(render(swarmChildren(n, parseSwarmDetails(raw), manager)), [
      'Swarm — swarm · attachable',
      '  scope — swarm',
      '  attachable — yes',
      '  encrypted — no',
      '  ingress — no',
      'Services — 1',
      '  dn-svc — VIP 198.18.150.2 · 1 task (service)',
      '    dn-svc.1.ue7xe4ua5ezvk5hakx7fo3xiv — 198.18.150.3 · on 1661b21fa3c5 (address)',
      'Peers — 1',
      '  1661b21fa3c5 — 198.19.255.1',
    ]);
  });

  it('says on a worker that the rest needs a manager; an encrypted network says so', () => {
    const n = { ...parseNetwork(raw)!, options: { encrypted: '' } };
    const rows = render(swarmChildren(n, { services: [], peers: [] }, worker));
    assert.equal(rows[0], 'Swarm — swarm · attachable · encrypted');
    assert.equal(rows.at(-1), 'Services, tasks and peers on other nodes need a swarm manager; this Engine shows only what runs on it.');
    assert.ok(!render(swarmChildren(n, undefined, manager)).some((r) => r.includes('need a swarm manager')));
  });

  it('reads what it can of a malformed reply', () => {
    assert.deepEqual(parseSwarmDetails({ Services: { a: { Tasks: [{}, { Name: 't', Info: 'x' }] }, b: 7 }, Peers: [null, { IP: '1.2.3.4' }] }), {
      services: [
        { name: 'a', vip: undefined, ports: [], tasks: [{ name: 't', endpointIp: undefined, hostIp: undefined }] },
        { name: 'b', vip: undefined, ports: [], tasks: [] },
      ],
      peers: [],
    });
  });

  it('offers overlay on managers only, and says why elsewhere', () => {
    assert.deepEqual(createDrivers(manager), ['bridge', 'ipvlan', 'macvlan', 'overlay']);
    assert.deepEqual(createDrivers(worker), ['bridge', 'ipvlan', 'macvlan']);
    assert.equal(overlayRefusal(manager), undefined);
    assert.match(overlayRefusal(worker) ?? '', /swarm worker/);
    assert.match(overlayRefusal({ nodeState: 'inactive', controlAvailable: false }) ?? '', /docker swarm init/);
    assert.match(overlayRefusal(undefined) ?? '', /not part of a swarm/);
  });

  it('refreshes on swarm-scoped service and node events', () => {
    assert.equal(isNetworkRelevant({ Type: 'service', Action: 'update', Actor: { ID: 'x' }, scope: 'swarm' }), true);
    assert.equal(isNetworkRelevant({ Type: 'node', Action: 'create', Actor: { ID: 'x' }, scope: 'swarm' }), true);
    assert.equal(isNetworkRelevant({ Type: 'image', Action: 'pull', Actor: { ID: 'x' } }), false);
  });
});
