import * as l10n from '@vscode/l10n';
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
        ? l10n.t('The connected Engine is a swarm worker: it refuses to create the overlay network `{0}` ("Cannot create a multi-host network from a worker node"). Create it on a manager and declare it `external: true` here, or use the bridge driver.', decl.key)
        : l10n.t('The connected Engine is not a swarm manager (swarm: {0}): it refuses to create the overlay network `{1}` ("This node is not a swarm manager"). Run `docker swarm init` first, or use the bridge driver for a single host.', swarm.nodeState, decl.key),
    });
  }
  return out;
};
