import * as l10n from '@vscode/l10n';
import type { ComposeFix, ComposeModel } from '../model';
import { addressing } from '../networkAddressing';
import type { Problem, Rule } from '../../languageMode';
import { overlappingEntries } from './subnetOverlapWithinNetwork';

/**
 * The bridge driver takes one subnet per address family: "bridge driver doesn't
 * support multiple subnets" (moby libnetwork/drivers/bridge, verified on 20.10).
 * An entry that overlaps an earlier one is refused before the driver is asked (IPAM
 * runs first), so it is left to subnetOverlapWithinNetwork.
 */
export const bridgeMultipleSubnets: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    const a = addressing(model, decl);
    if (a.external || (a.driver !== undefined && a.driver !== 'bridge')) continue;
    for (const family of [4, 6] as const) {
      const blocks = a.blocks.filter((b) => b.subnet?.cidr?.family === family);
      const refused = new Set(overlappingEntries(a).map(([later]) => later));
      for (const b of blocks.slice(1)) {
        if (refused.has(b)) continue;
        out.push({ range: b.subnet!.range, code: 'bridge-multiple-subnets', severity: 'error', message: l10n.t('A bridge network takes one IPv{0} subnet; network `{1}` already has {2}. Remove this entry or use another driver.', family, decl.key, blocks[0].subnet!.cidr!.network) });
      }
    }
  }
  return out;
};
