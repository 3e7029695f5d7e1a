import { IMPLICIT_NETWORK } from '../composeSchema';
import type { ComposeFix, ComposeModel } from '../model';
import { didYouMean } from '../../suggest';
import { declareNetworkFixes } from '../codeActions';
import type { Problem, Rule } from '../../languageMode';

/**
 * A service joins a network no document declares (compose-go `loader/validate.go`
 * checkConsistency: "service %q refers to undefined network %s"). `default` is implicit.
 */
export const undefinedNetwork: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  if (model.incomplete) return [];
  const out: Problem<ComposeFix>[] = [];
  const declared = [...model.networksByKey.keys()];
  // One anchored list merged into several services is one place in the text: group by position.
  const byPlace = new Map<string, { ref: (typeof model.refs)[number]; services: string[] }>();
  for (const ref of model.refs) {
    if (ref.network === IMPLICIT_NETWORK || model.networksByKey.has(ref.network) || !ref.node.range) continue;
    if (ref.network.includes('$')) continue; // interpolated key: resolved from the environment
    const place = `${ref.node.range[0]}:${ref.network}`;
    const hit = byPlace.get(place);
    if (hit) {
      if (!hit.services.includes(ref.service.name)) hit.services.push(ref.service.name);
    } else byPlace.set(place, { ref, services: [ref.service.name] });
  }
  for (const { ref, services } of byPlace.values()) {
    const guess = didYouMean(ref.network, declared);
    const who = services.length === 1 ? `Service \`${services[0]}\` uses` : `Services ${services.map((s) => `\`${s}\``).join(', ')} use`;
    out.push({
      range: [ref.node.range![0], ref.node.range![1]],
      code: 'undefined-network',
      severity: 'error',
      message: `${who} network \`${ref.network}\`, which is not declared under the top-level \`networks\`.${guess ? ` Did you mean \`${guess}\`?` : ''} Declare it (with \`external: true\` if it already exists).`,
      fixes: declareNetworkFixes(ref.network),
    });
  }
  return out;
};
