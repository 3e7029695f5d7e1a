import { isMap, isSeq } from 'yaml';
import type { ComposeFix, ComposeModel } from '../model';
import { removeKeyFix } from '../codeActions';
import { interpolate } from '../interpolation';
import { scalarText, type Entry } from '../yamlNodes';
import type { Problem, Rule } from '../../languageMode';

/**
 * `network_mode` and `networks` together (compose-go `loader/validate.go`: "service %s
 * declares mutually exclusive `network_mode` and `networks`"). Across documents a
 * service is one merged service, so the two may come from different layers. The check
 * is `NetworkMode != "" && len(Networks) > 0`, so an empty `network_mode` (or one whose
 * interpolation default is empty) and an empty or null `networks` pass.
 */
export const networkModeWithNetworks: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  for (const [name, decls] of model.servicesByName) {
    // The last layer that sets each key is the one Compose keeps, and the one to edit.
    const modeDecl = decls.filter((d) => d.networkMode && setMode(d.networkMode) && d.networkMode.keyNode.range).pop();
    const netsDecl = decls.filter((d) => d.networks && nonEmpty(d.networks) && d.networks.keyNode.range).pop();
    if (!modeDecl || !netsDecl) continue;
    const m = modeDecl.networkMode!.keyNode.range!;
    out.push({
      range: [m[0], m[1]],
      code: 'network-mode-with-networks',
      severity: 'error',
      message: `Service \`${name}\` sets both \`network_mode\` and \`networks\`; Compose refuses the pair. Remove one of them.`,
      fixes: [removeKeyFix(model, modeDecl, 'network_mode'), removeKeyFix(model, netsDecl, 'networks')],
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
