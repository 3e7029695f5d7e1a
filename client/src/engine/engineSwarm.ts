import type { EngineSwarm } from '../../../server/src/shared/protocol';
import type { EngineClient } from './engineClient';

/**
 * The Engine's swarm role from `GET /info` (`Swarm.LocalNodeState`, `Swarm.ControlAvailable`;
 * both in every API version we speak, moby api/swagger.yaml SwarmInfo): the language
 * server reports overlay networks Compose cannot create on a node that is not a manager
 * (#17). Undefined when the Engine does not answer or answers something else.
 */
export async function engineSwarm(client: EngineClient): Promise<EngineSwarm | undefined> {
  try {
    const info = (await client.json('GET', '/info')) as { Swarm?: { LocalNodeState?: unknown; ControlAvailable?: unknown } } | undefined;
    const s = info?.Swarm;
    if (!s || typeof s.LocalNodeState !== 'string') return undefined;
    return { nodeState: s.LocalNodeState, controlAvailable: s.ControlAvailable === true };
  } catch {
    return undefined;
  }
}
