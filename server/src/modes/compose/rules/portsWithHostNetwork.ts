import * as l10n from '@vscode/l10n';
import { removeKeyFix } from '../codeActions';
import { scalarText } from '../yamlNodes';
import type { ComposeFix, ComposeModel } from '../model';
import type { Problem, Rule } from '../../languageMode';

/**
 * With `network_mode: host` the container uses the host's ports directly and the
 * Engine discards port mappings (compose-spec 05-services.md, network_mode / ports),
 * so `ports` is accepted but ignored.
 */
export const portsWithHostNetwork: Rule<ComposeModel, ComposeFix> = (model: ComposeModel) => {
  const out: Problem<ComposeFix>[] = [];
  for (const svc of model.services) {
    if (!svc.ports?.keyNode.range) continue;
    const mode = model.servicesByName.get(svc.name)!.map((d) => scalarText(d.networkMode?.value ?? null)).filter((m) => m !== undefined).pop();
    if (mode !== 'host') continue;
    const r = svc.ports.keyNode.range;
    out.push({
      range: [r[0], r[1]],
      code: 'ports-with-host-network',
      severity: 'warning',
      message: l10n.t('`ports` of service `{0}` are ignored with `network_mode: host`: the service already listens on the host\'s ports. Remove `ports`.', svc.name),
      fixes: [removeKeyFix(model, svc, 'ports')],
    });
  }
  return out;
};
