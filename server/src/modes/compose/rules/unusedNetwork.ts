import { IMPLICIT_NETWORK } from '../composeSchema';
import { usesDefaultNetwork, type ComposeFix, type ComposeModel } from '../model';
import type { Problem, Rule } from '../../languageMode';

/**
 * A declared network no service joins. Compose accepts it (and creates it only when
 * used), so this is a warning, behind `dockerNetworking.compose.unusedNetworks`.
 * `default` counts as used by every service without `networks` and `network_mode`.
 */
export const unusedNetwork: Rule<ComposeModel, ComposeFix> = (model: ComposeModel, ctx) => {
  if (model.incomplete) return [];
  if (!ctx.settings.compose.unusedNetworks || model.services.length === 0) return [];
  const used = new Set(model.refs.map((r) => r.network));
  for (const decls of model.servicesByName.values()) if (decls.every(usesDefaultNetwork)) used.add(IMPLICIT_NETWORK);
  const out: Problem<ComposeFix>[] = [];
  for (const decl of model.networks) {
    if (used.has(decl.key) || !decl.keyNode.range || decl.key.startsWith('x-')) continue;
    out.push({
      range: [decl.keyNode.range[0], decl.keyNode.range[1]],
      code: 'unused-network',
      severity: 'warning',
      message: `No service uses network \`${decl.key}\`. Add it to a service's \`networks\`, or remove it.`,
    });
  }
  return out;
};
