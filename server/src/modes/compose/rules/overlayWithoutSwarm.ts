import type { Problem, Rule } from '../../languageMode';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing } from '../networkAddressing';
import { entry, offsetRange } from '../yamlNodes';

/**
 * A network with `driver: overlay` that Compose would create on an Engine that is not a
 * swarm manager: the Engine refuses it ("This node is not a swarm manager. Use "docker
 * swarm init" or "docker swarm join" …", verified on 20.10; a worker gets "Cannot create a
 * multi-host network from a worker node"). Judged only when the client told the swarm
 * role of the connected Engine (`ctx.engineSwarm`, #17); external networks are not created.
 */
export const overlayWithoutSwarm: Rule<ComposeModel, ComposeFix> = (model, ctx) => {
  const swarm = ctx.engineSwarm;
  if (!swarm || swarm.controlAvailable) return [];
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    const a = addressing(model, decl);
    if (a.external || a.driver !== 'overlay') continue;
    const range = offsetRange(entry(decl.entries, 'driver')?.value);
    if (!range) continue;
    const worker = swarm.nodeState === 'active';
    out.push({
      range,
      severity: 'error',
      code: 'overlay-without-swarm',
      message: worker
        ? `The connected Engine is a swarm worker: it refuses to create the overlay network \`${decl.key}\` ("Cannot create a multi-host network from a worker node"). Create it on a manager and declare it \`external: true\` here, or use the bridge driver.`
        : `The connected Engine is not a swarm manager (swarm: ${swarm.nodeState}): it refuses to create the overlay network \`${decl.key}\` ("This node is not a swarm manager"). Run \`docker swarm init\` first, or use the bridge driver for a single host.`,
    });
  }
  return out;
};
