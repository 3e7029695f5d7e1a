import { isNull } from '../yamlNodes';
import type { ComposeModel } from '../composeModel';
import type { Problem, Rule } from './problem';

/**
 * `network_mode` and `networks` together (compose-go `loader/validate.go`: "service %s
 * declares mutually exclusive `network_mode` and `networks`"). Across documents a
 * service is one merged service, so the two may come from different layers.
 */
export const networkModeWithNetworks: Rule = (model: ComposeModel) => {
  const out: Problem[] = [];
  for (const [name, decls] of model.servicesByName) {
    const mode = decls.map((d) => d.networkMode).filter((e) => e && !isNull(e.value) && e.keyNode.range).pop();
    const nets = decls.map((d) => d.networks).filter((e) => e && e.keyNode.range).pop();
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
