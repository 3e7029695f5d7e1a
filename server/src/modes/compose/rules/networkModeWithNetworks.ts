import { isMap, isSeq } from 'yaml';
import type { ComposeModel } from '../composeModel';
import { interpolate } from '../interpolation';
import { scalarText, type Entry } from '../yamlNodes';
import type { Problem, Rule } from './problem';

/**
 * `network_mode` and `networks` together (compose-go `loader/validate.go`: "service %s
 * declares mutually exclusive `network_mode` and `networks`"). Across documents a
 * service is one merged service, so the two may come from different layers. The check
 * is `NetworkMode != "" && len(Networks) > 0`, so an empty `network_mode` (or one whose
 * interpolation default is empty) and an empty or null `networks` pass.
 */
export const networkModeWithNetworks: Rule = (model: ComposeModel) => {
  const out: Problem[] = [];
  for (const [name, decls] of model.servicesByName) {
    const mode = decls.map((d) => d.networkMode).filter((e) => e && setMode(e) && e.keyNode.range).pop();
    const nets = decls.map((d) => d.networks).filter((e) => e && nonEmpty(e) && e.keyNode.range).pop();
    if (!mode || !nets) continue;
    const m = mode.keyNode.range!;
    const n = nets.keyNode.range!;
    out.push({
      range: [m[0], m[1]],
      code: 'network-mode-with-networks',
      severity: 'error',
      message: `Service \`${name}\` sets both \`network_mode\` and \`networks\`; Compose refuses the pair. Remove one of them.`,
      data: { fix: 'remove-key', key: 'network_mode', start: m[0], end: m[1], alternative: { key: 'networks', start: n[0], end: n[1] } },
    });
  }
  return out;
};

/** A network_mode that is not empty (environment-dependent values count as set; null and non-scalars do not). */
function setMode(e: Entry): boolean {
  const text = scalarText(e.value);
  if (text === undefined) return false;
  const v = interpolate(text);
  return v.kind === 'dynamic' || v.text !== '';
}

/** A `networks` list or map with at least one entry. */
function nonEmpty(e: Entry): boolean {
  return (isSeq(e.value) || isMap(e.value)) && e.value.items.length > 0;
}
