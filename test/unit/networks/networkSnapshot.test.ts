import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EngineClient } from '../../../client/src/engine/engineClient';
import { createNetworkLoader, withSubnetStatus } from '../../../client/src/networks/networkSnapshot';
import { ReplayEngine } from '../engine/replayEngine';

describe('loading the networks: two requests per refresh (#19)', () => {
  let engine: ReplayEngine;
  before(async () => {
    engine = await new ReplayEngine('1.52').start();
  });
  after(() => engine.stop());

  it('lists networks and containers, inspects a container once, then only the two lists', async () => {
    const client = new EngineClient({ kind: 'unix', socketPath: engine.socketPath, host: `unix://${engine.socketPath}`, source: 'test' });
    await client.negotiate();
    const load = createNetworkLoader();
    const requests = async (): Promise<{ networks: Awaited<ReturnType<typeof load>>; made: string[] }> => {
      const from = engine.requests.length;
      const networks = await load(client);
      return { networks, made: engine.requests.slice(from).map((r) => r.replace(/^GET \/v[\d.]+/, '').replace(/[0-9a-f]{64}/, 'ID')) };
    };
    const first = await requests();
    assert.deepEqual(first.made.sort(), ['/containers/ID/json', '/containers/json?all=1', '/networks']);
    const app = first.networks.find((n) => n.name === 'dn-fixture-app');
    assert.deepEqual(app?.containers.map((c) => [c.name, c.ipv4Address, c.aliases, c.dnsNames]), [['dn-fixture-web', '198.18.200.10/24', ['web', 'frontend'], ['dn-fixture-web', 'web', 'frontend', '30ec74c8e1df']]]);
    const second = await requests();
    assert.deepEqual(second.made.sort(), ['/containers/json?all=1', '/networks']);
    assert.deepEqual(second.networks, first.networks);
  });

  it('subnet usage, only in network inspect, is fetched for one network when asked (API 1.52)', async () => {
    const client = new EngineClient({ kind: 'unix', socketPath: engine.socketPath, host: `unix://${engine.socketPath}`, source: 'test' });
    await client.negotiate();
    const app = (await createNetworkLoader()(client)).find((n) => n.name === 'dn-fixture-app')!;
    assert.deepEqual(app.subnetStatus, {});
    const from = engine.requests.length;
    const detailed = await withSubnetStatus(client, app, '1.52');
    assert.deepEqual(engine.requests.slice(from).map((r) => r.replace(/[0-9a-f]{64}/, 'ID')), ['GET /v1.52/networks/ID']);
    assert.equal(detailed.subnetStatus['198.18.200.0/24']?.ipsInUse, 4);
    assert.deepEqual({ ...detailed, subnetStatus: {} }, app);
    // An older Engine has none: no request.
    assert.equal(await withSubnetStatus(client, app, '1.51'), app);
    assert.equal(engine.requests.length, from + 1);
  });
});
