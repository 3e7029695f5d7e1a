import type { EngineSwarm } from '../../../server/src/shared/protocol';
import { runningDaemonOf, type RunningDaemon } from '../../../server/src/shared/runningDaemon';
import type { EngineClient } from './engineClient';

/**
 * What the language server needs from the Engine's `GET /info` (#17): its swarm role
 * (`Swarm.LocalNodeState`, `Swarm.ControlAvailable`: overlay networks need a manager) and
 * the configuration the running dockerd uses (shared/runningDaemon.ts: "restart pending").
 * Empty when the Engine does not answer or answers something else.
 */
export async function engineDetails(client: EngineClient): Promise<{ swarm?: EngineSwarm; daemon?: RunningDaemon }> {
  try {
    const info = (await client.json('GET', '/info')) as { Swarm?: { LocalNodeState?: unknown; ControlAvailable?: unknown } } | undefined;
    const s = info?.Swarm;
    const swarm = s && typeof s.LocalNodeState === 'string' ? { nodeState: s.LocalNodeState, controlAvailable: s.ControlAvailable === true } : undefined;
    return { swarm, daemon: runningDaemonOf(info) };
  } catch {
    return {};
  }
}
